package dev.aiapiserver.http;

import dev.aiapiserver.api.Status;
import dev.aiapiserver.request.GoDuration;
import dev.aiapiserver.request.RequestAttributes;
import dev.aiapiserver.request.StatusReplies;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;

/**
 * kube-apiserver's request timeout: a request that is not a watch and has not been answered within
 * --request-timeout gets a 504 Timeout Status (a SubjectAccessReview stuck upstream, an MCP call
 * that never returns), so no client waits forever and nothing in flight is held without bound.
 * A client may ask for less with {@code ?timeout=} (kubectl's --request-timeout sends it): a Go
 * duration above zero and below --request-timeout shortens the deadline, 0 or more leaves it, and
 * one that does not parse is refused with 400, as kube-apiserver's WithRequestDeadline does.
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
    long deadlineMs = timeoutMs;
    String asked = ctx.request().getParam("timeout");
    if (asked != null && !asked.isEmpty()) {
      Duration timeout;
      try {
        timeout = GoDuration.parse(asked);
      } catch (IllegalArgumentException e) {
        StatusReplies.fail(ctx, Status.failure(400, "BadRequest",
            "invalid timeout specified in the request URL - time: invalid duration \""
                + asked.replace("\\", "\\\\").replace("\"", "\\\"") + "\"",
            null));
        return;
      }
      if (!timeout.isNegative() && !timeout.isZero() && timeout.toMillis() < timeoutMs) {
        deadlineMs = Math.max(1, timeout.toMillis());
      }
    }
    long timer = ctx.vertx().setTimer(deadlineMs, id -> StatusReplies.fail(ctx, Status.failure(504, "Timeout",
        "request did not complete within requested timeout - context deadline exceeded",
        new Status.Details(null, null, null, 0))));
    ctx.addEndHandler(done -> ctx.vertx().cancelTimer(timer));
    ctx.next();
  }
}
