package dev.aiapiserver;

import dev.aiapiserver.api.WorkloadEvidence;
import dev.aiapiserver.auth.AuditLog;
import dev.aiapiserver.auth.AuthenticationChain;
import dev.aiapiserver.auth.AuthenticationConfigSource;
import dev.aiapiserver.auth.AuthenticationFlags;
import dev.aiapiserver.auth.AuthorizationSettings;
import dev.aiapiserver.auth.Authorizer;
import dev.aiapiserver.auth.ClientCertificateTrust;
import dev.aiapiserver.config.ServerOptions;
import dev.aiapiserver.engine.Derivations;
import dev.aiapiserver.engine.EngineSettings;
import dev.aiapiserver.engine.ViewEngine;
import dev.aiapiserver.evidence.EvidenceRoutes;
import dev.aiapiserver.evidence.WorkloadEvidences;
import dev.aiapiserver.http.ApiRoutes;
import dev.aiapiserver.http.DiscoveryDocuments;
import dev.aiapiserver.http.ApiServer;
import dev.aiapiserver.http.ConnectionLimits;
import dev.aiapiserver.http.InFlightLimit;
import dev.aiapiserver.http.RequestLimits;
import dev.aiapiserver.http.HealthChecks;
import dev.aiapiserver.http.RequestFilters;
import dev.aiapiserver.http.RequestMetrics;
import dev.aiapiserver.http.ServedResource;
import dev.aiapiserver.http.ServerVersion;
import dev.aiapiserver.http.ViewCodecs;
import dev.aiapiserver.http.WatchSettings;
import dev.aiapiserver.mcp.McpServers;
import dev.aiapiserver.openapi.OpenApiDocuments;
import dev.aiapiserver.openapi.OpenApiRoutes;
import dev.aiapiserver.resources.AiResources;
import dev.aiapiserver.sources.SourceOptions;
import dev.aiapiserver.sources.Sources;
import dev.aiapiserver.store.ResourceVersions;
import dev.aiapiserver.store.ViewStore;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole server, composed: informers feed the engine, the engine fills the stores, the HTTPS
 * routes serve the stores behind authentication and authorization. {@code serve} and {@code demo}
 * both start one of these.
 */
public final class AiApiServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AiApiServer.class);

  /**
   * What the server runs against.
   *
   * @param client the cluster the views are derived from
   * @param reviewClient the cluster that answers TokenReview and SubjectAccessReview
   * @param sourceOptions how informers are set up (a real cluster or the mock)
   * @param authentication the authentication flags (overriding the auth ConfigMap)
   * @param tls the serving certificate
   */
  public record Wiring(KubernetesClient client, KubernetesClient reviewClient, SourceOptions sourceOptions,
      AuthenticationFlags authentication, ServingCertificate tls) {}

  /** How long one log or ControllerRevision read for the evidence subresource may take. */
  static final Duration EVIDENCE_READ_DEADLINE = Duration.ofSeconds(5);
  static final DiscoveryDocuments.SubresourceType EVIDENCE_DISCOVERY = new DiscoveryDocuments.SubresourceType(
      AiResources.WORKLOAD_SUMMARIES.plural(), EvidenceRoutes.SUBRESOURCE, WorkloadEvidence.KIND, List.of("get"));
  static final OpenApiDocuments.Subresource EVIDENCE_OPENAPI = new OpenApiDocuments.Subresource(
      AiResources.WORKLOAD_SUMMARIES.plural(), EvidenceRoutes.SUBRESOURCE, List.of("get"), WorkloadEvidence.class,
      WorkloadEvidence.KIND);

  private final Vertx vertx;
  private final Sources sources;
  private final ViewEngine engine;
  private final AuthenticationConfigSource authConfig;
  private final ApiServer http;
  private final List<ServedResource> served;
  private final List<String> routePaths;

  private AiApiServer(Vertx vertx, Sources sources, ViewEngine engine, AuthenticationConfigSource authConfig,
      ApiServer http, List<ServedResource> served, List<String> routePaths) {
    this.routePaths = routePaths;
    this.vertx = vertx;
    this.sources = sources;
    this.engine = engine;
    this.authConfig = authConfig;
    this.http = http;
    this.served = served;
  }

  /** Starts everything and returns once the HTTPS port listens (readiness follows on /readyz). */
  public static AiApiServer start(ServerOptions options, Wiring wiring) throws Exception {
    applyVerbosity(options.verbosity());
    Clock clock = Clock.systemUTC();
    Vertx vertx = Vertx.vertx();
    ResourceVersions versions = new ResourceVersions();
    int history = options.views().watchCacheHistory();
    ViewStore summaries = new ViewStore(AiResources.WORKLOAD_SUMMARIES.plural(), versions,
        ViewCodecs.of(AiResources.WORKLOAD_SUMMARIES), history, clock);
    ViewStore contexts = new ViewStore(AiResources.CLUSTER_CONTEXTS.plural(), versions,
        ViewCodecs.of(AiResources.CLUSTER_CONTEXTS), 1000, clock);
    ViewStore namespaceSummaries = new ViewStore(AiResources.NAMESPACE_SUMMARIES.plural(), versions,
        ViewCodecs.of(AiResources.NAMESPACE_SUMMARIES), history, clock);
    Sources sources = new Sources(wiring.client(), wiring.sourceOptions(), clock);
    ViewEngine engine = new ViewEngine(sources, summaries, contexts, namespaceSummaries, Derivations.real(),
        new EngineSettings(options.views().viewCoalesceInterval(), options.views().clusterContextMinInterval(),
            EngineSettings.defaults().clockTick()), clock);
    AuthenticationConfigSource authConfig = options.authentication().skipLookup()
        ? AuthenticationConfigSource.withoutConfigMap(wiring.authentication())
        : new AuthenticationConfigSource(wiring.reviewClient(), wiring.authentication());
    authConfig.start().toCompletableFuture().get(30, TimeUnit.SECONDS);
    ClientCertificateTrust trust = new ClientCertificateTrust(authConfig);

    ServerOptions.Authorization authz = options.authorization();
    AuthorizationSettings authorization = new AuthorizationSettings(authz.cacheAuthorizedTtl(),
        authz.cacheUnauthorizedTtl(), authz.alwaysAllowPaths(), AuthorizationSettings.defaults().cacheSize(),
        AuthorizationSettings.defaults().reviewTimeout());
    Authorizer authorizer = new Authorizer(vertx, wiring.reviewClient(), authorization);
    RequestFilters filters = new RequestFilters(new AuditLog(),
        AuthenticationChain.handlers(vertx, wiring.reviewClient(), authConfig,
            options.authentication().tokenWebhookCacheTtl()),
        authorizer);
    WorkloadEvidences evidences = new WorkloadEvidences(vertx, summaries, engine::inputs, authorizer, wiring.client(),
        EVIDENCE_READ_DEADLINE);
    McpServers mcp = new McpServers(authorizer, summaries, contexts, namespaceSummaries, evidences, versions, clock,
        options.serving().maxRequestBodyBytes(), version().gitVersion());
    EvidenceRoutes evidenceRoutes = new EvidenceRoutes(evidences);
    List<ServedResource> served = List.of(new ServedResource(AiResources.WORKLOAD_SUMMARIES, summaries),
        new ServedResource(AiResources.CLUSTER_CONTEXTS, contexts),
        new ServedResource(AiResources.NAMESPACE_SUMMARIES, namespaceSummaries), mcp.served());

    List<HealthChecks.Check> readiness = new ArrayList<>();
    readiness.add(new HealthChecks.Check("ping", Optional::empty));
    // one check per informer: not synced yet, or stale since when (watch lost, API server silent)
    for (String source : sources.synced().keySet()) {
      readiness.add(new HealthChecks.Check("informer-sync:" + source, () -> sources.health().problem(source)));
    }
    readiness.add(new HealthChecks.Check("views-built",
        () -> engine.ready() ? Optional.empty() : Optional.of("first views not built yet")));
    readiness.add(new HealthChecks.Check("authentication-config", authConfig::problem));
    HealthChecks health = new HealthChecks(List.of(new HealthChecks.Check("ping", Optional::empty)), readiness);

    OpenApiDocuments openapi = new OpenApiDocuments(AiResources.all(), List.of(McpServers.OPENAPI, EVIDENCE_OPENAPI));
    RequestMetrics metrics = new RequestMetrics(served);
    ApiRoutes.Sources routes = new ApiRoutes.Sources(served, List.of(McpServers.DISCOVERY, EVIDENCE_DISCOVERY), health,
        version(), metrics, watchSettings(options.serving().limits()),
        List.of(r -> OpenApiRoutes.mount(r, openapi), mcp::mount, evidenceRoutes::mount));
    InFlightLimit inFlight = new InFlightLimit(requestLimits(options.serving().limits()));
    java.util.function.Supplier<io.vertx.ext.web.Router> routers =
        () -> ApiRoutes.build(vertx, routes, filters, inFlight);
    ApiServer http = new ApiServer(vertx, routers);
    ServingCertificate tls = wiring.tls();
    ApiServer.Listen listen = new ApiServer.Listen(options.serving().bindAddress(), options.serving().securePort(),
        Runtime.getRuntime().availableProcessors(), Buffer.buffer(tls.certificatePem()),
        Buffer.buffer(tls.privateKeyPem()), trust.trustOptions(), connectionLimits(options.serving().limits()));
    warmUp(vertx, routers, listen);
    http.start(listen).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    tls.onRotation((cert, key) -> http.updateCertificate(Buffer.buffer(cert), Buffer.buffer(key), trust.trustOptions())
        .onSuccess(v -> LOG.info("event=serving_certificate_reloaded"))
        .onFailure(e -> LOG.warn("event=serving_certificate_reload_failed error=\"{}\"", e.toString())));
    LOG.info("event=listening address={} port={}", options.serving().bindAddress(), http.port());
    engine.start().whenComplete((v, e) -> {
      if (e != null) {
        LOG.error("event=engine_start_failed error=\"{}\"", e.toString());
      } else {
        LOG.info("event=views_ready workloadsummaries={}", summaries.current().size());
      }
    });
    return new AiApiServer(vertx, sources, engine, authConfig, http, served, ApiServer.routePaths(routers.get()));
  }

  /**
   * One anonymous GET /livez, over TLS, to a listener of the same router and certificate on a
   * loopback port of its own, before the real port opens and before the informers start. In a cold
   * JVM the first TLS handshake and the first request through the filters cost class loading, JIT
   * and key exchange: paid while the informers decode their first lists, the first probe took
   * 1-4 s (ProbesDuringSyncBenchmark); answered against the real port while probes already came,
   * 0.6-0.75 s. The answer is not checked; a failure only means the first probe pays instead.
   */
  private static void warmUp(Vertx vertx, java.util.function.Supplier<io.vertx.ext.web.Router> routers,
      ApiServer.Listen listen) {
    ApiServer warm = new ApiServer(vertx, routers);
    io.vertx.core.http.HttpClient client = vertx.createHttpClient(new io.vertx.core.http.HttpClientOptions()
        .setSsl(true).setTrustAll(true).setVerifyHost(false).setConnectTimeout(5_000));
    long started = System.nanoTime();
    try {
      warm.start(new ApiServer.Listen("127.0.0.1", 0, 1, listen.certPem(), listen.keyPem(), listen.trust(),
              listen.limits()))
          .compose(v -> client.request(new io.vertx.core.http.RequestOptions().setHost("127.0.0.1")
              .setPort(warm.port()).setURI("/livez").setTimeout(5_000).putHeader("User-Agent", "ai-apiserver-warm-up")))
          .compose(request -> request.send().compose(io.vertx.core.http.HttpClientResponse::body))
          .eventually(() -> client.close().eventually(warm::stop))
          .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      LOG.debug("event=warm_up millis={}", (System.nanoTime() - started) / 1_000_000);
    } catch (Exception e) {
      LOG.debug("event=warm_up_failed error=\"{}\"", e.toString());
    }
  }

  private static WatchSettings watchSettings(ServerOptions.Limits limits) {
    return new WatchSettings(WatchSettings.DEFAULTS.maxPendingEvents(), WatchSettings.DEFAULTS.bookmarkInterval(),
        java.time.Duration.ofSeconds(limits.minRequestTimeoutSeconds()));
  }

  private static RequestLimits requestLimits(ServerOptions.Limits limits) {
    return new RequestLimits(limits.maxRequestsInFlight(), limits.maxMutatingRequestsInFlight(),
        limits.requestTimeout());
  }

  private static ConnectionLimits connectionLimits(ServerOptions.Limits limits) {
    int streams = limits.http2MaxStreamsPerConnection() > 0 ? limits.http2MaxStreamsPerConnection()
        : ConnectionLimits.DEFAULTS.http2MaxStreams();
    return new ConnectionLimits(limits.headerReadTimeout(), limits.idleTimeout(), streams);
  }

  public int port() {
    return http.port();
  }

  public boolean ready() {
    return engine.ready();
  }

  /** Every route path the server registers (all behind authentication and authorization). */
  public List<String> routePaths() {
    return routePaths;
  }

  public List<ServedResource> served() {
    return served;
  }

  /** -v: 0-3 logs events; 4 and up adds the server's debug detail; 8 and up the libraries' too. */
  static void applyVerbosity(int v) {
    if (v >= 4 && LoggerFactory.getLogger("dev.aiapiserver") instanceof ch.qos.logback.classic.Logger l) {
      l.setLevel(ch.qos.logback.classic.Level.DEBUG);
    }
    if (v >= 8 && LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
      root.setLevel(ch.qos.logback.classic.Level.DEBUG);
      for (String lib : List.of("io.fabric8", "io.vertx", "io.netty")) {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(lib)).setLevel(ch.qos.logback.classic.Level.DEBUG);
      }
    }
  }

  static ServerVersion version() {
    Properties p = new Properties();
    try (InputStream in = AiApiServer.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String v = p.getProperty("version", "0.0.0");
    return new ServerVersion("v" + v.replace("-SNAPSHOT", ""), "unknown", "unknown");
  }

  @Override
  public void close() {
    try {
      http.stop().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.warn("event=http_stop_failed error=\"{}\"", e.toString());
    }
    engine.stop();
    authConfig.close();
    CompletableFuture<Void> closed = vertx.close().toCompletionStage().toCompletableFuture();
    try {
      closed.get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.warn("event=vertx_close_failed error=\"{}\"", e.toString());
    }
  }
}
