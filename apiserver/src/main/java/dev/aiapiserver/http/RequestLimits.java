package dev.aiapiserver.http;

import java.time.Duration;

/**
 * Bounds on requests, named and defaulted as kube-apiserver's flags: at most
 * {@code maxRequestsInFlight} reads and {@code maxMutatingRequestsInFlight} writes at once (0: no
 * limit), and a request that is not a watch ends after {@code requestTimeout} (a client's
 * {@code ?timeout=} may shorten it).
 */
public record RequestLimits(int maxRequestsInFlight, int maxMutatingRequestsInFlight, Duration requestTimeout) {
  public static final RequestLimits DEFAULTS = new RequestLimits(400, 200, Duration.ofMinutes(1));
}
