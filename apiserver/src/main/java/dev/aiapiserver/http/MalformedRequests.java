package dev.aiapiserver.http;

import dev.aiapiserver.api.Status;
import io.netty.handler.codec.TooLongFrameException;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/**
 * The door before the router: a request whose target is malformed ({@link RequestTargets}) or that
 * Netty could not decode (a request line or header list over the limit, a broken request line) is
 * answered here with a Status and one bounded log line, never with an exception, a stack trace or an
 * empty body.
 */
final class MalformedRequests {
  private static final ClientErrorLog LOG = new ClientErrorLog(LoggerFactory.getLogger(MalformedRequests.class));

  private MalformedRequests() {}

  /** Routes a request to {@code next}, unless its target is malformed. */
  static Handler<HttpServerRequest> guarding(Handler<HttpServerRequest> next) {
    return request -> {
      if (request.version() == null) {
        refuse(request, 400, "unsupported or malformed HTTP version in the request line", true);
        return;
      }
      Optional<String> refusal = RequestTargets.refusal(request.path(), request.query());
      if (refusal.isPresent()) {
        refuse(request, 400, refusal.get(), false);
        return;
      }
      next.handle(request);
    };
  }

  /** Answers a request Netty failed to decode (Vert.x's invalid-request handler). */
  static void undecodable(HttpServerRequest request) {
    Throwable cause = request.decoderResult().cause();
    String text = cause == null || cause.getMessage() == null ? "" : cause.getMessage();
    if (cause instanceof TooLongFrameException && text.startsWith("An HTTP line is larger than")) {
      refuse(request, 414, "the request line is longer than the server accepts (" + text + ")", true);
    } else if (cause instanceof TooLongFrameException) {
      refuse(request, 431, "the request headers are larger than the server accepts (" + text + ")", true);
    } else {
      refuse(request, 400, "the request could not be parsed as HTTP: " + text, true);
    }
  }

  private static void refuse(HttpServerRequest request, int code, String message, boolean close) {
    LOG.info("request_refused", "code=" + code + " method=" + ClientErrorLog.clean(String.valueOf(request.method()))
        + " reason=" + ClientErrorLog.clean(message));
    if (close) {
      // After a decoding failure the connection's byte stream cannot be trusted: answer, then close.
      request.response().putHeader("Connection", "close");
    }
    StatusReplies.fail(request.response(), Status.failure(code, StatusReplies.reasonFor(code), message, null));
  }
}
