package dev.aiapiserver.demo;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import java.net.URI;

/**
 * kubectl watches over a streamed HTTP answer (one JSON event per line); the fabric8 mock only
 * watches over WebSocket. The bridge opens the WebSocket for the same path and query and writes
 * each event it brings as one line of the HTTP answer, as it comes. Either side closing closes
 * the other.
 */
final class WatchBridge {
  private final WebSocketClient websockets;
  private final URI cluster;

  WatchBridge(WebSocketClient websockets, URI cluster) {
    this.websockets = websockets;
    this.cluster = cluster;
  }

  /** Fails, without having answered, when the cluster refuses the watch. */
  Future<Void> watch(HttpServerRequest in) {
    WebSocketConnectOptions options = new WebSocketConnectOptions().setHost(cluster.getHost())
        .setPort(cluster.getPort()).setURI(in.uri());
    return websockets.connect(options).map(socket -> {
      stream(socket, in);
      return null;
    });
  }

  private static void stream(WebSocket socket, HttpServerRequest in) {
    HttpServerResponse out = in.response();
    out.setStatusCode(200).putHeader("Content-Type", "application/json")
        .putHeader("Cache-Control", "no-cache, private");
    if (in.version() != HttpVersion.HTTP_2) {
      out.setChunked(true);
    }
    out.writeHead();
    socket.textMessageHandler(event -> {
      if (!out.ended() && !out.closed()) {
        out.write(Buffer.buffer(event.endsWith("\n") ? event : event + "\n"));
        if (out.writeQueueFull()) {
          // kubectl reads slowly: stop reading events until it catches up
          socket.pause();
          out.drainHandler(v -> socket.resume());
        }
      }
    });
    socket.closeHandler(v -> {
      if (!out.ended() && !out.closed()) {
        out.end();
      }
    });
    socket.exceptionHandler(e -> socket.close());
    out.closeHandler(v -> socket.close());
    in.resume();
  }
}
