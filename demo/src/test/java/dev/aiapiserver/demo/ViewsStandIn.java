package dev.aiapiserver.demo;

import io.fabric8.kubernetes.api.model.APIGroupBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import java.security.cert.X509Certificate;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.security.auth.x500.X500Principal;

/**
 * Stands in for this server behind the front door: HTTPS that requires a client certificate from
 * the front-proxy CA, records what arrives, serves the ai.k8s.io APIGroup, echoes request bodies
 * as an event stream, and answers a watch in two parts, the second only when the test says so.
 */
final class ViewsStandIn implements AutoCloseable {
  /** What one request looked like on arrival. */
  record Arrival(String method, String uri, MultiMap headers, String clientCommonName) {}

  final BlockingQueue<Arrival> arrivals = new LinkedBlockingQueue<>();
  final CompletableFuture<Void> releaseSecondEvent = new CompletableFuture<>();
  private final Vertx vertx = Vertx.vertx();
  private final HttpServer server;

  ViewsStandIn(DemoPki pki) throws Exception {
    server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0)
            .setSsl(true).setUseAlpn(true).setClientAuth(ClientAuth.REQUIRED)
            .setKeyCertOptions(new PemKeyCertOptions()
                .addCertValue(Buffer.buffer(pki.viewsServing().certificatePem()))
                .addKeyValue(Buffer.buffer(pki.viewsServing().privateKeyPem())))
            .setTrustOptions(new PemTrustOptions()
                .addCertValue(Buffer.buffer(pki.frontProxyCa().certificatePem()))))
        .requestHandler(this::handle);
    server.listen().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
  }

  String url() {
    return "https://127.0.0.1:" + server.actualPort();
  }

  private void handle(HttpServerRequest request) {
    MultiMap headers = MultiMap.caseInsensitiveMultiMap().addAll(request.headers());
    arrivals.add(new Arrival(request.method().name(), request.uri(), headers, commonName(request)));
    if (request.path().equals("/apis/ai.k8s.io")) {
      request.response().putHeader("Content-Type", "application/json").end(Serialization.asJson(
          new APIGroupBuilder().withName("ai.k8s.io").addNewVersion()
              .withGroupVersion("ai.k8s.io/v1alpha1").withVersion("v1alpha1").endVersion()
              .withNewPreferredVersion().withGroupVersion("ai.k8s.io/v1alpha1")
              .withVersion("v1alpha1").endPreferredVersion().build()));
    } else if ("true".equals(request.getParam("watch"))) {
      request.response().setChunked(true).putHeader("Content-Type", "application/json");
      request.response().write("{\"type\":\"ADDED\",\"object\":{\"kind\":\"WorkloadSummary\"}}\n");
      releaseSecondEvent.thenRun(() -> vertx.runOnContext(v -> request.response()
          .end("{\"type\":\"MODIFIED\",\"object\":{\"kind\":\"WorkloadSummary\"}}\n")));
    } else if (request.method().name().equals("POST")) {
      request.body().onSuccess(body -> request.response()
          .putHeader("Content-Type", "text/event-stream").end("data: " + body + "\n\n"));
    } else {
      request.response().putHeader("Content-Type", "application/json").end("{\"kind\":\"WorkloadSummaryList\"}");
    }
  }

  private static String commonName(HttpServerRequest request) {
    try {
      X509Certificate client = (X509Certificate) request.connection().sslSession().getPeerCertificates()[0];
      String dn = client.getSubjectX500Principal().getName(X500Principal.RFC2253);
      return dn.replaceFirst("^.*CN=([^,]+).*$", "$1");
    } catch (Exception e) {
      return "";
    }
  }

  @Override
  public void close() throws Exception {
    releaseSecondEvent.complete(null);
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
