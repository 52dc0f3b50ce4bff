package dev.aiapiserver.http;

import dev.aiapiserver.store.ViewStore;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;

/**
 * Serves a request for a version this replica has not reached yet once it has, as kube-apiserver's
 * watch cache does: another replica may be a few milliseconds ahead. The request waits without
 * holding the event loop, and after {@link #LIMIT} it is answered as too large.
 */
final class VersionWait {
  static final Duration LIMIT = Duration.ofSeconds(3);
  private static final long POLL_MILLIS = 20;

  private VersionWait() {}

  /**
   * @param version the version the request names (0: none, served at once)
   * @param reached runs on the event loop once the store has reached it
   * @param tooLarge runs instead when it is not reached within the limit (or the client left)
   */
  static void until(Vertx vertx, RoutingContext ctx, ViewStore store, long version, Runnable reached,
      Runnable tooLarge) {
    if (version <= 0 || store.reached(version)) {
      reached.run();
      return;
    }
    long deadline = System.nanoTime() + LIMIT.toNanos();
    vertx.setPeriodic(POLL_MILLIS, id -> {
      if (ctx.response().closed() || ctx.response().ended()) {
        vertx.cancelTimer(id);
      } else if (store.reached(version)) {
        vertx.cancelTimer(id);
        reached.run();
      } else if (System.nanoTime() > deadline) {
        vertx.cancelTimer(id);
        tooLarge.run();
      }
    });
  }
}
