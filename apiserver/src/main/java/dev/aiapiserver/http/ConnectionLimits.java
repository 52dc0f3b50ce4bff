package dev.aiapiserver.http;

import java.time.Duration;

/**
 * How long connections may stay open doing nothing, as kube-apiserver's http.Server allows:
 * headers must arrive within {@code headerReadTimeout} of connecting (Go's ReadHeaderTimeout, 32 s,
 * "just shy of requestTimeoutUpperBound"), a connection without a request in flight is closed after
 * {@code idleTimeout} (90 s, HTTP/1 keep-alive and HTTP/2 alike), and an HTTP/2 connection carries at
 * most {@code http2MaxStreams} streams at once (Go's default, 250).
 */
public record ConnectionLimits(Duration headerReadTimeout, Duration idleTimeout, int http2MaxStreams) {
  public static final ConnectionLimits DEFAULTS = new ConnectionLimits(Duration.ofSeconds(32),
      Duration.ofSeconds(90), 250);
}
