package dev.aiapiserver.demo;

import dev.aiapiserver.certs.IssuedCertificate;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo cluster's endpoint, the server in the demo kubeconfig: an HTTPS server that behaves as
 * kube-apiserver does in front of an aggregated API. It authenticates bearer tokens, serves
 * native resources from the embedded cluster after an RBAC check, and proxies ai.k8s.io (and the
 * OpenAPI documents) to this server with a front-proxy client certificate and X-Remote-*
 * headers, streaming both ways.
 */
public final class FrontDoor implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FrontDoor.class);
  private static final int MAX_WATCH_EVENT_BYTES = 16 * 1024 * 1024;

  /**
   * Where the front door listens and what it fronts.
   *
   * @param host address to listen on (loopback)
   * @param port port to listen on; 0 picks a free one
   * @param serving the front door's serving certificate
   * @param users the bearer tokens it accepts
   * @param cluster the embedded cluster's plain-HTTP address and token
   * @param views the HTTPS addresses of this server's replicas: each request goes to the next
   * @param viewsCaPem the CA that signed this server's serving certificate
   * @param frontProxyClient the client certificate it proves itself to this server with
   */
  public record Settings(String host, int port, IssuedCertificate serving, DemoUsers users,
      ClusterEndpoint cluster, List<URI> views, String viewsCaPem, IssuedCertificate frontProxyClient) {}

  private final HttpServer server;
  private final List<AutoCloseable> clients;

  private FrontDoor(HttpServer server, List<AutoCloseable> clients) {
    this.server = server;
    this.clients = clients;
  }

  /** Starts listening; blocks until it does (never call it on an event loop). */
  public static FrontDoor start(Vertx vertx, Settings settings) throws Exception {
    HttpClient clusterClient = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true),
        new PoolOptions().setHttp1MaxSize(64));
    WebSocketClient websockets = vertx.createWebSocketClient(new WebSocketClientOptions()
        .setMaxFrameSize(MAX_WATCH_EVENT_BYTES).setMaxMessageSize(MAX_WATCH_EVENT_BYTES));
    HttpClient viewsClient = vertx.createHttpClient(new HttpClientOptions()
            .setSsl(true).setUseAlpn(true).setProtocolVersion(HttpVersion.HTTP_2)
            .setVerifyHost(true)
            .setTrustOptions(new PemTrustOptions().addCertValue(Buffer.buffer(settings.viewsCaPem())))
            .setKeyCertOptions(new PemKeyCertOptions()
                .addCertValue(Buffer.buffer(settings.frontProxyClient().certificatePem()))
                .addKeyValue(Buffer.buffer(settings.frontProxyClient().privateKeyPem()))),
        new PoolOptions().setHttp2MaxSize(4).setHttp1MaxSize(64));
    Reception reception = new Reception(settings.users(),
        new AccessReviews(clusterClient, settings.cluster()),
        new ViewsUpstream(viewsClient, settings.views()),
        new ClusterUpstream(clusterClient, new NativeWatches(vertx, websockets, settings.cluster()),
            settings.cluster()));
    HttpServer server = vertx.createHttpServer(new HttpServerOptions()
            .setHost(settings.host()).setPort(settings.port())
            .setSsl(true).setUseAlpn(true)
            .setKeyCertOptions(new PemKeyCertOptions()
                .addCertValue(Buffer.buffer(settings.serving().certificatePem()))
                .addKeyValue(Buffer.buffer(settings.serving().privateKeyPem()))))
        .requestHandler(reception);
    server.listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    LOG.info("event=front_door_listening address={} port={}", settings.host(), server.actualPort());
    return new FrontDoor(server, List.of(
        () -> clusterClient.close(), () -> viewsClient.close(), () -> websockets.close()));
  }

  public int port() {
    return server.actualPort();
  }

  @Override
  public void close() {
    try {
      server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      for (AutoCloseable client : clients) {
        client.close();
      }
    } catch (Exception e) {
      LOG.warn("event=front_door_stop_failed error=\"{}\"", e.toString());
    }
  }
}
