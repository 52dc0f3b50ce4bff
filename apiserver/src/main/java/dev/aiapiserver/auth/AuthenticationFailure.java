package dev.aiapiserver.auth;

import io.vertx.ext.web.RoutingContext;

/**
 * Credentials a request carried but that did not hold (a certificate that does not verify, a
 * token TokenReview rejects or could not check). Like k8s.io/apiserver's union authenticator, a
 * later step may still authenticate the request; if none does, the request is refused rather than
 * treated as anonymous.
 *
 * @param code 401 for rejected credentials, 503 when they could not be checked
 */
record AuthenticationFailure(int code, String reason) {
  static final String KEY = AuthenticationFailure.class.getName();

  /** Keeps the most telling failure: one that may pass on retry (503) over a plain 401. */
  static void record(RoutingContext ctx, AuthenticationFailure failure) {
    AuthenticationFailure earlier = ctx.get(KEY);
    if (earlier == null || (failure.code() == 503 && earlier.code() != 503)) {
      ctx.put(KEY, failure);
    }
  }
}
