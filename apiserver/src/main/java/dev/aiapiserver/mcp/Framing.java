package dev.aiapiserver.mcp;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;

/** How an answer is framed: as the body, or as one server-sent event. */
enum Framing {
  JSON("application/json"),
  EVENT_STREAM("text/event-stream");

  private final String contentType;

  Framing(String contentType) {
    this.contentType = contentType;
  }

  /** JSON unless the client accepts only server-sent events; null if it accepts neither. */
  static Framing negotiate(String accept) {
    if (accept == null || accept.isBlank()) {
      return JSON;
    }
    boolean events = false;
    for (String range : accept.split(",")) {
      String type = range.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
      if (type.equals("application/json") || type.equals("application/*") || type.equals("*/*")) {
        return JSON;
      }
      events |= type.equals("text/event-stream") || type.equals("text/*");
    }
    return events ? EVENT_STREAM : null;
  }

  void write(RoutingContext ctx, int status, byte[] message) {
    if (ctx.response().ended() || ctx.response().closed()) {
      return;
    }
    ctx.response().setStatusCode(status).putHeader("Content-Type", contentType)
        .putHeader("Cache-Control", "no-cache, private");
    if (this == JSON) {
      ctx.response().end(Buffer.buffer(message));
    } else {
      ctx.response().end(Buffer.buffer("event: message\ndata: ").appendBytes(message).appendString("\n\n"));
    }
  }
}
