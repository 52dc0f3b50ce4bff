package dev.aiapiserver.bench;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.PemTrustOptions;
import java.util.concurrent.TimeUnit;

/**
 * A second HTTP client for the same measurement, Vert.x's (Netty) HttpClient, so that what the
 * JDK HttpClient costs on its own side of loopback can be told from what the server costs.
 */
final class VertxLoad implements AutoCloseable {
  private final Vertx vertx = Vertx.vertx();
  private final HttpClientAgent client;
  private final int port;

  VertxLoad(ViewsServer server, HttpVersion version) {
    this.port = server.server.port();
    this.client = vertx.createHttpClient(new HttpClientOptions().setProtocolVersion(version).setSsl(true)
        .setUseAlpn(true).setTrustOptions(new PemTrustOptions().addCertValue(Buffer.buffer(server.ca.certificatePem()))));
  }

  /** One client, {@code count} GETs one after the other, each read to its end. */
  HttpLoad.Run sequential(String path, int count) throws Exception {
    Samples samples = new Samples();
    long bytes = 0;
    long start = System.nanoTime();
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1").setPort(port)
        .setURI(path).putHeader("Authorization", "Bearer " + BenchCluster.AGENT_TOKEN)
        .putHeader("Accept", "application/json").putHeader("User-Agent", "bench-vertx");
    for (int i = 0; i < count; i++) {
      long t = System.nanoTime();
      Buffer body = client.request(options).compose(req -> req.send())
          .compose(r -> r.statusCode() == 200 ? r.body() : failed(r))
          .toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
      samples.add(System.nanoTime() - t);
      bytes = body.length();
    }
    return new HttpLoad.Run(samples, count, (System.nanoTime() - start) / 1e9, bytes);
  }

  private static io.vertx.core.Future<Buffer> failed(HttpClientResponse r) {
    return io.vertx.core.Future.failedFuture("answered " + r.statusCode());
  }

  @Override
  public void close() throws Exception {
    client.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
