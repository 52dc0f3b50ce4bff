package dev.aiapiserver.auth;

import dev.aiapiserver.request.RequestAttributes;
import dev.aiapiserver.request.UserInfo;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One structured line per request, logged (logger "audit") when the response ends: who (user,
 * groups), what (verb, resource or path, namespace, name), the authorization decision
 * (allow, deny, error, or n-a when the request never reached authorization), the status code and
 * the latency. Never a token, never a header value. Install first, before authentication.
 */
public final class AuditLog implements Handler<RoutingContext> {
  private static final Logger AUDIT = LoggerFactory.getLogger("audit");

  @Override
  public void handle(RoutingContext ctx) {
    if (AUDIT.isInfoEnabled()) { // AUDIT_LEVEL=WARN: not even the line is built
      long started = System.nanoTime();
      ctx.addEndHandler(done -> AUDIT.info(line(ctx, (System.nanoTime() - started) / 1_000_000)));
    }
    ctx.next();
  }

  private static String line(RoutingContext ctx, long latencyMs) {
    UserInfo user = ctx.get(UserInfo.class.getName());
    RequestAttributes request = ctx.get(RequestAttributes.class.getName());
    StringBuilder line = new StringBuilder(200);
    field(line, "user", user == null ? "" : user.name());
    field(line, "groups", user == null ? "" : String.join(",", user.groups()));
    if (request == null) {
      field(line, "verb", ctx.request().method().name().toLowerCase(Locale.ROOT));
      field(line, "path", ctx.request().path());
    } else if (request.resourceRequest()) {
      field(line, "verb", request.verb());
      field(line, "resource", request.subresource() == null || request.subresource().isEmpty()
          ? request.resource() : request.resource() + "/" + request.subresource());
      field(line, "namespace", request.namespace());
      field(line, "name", request.name());
    } else {
      field(line, "verb", request.verb());
      field(line, "path", request.path());
    }
    String decision = ctx.get(Authorizer.DECISION_KEY);
    field(line, "decision", decision == null ? "n-a" : decision);
    line.append("code=").append(ctx.response().getStatusCode())
        .append(" latencyMs=").append(latencyMs);
    return line.toString();
  }

  private static void field(StringBuilder line, String key, String value) {
    String text = clean(value == null ? "" : value);
    line.append(key).append('=');
    if (text.isEmpty() || text.chars().anyMatch(c -> c == ' ' || c == '"' || c == '=')) {
      line.append('"').append(text.replace("\"", "\\\"")).append('"');
    } else {
      line.append(text);
    }
    line.append(' ');
  }

  /** Control characters out, so no value can forge a second log line. */
  static String clean(String value) {
    return value.chars().map(c -> Character.isISOControl(c) ? '?' : c)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
  }
}
