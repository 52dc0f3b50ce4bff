package dev.aiapiserver.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Everything the server can be configured with, typed and grouped as k8s.io/apiserver groups its
 * options. Built from flags by {@link CommandLine}; the DEFAULT constants are the documented
 * defaults that {@code --help} shows. An empty Optional means "not given".
 *
 * @param kubeconfig the cluster whose objects the views are derived from; empty: the in-cluster
 *     service account
 * @param verbosity log verbosity, as {@code -v}: 0 logs events, higher levels add detail
 */
public record ServerOptions(
    Serving serving,
    Optional<Path> kubeconfig,
    Authentication authentication,
    Authorization authorization,
    Views views,
    int verbosity) {

  public static final int DEFAULT_SECURE_PORT = 8443;
  public static final String DEFAULT_BIND_ADDRESS = "0.0.0.0";
  public static final long DEFAULT_MAX_REQUEST_BODY_BYTES = 3 * 1024 * 1024;
  public static final Duration DEFAULT_WEBHOOK_CACHE_TTL = Duration.ofSeconds(10);
  public static final List<String> DEFAULT_ALWAYS_ALLOW_PATHS =
      List.of("/healthz", "/readyz", "/livez");
  public static final int DEFAULT_WATCH_CACHE_HISTORY = 10_000;
  public static final Duration DEFAULT_VIEW_COALESCE_INTERVAL = Duration.ofMillis(20);
  public static final Duration DEFAULT_CLUSTER_CONTEXT_MIN_INTERVAL = Duration.ofSeconds(1);

  /**
   * The HTTPS endpoint.
   *
   * @param securePort port to serve HTTPS on; 0 picks a free port
   * @param bindAddress IP address to listen on
   * @param tlsCertFile serving certificate (chain) PEM, reloaded when it changes; given together
   *     with tlsPrivateKeyFile
   * @param tlsPrivateKeyFile the key for tlsCertFile
   * @param certDir where a self-signed certificate is written when no cert files are given; empty:
   *     a new temporary directory
   * @param maxRequestBodyBytes largest request body accepted
   * @param limits bounds on requests and connections
   */
  public record Serving(
      int securePort,
      String bindAddress,
      Optional<Path> tlsCertFile,
      Optional<Path> tlsPrivateKeyFile,
      Optional<Path> certDir,
      long maxRequestBodyBytes,
      Limits limits) {
    public Serving(int securePort, String bindAddress, Optional<Path> tlsCertFile, Optional<Path> tlsPrivateKeyFile,
        Optional<Path> certDir, long maxRequestBodyBytes) {
      this(securePort, bindAddress, tlsCertFile, tlsPrivateKeyFile, certDir, maxRequestBodyBytes, Limits.DEFAULTS);
    }
  }

  /**
   * Bounds on requests and connections, as kube-apiserver's flags and http.Server set them.
   *
   * @param maxRequestsInFlight reads (get, list) in progress at once; beyond: 429; 0: no limit
   * @param maxMutatingRequestsInFlight writes in progress at once; beyond: 429; 0: no limit
   * @param requestTimeout a request that is not a watch is answered 504 after this long
   * @param minRequestTimeoutSeconds a watch without timeoutSeconds ends after a random time between
   *     this and twice this
   * @param http2MaxStreamsPerConnection streams an HTTP/2 client may open at once; 0: Go's default, 250
   * @param headerReadTimeout a connection that has not sent a request's headers this long after
   *     connecting is closed (kube-apiserver: 32 s; no flag)
   * @param idleTimeout a connection without a request in flight is closed after this long
   *     (kube-apiserver: 90 s; no flag)
   */
  public record Limits(
      int maxRequestsInFlight,
      int maxMutatingRequestsInFlight,
      Duration requestTimeout,
      int minRequestTimeoutSeconds,
      int http2MaxStreamsPerConnection,
      Duration headerReadTimeout,
      Duration idleTimeout) {
    public static final Limits DEFAULTS = new Limits(400, 200, Duration.ofMinutes(1), 1800, 0,
        Duration.ofSeconds(32), Duration.ofSeconds(90));
  }

  /**
   * Who is calling, as an aggregated API server learns it from kube-apiserver.
   *
   * @param kubeconfig where to send TokenReviews; empty: the main kubeconfig or in-cluster config
   * @param tokenWebhookCacheTtl how long TokenReview answers are cached
   * @param skipLookup when true, the kube-system/extension-apiserver-authentication ConfigMap is
   *     not read, so only the flags configure client-certificate and front-proxy authentication
   * @param clientCaFile CA bundle for client certificates (user = CN, groups = O); empty: the
   *     ConfigMap's client-ca-file
   */
  public record Authentication(
      Optional<Path> kubeconfig,
      Duration tokenWebhookCacheTtl,
      boolean skipLookup,
      Optional<Path> clientCaFile,
      RequestHeader requestHeader) {}

  /**
   * Front-proxy (request header) authentication: kube-apiserver proves itself with a client
   * certificate and names the user in headers. Each field is empty unless its flag was given; then
   * the value comes from the extension-apiserver-authentication ConfigMap, else the DEFAULT_*.
   *
   * @param clientCaFile CA bundle that verifies the front proxy's client certificate
   * @param allowedNames common names the front proxy may use; an explicit empty list allows any
   */
  public record RequestHeader(
      Optional<Path> clientCaFile,
      Optional<List<String>> allowedNames,
      Optional<List<String>> usernameHeaders,
      Optional<List<String>> uidHeaders,
      Optional<List<String>> groupHeaders,
      Optional<List<String>> extraHeadersPrefixes) {
    public static final List<String> DEFAULT_USERNAME_HEADERS = List.of("X-Remote-User");
    public static final List<String> DEFAULT_UID_HEADERS = List.of("X-Remote-Uid");
    public static final List<String> DEFAULT_GROUP_HEADERS = List.of("X-Remote-Group");
    public static final List<String> DEFAULT_EXTRA_HEADERS_PREFIXES = List.of("X-Remote-Extra-");
  }

  /**
   * Whether the caller may do what it asks, decided by SubjectAccessReview against native RBAC.
   *
   * @param kubeconfig where to send SubjectAccessReviews; empty: the main kubeconfig or in-cluster
   * @param alwaysAllowPaths non-resource paths served without asking (a trailing * matches a
   *     prefix)
   * @param cacheAuthorizedTtl how long an allow is cached
   * @param cacheUnauthorizedTtl how long a deny is cached
   */
  public record Authorization(
      Optional<Path> kubeconfig,
      List<String> alwaysAllowPaths,
      Duration cacheAuthorizedTtl,
      Duration cacheUnauthorizedTtl) {}

  /**
   * How the views are kept.
   *
   * @param watchCacheHistory how many changes are kept for watches to resume from
   * @param viewCoalesceInterval how long changes to one workload are gathered before recomputing
   * @param clusterContextMinInterval least time between two recomputations of the ClusterContext
   */
  public record Views(
      int watchCacheHistory, Duration viewCoalesceInterval, Duration clusterContextMinInterval) {}
}
