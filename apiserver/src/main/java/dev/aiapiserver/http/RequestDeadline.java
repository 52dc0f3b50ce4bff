package dev.aiapiserver.http;

import dev.aiapiserver.api.Status;
import dev.aiapiserver.auth.RequestAttributes;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * kube-apiserver's request timeout: a request that is not a watch and has not been answered within
 * --request-timeout gets a 504 Timeout Status (a SubjectAccessReview stuck upstream, an MCP call
 * that never returns), so no client waits forever and nothing in flight is held without bound.
 */
final class RequestDeadline implements Handler<RoutingContext> {
  private final long timeoutMs;

  RequestDeadline(RequestLimits limits) {
    this.timeoutMs = limits.requestTimeout().toMillis();
  }

  @Override
  public void handle(RoutingContext ctx) {
    RequestAttributes a = RequestInfo.of(ctx);
    if (timeoutMs <= 0 || a == null || a.verb().equals("watch")) {
      ctx.next();
      return;
    }
    long timer = ctx.vertx().setTimer(timeoutMs, id -> StatusReplies.fail(ctx, Status.failure(504, "Timeout",
        "request did not complete within requested timeout - context deadline exceeded",
        new Status.Details(null, null, null, 0))));
    ctx.addEndHandler(done -> ctx.vertx().cancelTimer(timer));
    ctx.next();
  }
}
