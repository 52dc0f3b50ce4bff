package dev.aiapiserver.http;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.http.Http2Settings;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.ServerSSLOptions;
import io.vertx.core.net.TrustOptions;
import io.vertx.ext.web.Router;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * The HTTPS server: TLS always, HTTP/2 and HTTP/1.1 (ALPN), client certificates requested but not
 * required (authenticators verify them against the current CAs), gzip when asked, one server
 * instance per event loop. The serving certificate can be replaced without dropping connections.
 */
public final class ApiServer {
  /** Where and how to listen. trust may be null when no client certificates are to be requested. */
  public record Listen(String host, int port, int instances, Buffer certPem, Buffer keyPem, TrustOptions trust,
      ConnectionLimits limits) {
    public Listen(String host, int port, int instances, Buffer certPem, Buffer keyPem, TrustOptions trust) {
      this(host, port, instances, certPem, keyPem, trust, ConnectionLimits.DEFAULTS);
    }
  }

  /** Go's http.DefaultMaxHeaderBytes (1 MiB) plus the 4 KiB it allows on top. */
  static final int MAX_HEADER_BYTES = (1 << 20) + 4096;

  private final Vertx vertx;
  private final Supplier<Router> routers;
  private final List<HttpServer> servers = new CopyOnWriteArrayList<>();
  private String deployment;

  public ApiServer(Vertx vertx, Supplier<Router> routers) {
    this.vertx = vertx;
    this.routers = routers;
  }

  public Future<Void> start(Listen listen) {
    int port;
    try {
      port = listen.port() == 0 ? freePort(listen.host()) : listen.port();
    } catch (java.io.IOException e) {
      return Future.failedFuture(e);
    }
    HttpServerOptions options = new HttpServerOptions()
        .setHost(listen.host())
        .setPort(port)
        .setSsl(true)
        .setUseAlpn(true)
        .setAlpnVersions(List.of(HttpVersion.HTTP_2, HttpVersion.HTTP_1_1, HttpVersion.HTTP_1_0))
        .setKeyCertOptions(keyCert(listen.certPem(), listen.keyPem()))
        // Go bounds the TLS handshake by the header-read timeout; Vert.x's own default (10 s) is shorter
        .setSslHandshakeTimeout(Math.min(10_000, listen.limits().headerReadTimeout().toMillis()))
        .setSslHandshakeTimeoutUnit(java.util.concurrent.TimeUnit.MILLISECONDS)
        .setCompressionSupported(true)
        .setCompressionContentSizeThreshold(8 * 1024)
        .setDecompressionSupported(true)
        // Go's net/http (kube-apiserver) accepts 1 MiB of request line and headers (long label
        // selectors are real); Netty counts the line apart, so each gets the whole allowance.
        .setMaxInitialLineLength(MAX_HEADER_BYTES)
        .setMaxHeaderSize(MAX_HEADER_BYTES)
        .setInitialSettings(new Http2Settings().setMaxConcurrentStreams(listen.limits().http2MaxStreams())
            .setMaxHeaderListSize(MAX_HEADER_BYTES));
    if (listen.trust() != null) {
      options.setClientAuth(ClientAuth.REQUEST).setTrustOptions(listen.trust());
    }
    return vertx.deployVerticle(() -> new VerticleBase() {
      @Override
      public Future<?> start() {
        ConnectionTimeouts timeouts = new ConnectionTimeouts(vertx, listen.limits());
        Router router = routers.get();
        // first of all routes: every request counts as in flight on its connection until it ends
        router.route().order(-1).handler(timeouts::track);
        Handler<HttpServerRequest> guard = MalformedRequests.guarding(router);
        return vertx.createHttpServer(options)
            .connectionHandler(timeouts::opened)
            .requestHandler(request -> {
              timeouts.sawRequest(request.connection());
              guard.handle(request);
            })
            .invalidRequestHandler(MalformedRequests::undecodable)
            // With a WebSocket handler set, Vert.x hands requests of an unknown HTTP version to the
            // request handler (a 400 Status there) instead of an empty 501. A WebSocket handshake
            // (fabric8's watches) is refused with 503, kube-apiserver's answer when it serves no
            // WebSocket: fabric8 then watches over HTTP.
            .webSocketHandshakeHandler(handshake -> handshake.reject(503))
            .exceptionHandler(ConnectionErrors::log)
            .listen().onSuccess(servers::add);
      }
    }, new DeploymentOptions().setInstances(Math.max(1, listen.instances()))).onSuccess(id -> deployment = id)
        .mapEmpty();
  }

  /** Swaps the serving certificate on every instance; open connections keep theirs. */
  public Future<Void> updateCertificate(Buffer certPem, Buffer keyPem, TrustOptions trust) {
    ServerSSLOptions ssl = new ServerSSLOptions().setKeyCertOptions(keyCert(certPem, keyPem))
        .setUseAlpn(true);
    if (trust != null) {
      ssl.setClientAuth(ClientAuth.REQUEST).setTrustOptions(trust);
    }
    return Future.all(servers.stream().map(s -> s.updateSSLOptions(ssl)).toList()).mapEmpty();
  }

  public int port() {
    return servers.isEmpty() ? -1 : servers.get(0).actualPort();
  }

  public Future<Void> stop() {
    return deployment == null ? Future.succeededFuture() : vertx.undeploy(deployment);
  }

  /** Port 0 means "any free port", but every instance must listen on the same one. */
  private static int freePort(String host) throws java.io.IOException {
    try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName(host))) {
      return s.getLocalPort();
    }
  }

  /** The paths of every route a router serves, for introspection (e.g. the authorization audit test). */
  public static List<String> routePaths(Router router) {
    return router.getRoutes().stream().map(r -> r.getPath() == null ? "<any>" : r.getPath()).distinct().toList();
  }

  private static PemKeyCertOptions keyCert(Buffer certPem, Buffer keyPem) {
    return new PemKeyCertOptions().addCertValue(certPem).addKeyValue(keyPem);
  }
}
