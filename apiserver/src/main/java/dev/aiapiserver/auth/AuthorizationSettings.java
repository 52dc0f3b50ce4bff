package dev.aiapiserver.auth;

import java.time.Duration;
import java.util.List;

/**
 * How the {@link Authorizer} asks and remembers.
 *
 * @param allowTtl --authorization-webhook-cache-authorized-ttl (10s)
 * @param denyTtl --authorization-webhook-cache-unauthorized-ttl (10s)
 * @param alwaysAllowPaths --authorization-always-allow-paths (/healthz,/readyz,/livez); an entry
 *     ending in * allows every path it prefixes
 * @param cacheSize how many decisions are kept at most
 * @param reviewTimeout how long a SubjectAccessReview may take before the request is refused
 */
public record AuthorizationSettings(
    Duration allowTtl,
    Duration denyTtl,
    List<String> alwaysAllowPaths,
    int cacheSize,
    Duration reviewTimeout) {

  public static final List<String> DEFAULT_ALWAYS_ALLOW_PATHS = List.of("/healthz", "/readyz", "/livez");

  public AuthorizationSettings {
    alwaysAllowPaths = List.copyOf(alwaysAllowPaths);
  }

  public static AuthorizationSettings defaults() {
    return new AuthorizationSettings(Duration.ofSeconds(10), Duration.ofSeconds(10),
        DEFAULT_ALWAYS_ALLOW_PATHS, 10_000, Duration.ofSeconds(10));
  }

  /** Whether a request path skips authorization. */
  public boolean alwaysAllowed(String path) {
    for (String allowed : alwaysAllowPaths) {
      if (allowed.endsWith("*")
          ? path.startsWith(allowed.substring(0, allowed.length() - 1))
          : path.equals(allowed)) {
        return true;
      }
    }
    return false;
  }
}
