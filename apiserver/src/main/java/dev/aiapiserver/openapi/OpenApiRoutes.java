package dev.aiapiserver.openapi;

import dev.aiapiserver.request.StatusReplies;
import dev.aiapiserver.openapi.MediaRanges.Format;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * The door of the OpenAPI package: GET (and HEAD) on /openapi/v2, /openapi/v3 and
 * /openapi/v3/apis/ai.k8s.io/v1alpha1; anything else under /openapi is a 404 Status. Answers come
 * from bytes built once, so they never block the event loop.
 */
public final class OpenApiRoutes {
  private static final String V2_PROTOBUF = "application/com.github.proto-openapi.spec.v2.v1.0+protobuf";
  static final Format JSON = new Format("application", "json", "application/json", false);
  static final List<Format> V2 = List.of(JSON,
      new Format("application", "com.github.proto-openapi.spec.v2.v1.0+protobuf", V2_PROTOBUF, true),
      new Format("application", "com.github.proto-openapi.spec.v2@v1.0+protobuf", V2_PROTOBUF, true));
  // The v3 protobuf form is not served: kube-aggregator and kubectl read v3 as JSON.
  static final List<Format> V3 = List.of(JSON);
  private static final String V3_PREFIX = "/openapi/v3/";

  private OpenApiRoutes() {}

  public static void mount(Router router, OpenApiDocuments documents) {
    router.route("/openapi/v2").handler(readOnly(exactly("/openapi/v2",
        ctx -> DocumentReplies.send(ctx, documents.v2(), V2, null))));
    // kube-openapi answers the index as JSON whatever the Accept header says.
    router.route("/openapi/v3").handler(readOnly(exactly("/openapi/v3",
        ctx -> DocumentReplies.send(ctx, documents.v3Index(), null, null))));
    router.route(V3_PREFIX + "*").handler(readOnly(ctx -> {
      String path = ctx.normalizedPath().substring(V3_PREFIX.length());
      ServedDocument document = documents.v3(path);
      if (document == null) {
        notFound(ctx);
      } else {
        DocumentReplies.send(ctx, document, V3, OpenApiDocuments.v3Url(path, document));
      }
    }));
    router.route("/openapi/*").handler(readOnly(OpenApiRoutes::notFound));
  }

  private static Handler<RoutingContext> readOnly(Handler<RoutingContext> handler) {
    return ctx -> {
      HttpMethod method = ctx.request().method();
      if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
        ctx.response().putHeader("Allow", "GET, HEAD");
        StatusReplies.fail(ctx, 405, "MethodNotAllowed", "the server does not allow this method on the requested resource");
      } else {
        handler.handle(ctx);
      }
    };
  }

  // Vert.x lets /openapi/v2/ match the route /openapi/v2; kube-openapi does not serve it.
  private static Handler<RoutingContext> exactly(String path, Handler<RoutingContext> handler) {
    return ctx -> {
      if (ctx.request().path().equals(path)) {
        handler.handle(ctx);
      } else {
        notFound(ctx);
      }
    };
  }

  private static void notFound(RoutingContext ctx) {
    StatusReplies.fail(ctx, 404, "NotFound", "the server could not find the requested resource");
  }
}
