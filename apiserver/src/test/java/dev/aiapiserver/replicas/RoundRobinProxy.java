package dev.aiapiserver.replicas;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.PemKeyCertOptions;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What kube-apiserver does with {@code --enable-aggregator-routing=true}, on loopback: each request
 * goes to the next replica in turn (a replica that refuses the connection is skipped, as a Service
 * drops an endpoint that is not ready), and its answer streams back — a watch too, chunk by chunk.
 * It counts what the tests ask about: lists of summaries (an informer's relists) and which replica
 * serves each open watch.
 */
final class RoundRobinProxy implements AutoCloseable {
  private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "transfer-encoding", "te",
      "trailer", "upgrade", "host", "http2-settings");

  private final Vertx vertx = Vertx.vertx();
  private final HttpClient client;
  private final HttpServer server;
  private final List<Integer> ports = new CopyOnWriteArrayList<>();
  private final AtomicInteger next = new AtomicInteger();
  private final AtomicInteger summaryLists = new AtomicInteger();
  private final Map<HttpServerResponse, Integer> watches = new ConcurrentHashMap<>();
  private final Map<HttpConnection, Integer> socketWatches = new ConcurrentHashMap<>();
  private final WebSocketClient sockets;

  RoundRobinProxy(List<Integer> replicaPorts, String certPem, String keyPem) throws Exception {
    ports.addAll(replicaPorts);
    // loopback replicas with the test CA's certificate: the proxy's own hop needs no verification
    // watches hold their connection for as long as they run: the pool must not make lists queue behind them
    client = vertx.createHttpClient(new HttpClientOptions().setSsl(true).setTrustAll(true).setVerifyHost(false)
        .setKeepAlive(true), new PoolOptions().setHttp1MaxSize(500));
    sockets = vertx.createWebSocketClient(new WebSocketClientOptions().setSsl(true).setTrustAll(true)
        .setVerifyHost(false));
    server = vertx.createHttpServer(new HttpServerOptions().setSsl(true).setHost("127.0.0.1").setPort(0)
        .setKeyCertOptions(new PemKeyCertOptions().addCertValue(Buffer.buffer(certPem))
            .addKeyValue(Buffer.buffer(keyPem))));
    server.requestHandler(this::relay);
    server.listen().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
  }

  String url() {
    return "https://127.0.0.1:" + server.actualPort();
  }

  /** GETs of workloadsummaries that are lists, not watches: what an informer's relist costs. */
  int summaryLists() {
    return summaryLists.get();
  }

  /** The replica (its port) serving each watch open now. */
  List<Integer> watchingReplicas() {
    List<Integer> all = new java.util.ArrayList<>(watches.values());
    all.addAll(socketWatches.values());
    return all;
  }

  /** Takes a replica out of rotation (its pod is not ready), or puts it back. */
  void remove(int port) {
    ports.remove(Integer.valueOf(port));
  }

  void add(int port) {
    if (!ports.contains(port)) {
      ports.add(port);
    }
  }

  /** Ends every watch open now, as a replica's restart or an idle timeout would: clients reconnect. */
  void endWatches() {
    watches.keySet().forEach(r -> r.reset()); // the connection closes, as when a replica goes away
    watches.clear();
    socketWatches.keySet().forEach(HttpConnection::close);
    socketWatches.clear();
  }

  private void relay(HttpServerRequest in) {
    in.pause();
    boolean watch = in.uri().contains("watch=true") || in.uri().contains("watch=1");
    if (in.path().endsWith("/workloadsummaries") && !watch) {
      summaryLists.incrementAndGet();
    }
    int first = Math.floorMod(next.getAndIncrement(), ports.size());
    if ("websocket".equalsIgnoreCase(in.getHeader("Upgrade"))) {
      attemptSocket(in, first, ports.size());
    } else {
      attempt(in, first, ports.size(), watch);
    }
  }

  /** A WebSocket watch (fabric8's): opened to the replica first, so its refusal reaches the client as is. */
  private void attemptSocket(HttpServerRequest in, int index, int triesLeft) {
    int port = ports.get(index);
    WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port)
        .setURI(in.uri()).setSsl(true);
    in.headers().forEach((name, value) -> {
      String lower = name.toLowerCase(Locale.ROOT);
      if (!HOP_BY_HOP.contains(lower) && !lower.startsWith("sec-websocket")) {
        options.addHeader(name, value);
      }
    });
    HttpConnection connection = in.connection();
    sockets.connect(options).onSuccess(upstream -> {
      upstream.pause(); // its first events wait for the client's side of the upgrade
      in.toWebSocket().onSuccess(client -> {
      socketWatches.put(connection, port);
      upstream.textMessageHandler(client::writeTextMessage);
      upstream.binaryMessageHandler(client::writeBinaryMessage);
      client.textMessageHandler(upstream::writeTextMessage);
      upstream.closeHandler(v -> {
        socketWatches.remove(connection);
        client.close();
      });
      client.closeHandler(v -> {
        socketWatches.remove(connection);
        upstream.close();
      });
      upstream.resume();
      }).onFailure(e -> upstream.close());
    }).onFailure(e -> {
      if (e instanceof UpgradeRejectedException rejected) {
        in.response().setStatusCode(rejected.getStatus()).end(rejected.getBody() == null ? Buffer.buffer()
            : rejected.getBody());
      } else if (triesLeft > 1) {
        attemptSocket(in, (index + 1) % ports.size(), triesLeft - 1);
      } else {
        in.response().setStatusCode(502).end();
      }
    });
  }

  private void attempt(HttpServerRequest in, int index, int triesLeft, boolean watch) {
    int port = ports.get(index);
    RequestOptions options = new RequestOptions().setMethod(in.method()).setHost("127.0.0.1").setPort(port)
        .setURI(in.uri());
    in.headers().forEach((name, value) -> {
      if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
        options.addHeader(name, value);
      }
    });
    client.request(options).compose(upstream -> {
      in.response().closeHandler(v -> {
        upstream.reset();
        watches.remove(in.response());
      });
      return upstream.send(in);
    }).onSuccess(answer -> {
      HttpServerResponse out = in.response();
      out.setStatusCode(answer.statusCode());
      answer.headers().forEach((name, value) -> {
        if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
          out.headers().add(name, value);
        }
      });
      if (!out.headers().contains("Content-Length")) {
        out.setChunked(true);
        out.writeHead(); // a watch's headers reach the client before its first event
      }
      if (watch && answer.statusCode() == 200) {
        watches.put(out, port);
      }
      answer.handler(chunk -> {
        if (!out.closed() && !out.ended()) {
          out.write(chunk);
          if (out.writeQueueFull()) {
            answer.pause();
            out.drainHandler(v -> answer.resume());
          }
        }
      });
      answer.endHandler(v -> {
        watches.remove(out);
        if (!out.closed() && !out.ended()) {
          out.end();
        }
      });
      answer.exceptionHandler(t -> {
        watches.remove(out);
        if (!out.closed() && !out.ended()) {
          out.reset();
        }
      });
      answer.resume();
    }).onFailure(e -> {
      if (triesLeft > 1 && !in.response().headWritten()) {
        attempt(in, (index + 1) % ports.size(), triesLeft - 1, watch);
      } else if (!in.response().ended() && !in.response().closed()) {
        in.response().setStatusCode(502).end();
      }
    });
  }

  @Override
  public void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
