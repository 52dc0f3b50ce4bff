package dev.aiapiserver.auth;

import dev.aiapiserver.request.UserInfo;

import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Step 1: kube-apiserver as front proxy. Only a TLS client certificate that verifies against the
 * requestheader CA, with a CN among the allowed names (when any are listed), makes the identity
 * headers trustworthy; then user, uid, groups and extras come from them. On every request the
 * identity headers are removed afterwards, so nothing downstream can read a spoofed one.
 */
final class FrontProxyAuthenticator implements Handler<RoutingContext> {
  private final AuthenticationConfigSource source;

  FrontProxyAuthenticator(AuthenticationConfigSource source) {
    this.source = source;
  }

  @Override
  public void handle(RoutingContext ctx) {
    AuthenticationConfig config = source.current();
    MultiMap headers = ctx.request().headers();
    if (!Authenticated.already(ctx)) {
      authenticate(ctx, config, headers);
    }
    IdentityHeaders.strip(headers, config);
    ctx.next();
  }

  private static void authenticate(RoutingContext ctx, AuthenticationConfig config, MultiMap headers) {
    List<X509Certificate> chain = PeerCertificates.of(ctx);
    if (chain.isEmpty() || config.requestHeaderCAs().isEmpty()) {
      return;
    }
    Optional<String> unverified = CertificateChains.verify(chain, config.requestHeaderCAs());
    if (unverified.isPresent()) {
      AuthenticationFailure.record(ctx, new AuthenticationFailure(401,
          "client certificate not signed by the requestheader CA: " + unverified.get()));
      return;
    }
    String commonName = PeerCertificates.commonName(chain.get(0));
    if (!config.requestHeaderAllowedNames().isEmpty()
        && !config.requestHeaderAllowedNames().contains(commonName)) {
      AuthenticationFailure.record(ctx, new AuthenticationFailure(401,
          "front-proxy certificate CN \"" + commonName + "\" is not in requestheader-allowed-names"));
      return;
    }
    String user = firstValue(headers, config.requestHeaderUsernameHeaders());
    if (user.isEmpty()) {
      return;
    }
    Authenticated.as(ctx, new UserInfo(user, firstValue(headers, config.requestHeaderUidHeaders()),
        allValues(headers, config.requestHeaderGroupHeaders()),
        extras(headers, config.requestHeaderExtraHeaderPrefixes())));
  }

  private static String firstValue(MultiMap headers, List<String> names) {
    for (String name : names) {
      String value = headers.get(name);
      if (value != null && !value.isEmpty()) {
        return value;
      }
    }
    return "";
  }

  /** One group per header line; several lines of the same header are several groups. */
  private static List<String> allValues(MultiMap headers, List<String> names) {
    List<String> values = new ArrayList<>();
    for (String name : names) {
      headers.getAll(name).stream().filter(v -> !v.isEmpty()).forEach(values::add);
    }
    return List.copyOf(values);
  }

  /** X-Remote-Extra-Some%2fKey: v -> "some/key": [v], as kube-apiserver escapes extra keys. */
  private static Map<String, List<String>> extras(MultiMap headers, List<String> prefixes) {
    Map<String, List<String>> extras = new LinkedHashMap<>();
    Set<String> seen = new HashSet<>();
    for (String name : headers.names()) {
      String lowerName = name.toLowerCase(Locale.ROOT);
      if (!seen.add(lowerName)) {
        continue; // names() may list one header under two spellings; getAll already has both
      }
      for (String prefix : prefixes) {
        String lowerPrefix = prefix.toLowerCase(Locale.ROOT);
        if (lowerName.length() > lowerPrefix.length() && lowerName.startsWith(lowerPrefix)) {
          String key = PercentEncoding.unescape(lowerName.substring(lowerPrefix.length()));
          extras.computeIfAbsent(key, k -> new ArrayList<>()).addAll(headers.getAll(name));
          break;
        }
      }
    }
    extras.replaceAll((k, v) -> List.copyOf(v));
    return Map.copyOf(extras);
  }
}
