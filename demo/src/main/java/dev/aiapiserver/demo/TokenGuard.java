package dev.aiapiserver.demo;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The embedded cluster's lock: a request without the cluster's bearer token gets 401 and never
 * reaches the store, so no other process on the machine can read the seeded Secrets or rewrite
 * {@code extension-apiserver-authentication}. Only the front door and this server hold the token.
 */
final class TokenGuard extends Dispatcher {
  private final Dispatcher next;
  private final byte[] expected;

  TokenGuard(Dispatcher next, String token) {
    this.next = next;
    this.expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    String given = request.getHeader("Authorization");
    if (given == null
        || !MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8))) {
      return new MockResponse().setResponseCode(401).setHeader("Content-Type", "application/json")
          .setBody(Serialization.asJson(new StatusBuilder().withStatus("Failure").withCode(401)
              .withReason("Unauthorized").withMessage("Unauthorized").build()));
    }
    return next.dispatch(request);
  }

  @Override
  public void shutdown() {
    next.shutdown();
  }
}
