package dev.aiapiserver.http;

import dev.aiapiserver.request.StatusReplies;
import dev.aiapiserver.request.ClientErrorLog;
import dev.aiapiserver.request.LogBudget;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The whole HTTP surface as one Vert.x router: filters first, then every route, then 404. */
public final class ApiRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(ApiRoutes.class);
  private static final LogBudget INTERNAL_ERRORS = new LogBudget(5);

  /** Everything the routes serve from. */
  public record Sources(List<ServedResource> served, List<DiscoveryDocuments.SubresourceType> subresources,
      HealthChecks health, ServerVersion version, RequestMetrics metrics, WatchSettings watch,
      List<Mount> extraMounts) {}

  /** Extra routes (OpenAPI, MCP) mounted behind the same filters. */
  public interface Mount {
    void mount(Router router);
  }

  private ApiRoutes() {}

  public static Router build(Vertx vertx, Sources s, RequestFilters filters) {
    return build(vertx, s, filters, new InFlightLimit(RequestLimits.DEFAULTS));
  }

  /** @param inFlight shared by every router of the server: the limits are server-wide */
  public static Router build(Vertx vertx, Sources s, RequestFilters filters, InFlightLimit inFlight) {
    Router router = Router.router(vertx);
    // A WebSocket watch is upgraded after authentication and authorization, which answer later:
    // paused, its request is not read to the end before then (an ended request cannot upgrade).
    router.route().handler(ctx -> {
      if (WatchStream.wantsWebSocket(ctx.request())) {
        ctx.request().pause();
      }
      ctx.next();
    });
    router.route().handler(s.metrics());
    router.route().handler(filters.audit());
    for (Handler<RoutingContext> authn : filters.authenticators()) {
      router.route().handler(authn);
    }
    router.route().handler(new RequestInfo());
    router.route().handler(inFlight);
    router.route().handler(new RequestDeadline(inFlight.limits()));
    router.route().handler(filters.authorizer());

    HealthChecks health = s.health();
    readOnly(router, "/healthz", health::livez);
    readOnly(router, "/livez", health::livez);
    readOnly(router, "/livez/:check", health::livez);
    readOnly(router, "/readyz", health::readyz);
    readOnly(router, "/readyz/:check", health::readyz);
    readOnly(router, "/version", ctx -> ctx.response().putHeader("Content-Type", "application/json")
        .end(new JsonObject(new java.util.LinkedHashMap<>(s.version().info())).encodePrettily()));
    readOnly(router, "/metrics", s.metrics()::scrape);

    DiscoveryDocuments discovery = new DiscoveryDocuments(
        s.served().stream().map(ServedResource::type).toList(), s.subresources());
    readOnly(router, "/apis", discovery::apis);
    readOnly(router, "/apis/ai.k8s.io", discovery::group);
    readOnly(router, "/apis/ai.k8s.io/v1alpha1", discovery::resources);
    for (Mount m : s.extraMounts()) {
      m.mount(router);
    }
    router.route("/apis/ai.k8s.io/v1alpha1/*").handler(new ResourceRequests(vertx, s.served(), s.watch()));

    router.route().last().handler(ctx -> StatusReplies.fail(ctx, 404, "NotFound",
        "the server could not find the requested resource"));
    router.errorHandler(405, ctx -> StatusReplies.fail(ctx, 405, "MethodNotAllowed",
        "the server does not allow this method on the requested resource"));
    router.errorHandler(500, ApiRoutes::internalError);
    return router;
  }

  /** GET (and HEAD) on a path; any other method on it is a 405 Status. */
  private static void readOnly(Router router, String path, Handler<RoutingContext> handler) {
    router.get(path).handler(handler);
    router.head(path).handler(handler);
    router.route(path).handler(ctx -> StatusReplies.fail(ctx, 405, "MethodNotAllowed",
        "the server does not allow this method on the requested resource"));
  }

  private static void internalError(RoutingContext ctx) {
    Throwable t = ctx.failure();
    if (t instanceof BadRequest b) {
      StatusReplies.fail(ctx, 400, "BadRequest", b.getMessage());
      return;
    }
    // Log the cause for operators (bounded: whatever a client can trigger, it can trigger often);
    // the client gets a Status without a stack trace.
    if (INTERNAL_ERRORS.tryAcquire()) {
      LOG.error("event=internal_error path={} method={}", ClientErrorLog.clean(ctx.request().path()),
          ClientErrorLog.clean(ctx.request().method().name()), t);
    }
    StatusReplies.fail(ctx, 500, "InternalError", "an internal error occurred while serving the request");
  }
}
