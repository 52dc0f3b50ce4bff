package dev.aiapiserver.http;

import dev.aiapiserver.auth.RequestAttributes;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Resolves what a request asks for ({@link RequestAttributes#resolve}) and puts it into the context
 * for authorization and the handlers.
 */
public final class RequestInfo implements Handler<RoutingContext> {

  public static final String KEY = RequestAttributes.class.getName();

  public static RequestAttributes of(RoutingContext ctx) {
    return ctx.get(KEY);
  }

  @Override
  public void handle(RoutingContext ctx) {
    boolean watch = QueryValues.bool(ctx.request().params().getAll("watch"));
    // The normalized path is the one the router dispatches on: authorizing any other spelling of
    // it (e.g. with %2e%2e segments) would review one path and serve another.
    ctx.put(KEY, resolve(ctx.request().method().name(), ctx.normalizedPath(), watch));
    ctx.next();
  }

  static RequestAttributes resolve(String method, String path, boolean watch) {
    return RequestAttributes.resolve(method, path == null ? "/" : path, watch);
  }
}
