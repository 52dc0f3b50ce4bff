package dev.aiapiserver.http;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Closes connections that hold a file descriptor without using it: one that has not completed a
 * request's headers within the header-read timeout of connecting (half-sent headers, a client that
 * connected and went quiet), and one with no request in flight for the idle timeout. A watch is a
 * request in flight however quiet it is, as in Go, whose timeouts only apply between requests.
 * One per server instance; a sweep each second, on that instance's event loop.
 */
final class ConnectionTimeouts {
  private static final class Tracked {
    final HttpConnection connection;
    volatile long lastRequestNanos;
    volatile boolean requested;
    volatile int inFlight;

    Tracked(HttpConnection connection, long now) {
      this.connection = connection;
      this.lastRequestNanos = now;
    }
  }

  private final ConnectionLimits limits;
  private final Map<HttpConnection, Tracked> open = new ConcurrentHashMap<>();

  ConnectionTimeouts(Vertx vertx, ConnectionLimits limits) {
    this.limits = limits;
    long period = Math.max(10, Math.min(1000, limits.headerReadTimeout().toMillis() / 4));
    vertx.setPeriodic(period, id -> sweep(System.nanoTime()));
  }

  void opened(HttpConnection connection) {
    open.put(connection, new Tracked(connection, System.nanoTime()));
    connection.closeHandler(v -> open.remove(connection));
  }

  /** Installed first on the router: counts the request in flight on its connection until it ends. */
  void track(RoutingContext ctx) {
    Tracked t = open.get(ctx.request().connection());
    if (t != null) {
      t.requested = true;
      t.inFlight++;
      t.lastRequestNanos = System.nanoTime();
      ctx.addEndHandler(done -> {
        t.inFlight--;
        t.lastRequestNanos = System.nanoTime();
      });
    }
    ctx.next();
  }

  /** A request the router never saw (refused as malformed) still shows the connection in use. */
  void sawRequest(HttpConnection connection) {
    Tracked t = open.get(connection);
    if (t != null) {
      t.requested = true;
      t.lastRequestNanos = System.nanoTime();
    }
  }

  int open() {
    return open.size();
  }

  private void sweep(long now) {
    for (Tracked t : open.values()) {
      if (t.inFlight > 0) {
        continue;
      }
      long limit = (t.requested ? limits.idleTimeout() : limits.headerReadTimeout()).toNanos();
      if (now - t.lastRequestNanos > limit) {
        open.remove(t.connection);
        t.connection.close();
      }
    }
  }
}
