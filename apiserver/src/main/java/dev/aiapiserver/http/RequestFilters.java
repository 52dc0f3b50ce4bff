package dev.aiapiserver.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * The security filters, in k8s.io/apiserver's order: audit (logs when the response ends), the
 * authenticators (each sets the user if none is set yet), then — after request info is resolved —
 * the authorizer. Every route sits behind them.
 */
public record RequestFilters(Handler<RoutingContext> audit, List<Handler<RoutingContext>> authenticators,
    Handler<RoutingContext> authorizer) {}
