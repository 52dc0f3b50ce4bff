package dev.aiapiserver.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.ServerWebSocket;

/**
 * Where a watch's events go: a chunked HTTP response, one JSON line per event (kubectl, client-go),
 * or a WebSocket, one text message per event (fabric8's default, which kube-apiserver serves too).
 */
interface WatchSink {
  /** Writes one event, given as its JSON line. */
  void write(Buffer line);

  boolean writeQueueFull();

  void drainHandler(Runnable drained);

  /** The client went away or the watch was ended. */
  boolean done();

  void end();

  /** Runs once when the client goes away. */
  void onClose(Runnable closed);

  /**
   * @param ctx the request's routing context: the watch ends through its end handlers, not the
   *     response's own (single) handlers, which Vert.x Web uses to run every end handler (metrics,
   *     in-flight counts) when a client goes away
   */
  static WatchSink of(io.vertx.ext.web.RoutingContext ctx) {
    HttpServerResponse response = ctx.response();
    return new WatchSink() {
      @Override
      public void write(Buffer line) {
        response.write(line);
      }

      @Override
      public boolean writeQueueFull() {
        return response.writeQueueFull();
      }

      @Override
      public void drainHandler(Runnable drained) {
        response.drainHandler(v -> drained.run());
      }

      @Override
      public boolean done() {
        return response.ended() || response.closed();
      }

      @Override
      public void end() {
        if (!done()) {
          response.end();
        }
      }

      @Override
      public void onClose(Runnable closed) {
        ctx.addEndHandler(done -> closed.run());
      }
    };
  }

  static WatchSink of(ServerWebSocket socket) {
    return new WatchSink() {
      @Override
      public void write(Buffer line) {
        // one event per message, without the line's newline
        socket.writeTextMessage(line.getString(0, line.length() - 1));
      }

      @Override
      public boolean writeQueueFull() {
        return socket.writeQueueFull();
      }

      @Override
      public void drainHandler(Runnable drained) {
        socket.drainHandler(v -> drained.run());
      }

      @Override
      public boolean done() {
        return socket.isClosed();
      }

      @Override
      public void end() {
        if (!done()) {
          socket.close();
        }
      }

      @Override
      public void onClose(Runnable closed) {
        socket.closeHandler(v -> closed.run());
        socket.exceptionHandler(t -> closed.run());
      }
    };
  }
}
