package dev.aiapiserver.auth;

import dev.aiapiserver.http.ClientErrorLog;
import dev.aiapiserver.http.StatusReplies;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.LoggerFactory;

/**
 * Step 4: a request no earlier step authenticated is system:anonymous (group
 * system:unauthenticated) — unless it carried credentials that failed, which k8s.io/apiserver
 * refuses (401, or 503 when a review could not run) rather than downgrade to anonymous.
 */
final class AnonymousAuthenticator implements Handler<RoutingContext> {
  private static final ClientErrorLog LOG = new ClientErrorLog(LoggerFactory.getLogger(AnonymousAuthenticator.class));

  @Override
  public void handle(RoutingContext ctx) {
    if (Authenticated.already(ctx)) {
      ctx.next();
      return;
    }
    AuthenticationFailure failure = ctx.get(AuthenticationFailure.KEY);
    if (failure == null) {
      ctx.put(Authenticated.KEY, UserInfo.ANONYMOUS);
      ctx.next();
      return;
    }
    LOG.info("authentication_refused", "code=" + failure.code() + " reason=" + ClientErrorLog.clean(failure.reason()));
    if (failure.code() == 503) {
      ctx.response().putHeader("Retry-After", "1");
      StatusReplies.fail(ctx, 503, StatusReplies.reasonFor(503),
          "authentication is unavailable: the credentials could not be checked, try again");
    } else {
      StatusReplies.fail(ctx, 401, StatusReplies.reasonFor(401), "Unauthorized");
    }
  }
}
