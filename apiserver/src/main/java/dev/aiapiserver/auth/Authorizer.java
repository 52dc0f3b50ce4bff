package dev.aiapiserver.auth;

import dev.aiapiserver.request.RequestAttributes;
import dev.aiapiserver.request.UserInfo;

import dev.aiapiserver.request.StatusReplies;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authorization for every request: a SubjectAccessReview for the authenticated user and the
 * request's {@link RequestAttributes}, except on the always-allow paths. An allow continues the
 * chain; a deny answers 403 worded like kube-apiserver's; a review that fails or times out answers
 * 503 ServiceUnavailable (fail closed: kube-apiserver would say 500, but the cause is an
 * unavailable dependency and the client should retry). Install after request-info resolution.
 */
public final class Authorizer implements Handler<RoutingContext> {
  static final String DECISION_KEY = Authorizer.class.getName() + ".decision";
  private static final Logger LOG = LoggerFactory.getLogger(Authorizer.class);

  private final Vertx vertx;
  private final AuthorizationSettings settings;
  private final SubjectAccessReviewer reviewer;

  public Authorizer(Vertx vertx, KubernetesClient client, AuthorizationSettings settings, Clock clock) {
    this.vertx = vertx;
    this.settings = settings;
    this.reviewer = new SubjectAccessReviewer(vertx, client, settings, clock);
  }

  public Authorizer(Vertx vertx, KubernetesClient client, AuthorizationSettings settings) {
    this(vertx, client, settings, Clock.systemUTC());
  }

  /**
   * Whether user may do what request describes (cached like every decision). For checks made
   * inside a request, e.g. an MCP tool reading a view; a failed review fails the future.
   */
  public Future<AccessDecision> check(UserInfo user, RequestAttributes request) {
    return Future.fromCompletionStage(reviewer.review(user, request), vertx.getOrCreateContext());
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (settings.alwaysAllowed(ctx.normalizedPath())) {
      ctx.put(DECISION_KEY, "allow");
      ctx.next();
      return;
    }
    UserInfo user = ctx.get(UserInfo.class.getName());
    RequestAttributes resolved = ctx.get(RequestAttributes.class.getName());
    if (user == null || resolved == null) {
      // A wiring mistake, not a client's: refuse rather than guess.
      ctx.put(DECISION_KEY, "error");
      StatusReplies.fail(ctx, 500, StatusReplies.reasonFor(500),
          "the request reached authorization without an identity or request attributes");
      return;
    }
    RequestAttributes request = SubjectAccessReviewer.normalized(resolved);
    if (!request.path().isEmpty() && !request.path().equals(ctx.normalizedPath())) {
      // The router dispatches on the normalized path; attributes taken from another spelling
      // (dot segments, escaped characters) would authorize something other than what is served.
      ctx.put(DECISION_KEY, "deny");
      StatusReplies.fail(ctx, 400, StatusReplies.reasonFor(400),
          "the request path is not in canonical form (no dot segments or escaped unreserved characters)");
      return;
    }
    check(user, request).onComplete(answer -> {
      if (answer.failed()) {
        ctx.put(DECISION_KEY, "error");
        LOG.warn("event=authorization_unavailable user=\"{}\" reason=\"{}\"",
            AuditLog.clean(user.name()), AuditLog.clean(String.valueOf(answer.cause())));
        ctx.response().putHeader("Retry-After", "1");
        StatusReplies.fail(ctx, 503, StatusReplies.reasonFor(503),
            "authorization is unavailable: the SubjectAccessReview for this request could not be completed; try again");
      } else if (answer.result().allowed()) {
        ctx.put(DECISION_KEY, "allow");
        ctx.next();
      } else {
        ctx.put(DECISION_KEY, "deny");
        StatusReplies.fail(ctx, Forbidden.status(user, request, answer.result().reason()));
      }
    });
  }
}
