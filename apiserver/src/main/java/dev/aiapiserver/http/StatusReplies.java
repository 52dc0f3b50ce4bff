package dev.aiapiserver.http;

import dev.aiapiserver.api.Status;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/** Writes every error as a metav1.Status with the right code and reason — never a stack trace. */
public final class StatusReplies {
  private StatusReplies() {}

  public static void fail(RoutingContext ctx, int code, String reason, String message) {
    fail(ctx, Status.failure(code, reason, message, null));
  }

  public static void fail(RoutingContext ctx, Status status) {
    fail(ctx.response(), status);
  }

  /** The same, for a request the router never saw (a malformed target, a request Netty could not decode). */
  public static void fail(HttpServerResponse response, Status status) {
    if (response.ended() || response.closed()) {
      return;
    }
    if (response.headWritten()) {
      // Mid-stream (a watch): the caller must send an ERROR event instead; just end.
      response.end();
      return;
    }
    response.setStatusCode(status.code())
        .putHeader("Content-Type", "application/json")
        .putHeader("Cache-Control", "no-cache, private")
        .end(io.vertx.core.buffer.Buffer.buffer(Json.bytes(status)));
  }

  /** The reason string kube-apiserver uses for a status code. */
  public static String reasonFor(int code) {
    return switch (code) {
      case 400 -> "BadRequest";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "NotFound";
      case 405 -> "MethodNotAllowed";
      case 406 -> "NotAcceptable";
      case 410 -> "Expired";
      case 413 -> "RequestEntityTooLarge";
      case 414 -> "RequestURITooLong";
      case 431 -> "RequestHeaderFieldsTooLarge";
      case 415 -> "UnsupportedMediaType";
      case 429 -> "TooManyRequests";
      case 503 -> "ServiceUnavailable";
      case 504 -> "Timeout";
      default -> code >= 500 ? "InternalError" : "BadRequest";
    };
  }
}
