package dev.aiapiserver.config;

import static dev.aiapiserver.config.ServerOptions.DEFAULT_ALWAYS_ALLOW_PATHS;
import static dev.aiapiserver.config.ServerOptions.DEFAULT_CLUSTER_CONTEXT_MIN_INTERVAL;
import static dev.aiapiserver.config.ServerOptions.DEFAULT_MAX_REQUEST_BODY_BYTES;
import static dev.aiapiserver.config.ServerOptions.DEFAULT_SECURE_PORT;
import static dev.aiapiserver.config.ServerOptions.DEFAULT_VIEW_COALESCE_INTERVAL;
import static dev.aiapiserver.config.ServerOptions.DEFAULT_WATCH_CACHE_HISTORY;
import static dev.aiapiserver.config.ServerOptions.DEFAULT_WEBHOOK_CACHE_TTL;

import dev.aiapiserver.config.ServerOptions.RequestHeader;
import dev.aiapiserver.request.GoDuration;
import io.netty.util.NetUtil;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The server's flags (names as in k8s.io/apiserver) and how they become {@link ServerOptions}. An
 * embedding command (the demo module) accepts the serving, views and logging flags; it brings its
 * own cluster, certificates and authentication.
 */
public final class ServerFlags {
  private ServerFlags() {}

  public static FlagSet define(FlagSet flags, String defaultBindAddress, boolean embedded) {
    flags
        .section("Serving")
        .value(
            "secure-port",
            "port",
            String.valueOf(DEFAULT_SECURE_PORT),
            "The port to serve HTTPS on; 0 picks a free port.")
        .value("bind-address", "ip", defaultBindAddress, "The IP address to listen on.");
    if (!embedded) {
      flags
          .value(
              "tls-cert-file",
              "file",
              null,
              "Serving certificate (PEM, chain after the leaf); reloaded when it changes. Without"
                  + " it a self-signed certificate is generated into --cert-dir.")
          .value("tls-private-key-file", "file", null, "Private key for --tls-cert-file (PEM).")
          .value(
              "cert-dir",
              "dir",
              null,
              "Where the self-signed certificate is written when no --tls-cert-file is given."
                  + " Default: a new temporary directory.");
    }
    flags.value(
        "max-request-body-bytes",
        "bytes",
        String.valueOf(DEFAULT_MAX_REQUEST_BODY_BYTES),
        "The largest request body accepted.");
    ServerOptions.Limits limits = ServerOptions.Limits.DEFAULTS;
    flags
        .value(
            "max-requests-inflight",
            "count",
            String.valueOf(limits.maxRequestsInFlight()),
            "The most non-mutating requests (get, list) in progress at once; beyond it a 429 with"
                + " Retry-After. Watches, health probes and system:masters are not counted. 0: no"
                + " limit.")
        .value(
            "max-mutating-requests-inflight",
            "count",
            String.valueOf(limits.maxMutatingRequestsInFlight()),
            "The most mutating requests (the MCP door's POSTs, refused writes) in progress at once;"
                + " beyond it a 429. 0: no limit.")
        .value(
            "request-timeout",
            "duration",
            GoDuration.format(limits.requestTimeout()),
            "How long a request that is not a watch may take before it is answered 504 Timeout.")
        .value(
            "min-request-timeout",
            "seconds",
            String.valueOf(limits.minRequestTimeoutSeconds()),
            "A watch without timeoutSeconds ends after a random time between this and twice this,"
                + " so clients do not reconnect in lockstep.")
        .value(
            "http2-max-streams-per-connection",
            "count",
            String.valueOf(limits.http2MaxStreamsPerConnection()),
            "The most HTTP/2 streams a client may open at once on one connection; 0: Go's default,"
                + " 250.");
    if (!embedded) {
      defineCluster(flags);
    }
    flags
        .section("Views")
        .value(
            "watch-cache-history",
            "count",
            String.valueOf(DEFAULT_WATCH_CACHE_HISTORY),
            "How many view changes are kept for watches to resume from; older resourceVersions"
                + " get 410 Expired.")
        .value(
            "view-coalesce-interval",
            "duration",
            GoDuration.format(DEFAULT_VIEW_COALESCE_INTERVAL),
            "How long changes to one workload are gathered before its view is recomputed.")
        .value(
            "cluster-context-min-interval",
            "duration",
            GoDuration.format(DEFAULT_CLUSTER_CONTEXT_MIN_INTERVAL),
            "Least time between two recomputations of the ClusterContext.")
        .section("Logging")
        .value("v", "level", "0", "Log verbosity: 0 logs events; higher levels add detail.");
    return flags;
  }

  private static void defineCluster(FlagSet flags) {
    String ttl = GoDuration.format(DEFAULT_WEBHOOK_CACHE_TTL);
    flags
        .section("Cluster")
        .value(
            "kubeconfig",
            "file",
            null,
            "Kubeconfig of the cluster to serve views for. Default: the in-cluster service"
                + " account.")
        .section("Authentication")
        .value(
            "authentication-kubeconfig",
            "file",
            null,
            "Kubeconfig for TokenReview calls. Default: --kubeconfig or the in-cluster config.")
        .value(
            "authentication-token-webhook-cache-ttl",
            "duration",
            ttl,
            "How long TokenReview answers are cached.")
        .toggle(
            "authentication-skip-lookup",
            "Do not read the kube-system/extension-apiserver-authentication ConfigMap; only"
                + " these flags configure client-certificate and front-proxy authentication.")
        .value(
            "client-ca-file",
            "file",
            null,
            "CA bundle that verifies client certificates (user = CN, groups = O). Default: from"
                + " the ConfigMap.")
        .value(
            "requestheader-client-ca-file",
            "file",
            null,
            "CA bundle that verifies the front proxy's client certificate before request headers"
                + " are trusted. Default: from the ConfigMap.")
        .list(
            "requestheader-allowed-names",
            "names",
            null,
            "Common names the front proxy's certificate may carry; empty allows any. Default:"
                + " from the ConfigMap.")
        .list(
            "requestheader-username-headers",
            "headers",
            join(RequestHeader.DEFAULT_USERNAME_HEADERS),
            "Headers that name the user, first match wins. Given: overrides the ConfigMap.")
        .list(
            "requestheader-uid-headers",
            "headers",
            join(RequestHeader.DEFAULT_UID_HEADERS),
            "Headers that carry the user's UID. Given: overrides the ConfigMap.")
        .list(
            "requestheader-group-headers",
            "headers",
            join(RequestHeader.DEFAULT_GROUP_HEADERS),
            "Headers that carry the user's groups. Given: overrides the ConfigMap.")
        .list(
            "requestheader-extra-headers-prefix",
            "prefixes",
            join(RequestHeader.DEFAULT_EXTRA_HEADERS_PREFIXES),
            "Header prefixes for extra user attributes. Given: overrides the ConfigMap.")
        .section("Authorization")
        .value(
            "authorization-kubeconfig",
            "file",
            null,
            "Kubeconfig for SubjectAccessReview calls. Default: --kubeconfig or the in-cluster"
                + " config.")
        .list(
            "authorization-always-allow-paths",
            "paths",
            join(DEFAULT_ALWAYS_ALLOW_PATHS),
            "Non-resource paths served to anyone without a SubjectAccessReview; a trailing *"
                + " matches a prefix.")
        .value(
            "authorization-webhook-cache-authorized-ttl",
            "duration",
            ttl,
            "How long an allowed SubjectAccessReview is cached.")
        .value(
            "authorization-webhook-cache-unauthorized-ttl",
            "duration",
            ttl,
            "How long a denied SubjectAccessReview is cached.");
  }

  public static ServerOptions read(ParsedFlags flags, String defaultBindAddress) {
    Optional<Path> certFile = flags.path("tls-cert-file");
    Optional<Path> keyFile = flags.path("tls-private-key-file");
    if (certFile.isPresent() != keyFile.isPresent()) {
      throw new UsageException(
          "flags --tls-cert-file and --tls-private-key-file must be given together");
    }
    ServerOptions.Serving serving =
        new ServerOptions.Serving(
            flags.integer("secure-port", DEFAULT_SECURE_PORT, 0, 65535),
            ipAddress(flags, flags.string("bind-address", defaultBindAddress)),
            certFile,
            keyFile,
            flags.path("cert-dir"),
            flags.longInteger("max-request-body-bytes", DEFAULT_MAX_REQUEST_BODY_BYTES, 1),
            limits(flags));
    RequestHeader requestHeader =
        new RequestHeader(
            flags.path("requestheader-client-ca-file"),
            flags.list("requestheader-allowed-names"),
            flags.list("requestheader-username-headers"),
            flags.list("requestheader-uid-headers"),
            flags.list("requestheader-group-headers"),
            flags.list("requestheader-extra-headers-prefix"));
    ServerOptions.Authentication authentication =
        new ServerOptions.Authentication(
            flags.path("authentication-kubeconfig"),
            flags.duration(
                "authentication-token-webhook-cache-ttl", DEFAULT_WEBHOOK_CACHE_TTL, true),
            flags.toggle("authentication-skip-lookup"),
            flags.path("client-ca-file"),
            requestHeader);
    ServerOptions.Authorization authorization =
        new ServerOptions.Authorization(
            flags.path("authorization-kubeconfig"),
            paths(flags, "authorization-always-allow-paths"),
            flags.duration(
                "authorization-webhook-cache-authorized-ttl", DEFAULT_WEBHOOK_CACHE_TTL, true),
            flags.duration(
                "authorization-webhook-cache-unauthorized-ttl", DEFAULT_WEBHOOK_CACHE_TTL, true));
    ServerOptions.Views views =
        new ServerOptions.Views(
            flags.integer("watch-cache-history", DEFAULT_WATCH_CACHE_HISTORY, 1, Integer.MAX_VALUE),
            flags.duration("view-coalesce-interval", DEFAULT_VIEW_COALESCE_INTERVAL, true),
            flags.duration(
                "cluster-context-min-interval", DEFAULT_CLUSTER_CONTEXT_MIN_INTERVAL, true));
    return new ServerOptions(
        serving,
        flags.path("kubeconfig"),
        authentication,
        authorization,
        views,
        flags.integer("v", 0, 0, 10));
  }

  private static ServerOptions.Limits limits(ParsedFlags flags) {
    ServerOptions.Limits d = ServerOptions.Limits.DEFAULTS;
    return new ServerOptions.Limits(
        flags.integer("max-requests-inflight", d.maxRequestsInFlight(), 0, Integer.MAX_VALUE),
        flags.integer("max-mutating-requests-inflight", d.maxMutatingRequestsInFlight(), 0, Integer.MAX_VALUE),
        flags.duration("request-timeout", d.requestTimeout(), true),
        flags.integer("min-request-timeout", d.minRequestTimeoutSeconds(), 0, Integer.MAX_VALUE),
        flags.integer("http2-max-streams-per-connection", d.http2MaxStreamsPerConnection(), 0, Integer.MAX_VALUE),
        d.headerReadTimeout(),
        d.idleTimeout());
  }

  /** An IP literal only, checked by syntax: a host name here would mean a DNS lookup. */
  private static String ipAddress(ParsedFlags flags, String value) {
    if (NetUtil.isValidIpV4Address(value) || NetUtil.isValidIpV6Address(value)) {
      return value;
    }
    throw flags.invalid("bind-address", value, "an IP address such as 0.0.0.0 or 127.0.0.1");
  }

  private static List<String> paths(ParsedFlags flags, String name) {
    List<String> paths = flags.list(name, DEFAULT_ALWAYS_ALLOW_PATHS);
    for (String path : paths) {
      if (!path.startsWith("/")) {
        throw flags.invalid(name, path, "paths that start with /");
      }
    }
    return paths;
  }

  private static String join(List<String> values) {
    return String.join(",", values);
  }
}
