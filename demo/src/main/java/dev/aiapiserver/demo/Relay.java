package dev.aiapiserver.demo;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Passes one request through to an upstream and its answer back, streaming both ways (a watch or
 * an event stream flows chunk by chunk, never buffered). The caller's credentials and any
 * identity headers it sent are never passed on; hop-by-hop headers stay on their hop.
 */
final class Relay {
  private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive",
      "proxy-connection", "transfer-encoding", "te", "trailer", "upgrade", "host",
      "proxy-authorization", "proxy-authenticate", "http2-settings");

  private Relay() {}

  /** The upstream request for {@code in}: same method, path and query, cleaned headers. */
  static RequestOptions to(URI upstream, HttpServerRequest in) {
    RequestOptions options = new RequestOptions().setMethod(in.method())
        .setHost(upstream.getHost()).setPort(upstream.getPort()).setURI(in.uri());
    MultiMap headers = MultiMap.caseInsensitiveMultiMap();
    in.headers().forEach((name, value) -> {
      if (passes(name)) {
        headers.add(name, value);
      }
    });
    return options.setHeaders(headers);
  }

  /**
   * Sends the request with {@code in}'s body (which must be paused) and answers with the
   * upstream's response, whose handlers must be set at once (in the same callback). Fails when
   * the upstream cannot be reached. The upstream request is reset when the client goes away.
   */
  static Future<HttpClientResponse> send(HttpClient client, RequestOptions options,
      HttpServerRequest in) {
    return client.request(options).compose(upstream -> {
      in.response().closeHandler(v -> upstream.reset());
      return upstream.send(in);
    });
  }

  /** Status, headers and body of the upstream's answer, streamed into {@code in}'s response. */
  static void pipeBack(HttpClientResponse answer, HttpServerRequest in) {
    HttpServerResponse out = in.response();
    out.setStatusCode(answer.statusCode());
    answer.headers().forEach((name, value) -> {
      if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
        out.headers().add(name, value);
      }
    });
    if (!out.headers().contains("Content-Type")) {
      out.putHeader("Content-Type", "application/json"); // the mock leaves it out; kube never does
    }
    boolean sized = out.headers().contains("Content-Length");
    if (in.version() != HttpVersion.HTTP_2 && !sized) {
      out.setChunked(true);
    }
    if (!sized) {
      // A long-lived answer (watch, event stream) must reach the client before its first event.
      out.writeHead();
    }
    answer.pipeTo(out).onFailure(e -> {
      if (!out.ended() && !out.closed()) {
        out.reset();
      }
    });
  }

  private static boolean passes(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return !HOP_BY_HOP.contains(lower) && !lower.equals("authorization")
        && !lower.startsWith("x-remote-") && !lower.equals("impersonate-user")
        && !lower.startsWith("impersonate-");
  }
}
