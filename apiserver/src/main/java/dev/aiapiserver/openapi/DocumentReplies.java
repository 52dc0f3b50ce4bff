package dev.aiapiserver.openapi;

import dev.aiapiserver.request.StatusReplies;
import dev.aiapiserver.openapi.MediaRanges.Format;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * Answers with a ready document the way kube-openapi does: content negotiation, a quoted-hash
 * ETag, 304 on If-None-Match (or If-Modified-Since), and for a v3 document asked with
 * {@code ?hash=}: immutable caching when the hash is current, a 301 to the current URL when not.
 */
final class DocumentReplies {
  static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
  private static final String IMMUTABLE = "public, immutable, max-age=31536000";

  private DocumentReplies() {}

  /**
   * @param offered the formats to negotiate among; null for JSON whatever the Accept header says
   * @param hashedUrl the URL with the current hash when the document may be asked by hash (v3),
   *     null otherwise
   */
  static void send(RoutingContext ctx, ServedDocument document, List<Format> offered, String hashedUrl) {
    HttpServerRequest request = ctx.request();
    HttpServerResponse response = ctx.response();
    response.putHeader("Vary", "Accept");
    Format format = offered == null ? OpenApiRoutes.JSON : MediaRanges.choose(request.getHeader("Accept"), offered);
    if (format == null) {
      StatusReplies.fail(ctx, 406, "NotAcceptable", "the document is served only as "
          + String.join(" or ", offered.stream().map(Format::contentType).distinct().toList()));
      return;
    }
    response.putHeader("ETag", document.etag());
    String hash = hashedUrl == null ? null : request.getParam("hash");
    if (hash != null && !hash.isEmpty()) {
      if (!hash.equals(document.hash())) {
        response.setStatusCode(301).putHeader("Location", hashedUrl).putHeader("Cache-Control", "no-cache, private").end();
        return;
      }
      response.putHeader("Cache-Control", IMMUTABLE)
          .putHeader("Expires", HTTP_DATE.format(Instant.now().plusSeconds(365L * 24 * 3600)));
    } else {
      response.putHeader("Cache-Control", "no-cache, private");
    }
    if (notModified(request, document)) {
      response.setStatusCode(304).end();
      return;
    }
    byte[] body = format.protobuf() ? document.protobuf() : document.json();
    response.putHeader("Last-Modified", HTTP_DATE.format(document.built()))
        .putHeader("Content-Type", format.contentType());
    if (request.method() == HttpMethod.HEAD) {
      response.putHeader("Content-Length", Integer.toString(body.length)).end();
    } else {
      response.end(Buffer.buffer(body));
    }
  }

  /** As Go's http.ServeContent: If-None-Match decides when present, else If-Modified-Since. */
  private static boolean notModified(HttpServerRequest request, ServedDocument document) {
    String noneMatch = request.getHeader("If-None-Match");
    if (noneMatch != null) {
      for (String tag : noneMatch.split(",")) {
        String candidate = tag.trim();
        if (candidate.startsWith("W/")) {
          candidate = candidate.substring(2);
        }
        if (candidate.equals("*") || candidate.equals(document.etag())) {
          return true;
        }
      }
      return false;
    }
    String modifiedSince = request.getHeader("If-Modified-Since");
    if (modifiedSince == null) {
      return false;
    }
    try {
      Instant since = ZonedDateTime.parse(modifiedSince, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      return !document.built().isAfter(since);
    } catch (DateTimeParseException e) {
      return false;
    }
  }
}
