package dev.aiapiserver.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.aiapiserver.testing.FaultyReviews.Outage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Agents and kubectl users with a bearer token: the API server's TokenReview says who they are. */
class BearerTokenAuthenticationTest {
  private static final String WLS_IN_SHOP = "/apis/ai.k8s.io/v1alpha1/namespaces/shop/workloadsummaries";

  private final MutableClock clock = new MutableClock();
  private SecuredServer server;

  private SecuredServer start() throws Exception {
    server = new SecuredServer(SecuredServer.Options.defaults().with(clock));
    return server;
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  private static String[] bearer(String token) {
    return new String[] {"Authorization", "Bearer " + token};
  }

  @Test
  void givenTheTokenOfAServiceAccountAllowedInItsNamespace_thenItReadsThereAsItself() throws Exception {
    start();

    HttpResponse<String> response = server.get(WLS_IN_SHOP, null, bearer("agent-token"));

    assertEquals(200, response.statusCode());
    SecuredServer.Echo echo = SecuredServer.echoIn(response);
    assertEquals(new UserInfo("system:serviceaccount:shop:agent", "sa-uid",
            List.of("system:serviceaccounts", "system:serviceaccounts:shop", "system:authenticated"),
            Map.of("authentication.kubernetes.io/pod-name", List.of("agent-7d9"))),
        echo.user());
    assertFalse(echo.authorizationHeader(), "the token does not travel past authentication");
    assertEquals("sa-uid", server.reviews.accessReviews().get(0).getSpec().getUid());
  }

  @Test
  void givenAnUnknownToken_thenTheAnswerIs401NeverAnonymous() throws Exception {
    start();

    HttpResponse<String> response = server.get("/openapi/v2", null, bearer("stolen-or-expired"));

    assertEquals(401, response.statusCode());
    assertEquals("Unauthorized", StatusBodies.reason(response));
    assertEquals(0, server.reviews.accessReviewCount());
  }

  @Test
  void givenTokenReviewIsDown_thenTheAnswerIs503NeverAnonymous() throws Exception {
    start();
    server.reviews.setTokenReviewOutage(Outage.ERROR);

    HttpResponse<String> response = server.get("/healthz", null, bearer("alice-token"));

    assertEquals(503, response.statusCode());
    assertEquals("ServiceUnavailable", StatusBodies.reason(response));
  }

  @Test
  void givenAnEmptyBearerToken_thenTheCallerIsAnonymous() throws Exception {
    start();

    HttpResponse<String> response = server.get("/healthz", null, "Authorization", "Bearer ");

    assertEquals(200, response.statusCode());
    assertEquals("system:anonymous", SecuredServer.identityIn(response).name());
    assertEquals(0, server.reviews.tokenReviewCount());
  }

  @Test
  void givenTheSameTokenAgainWithinTheCacheTtl_thenTokenReviewIsAskedOnceUntilTheTtlPasses() throws Exception {
    start();

    server.get(WLS_IN_SHOP, null, bearer("bob-token"));
    server.get(WLS_IN_SHOP, null, bearer("bob-token"));
    clock.advance(Duration.ofSeconds(9));
    server.get(WLS_IN_SHOP, null, bearer("bob-token"));
    assertEquals(1, server.reviews.tokenReviewCount());

    clock.advance(Duration.ofSeconds(2));
    HttpResponse<String> afterTtl = server.get(WLS_IN_SHOP, null, bearer("bob-token"));

    assertEquals(200, afterTtl.statusCode());
    assertEquals(2, server.reviews.tokenReviewCount());
  }

  @Test
  void givenAClientCertificateAndAToken_thenTheCertificateDecidesAndNoTokenReviewIsSent() throws Exception {
    start();
    TestPki.Issued dana = server.clientCa.client("dana");

    HttpResponse<String> response = server.get(WLS_IN_SHOP, dana, bearer("alice-token"));

    assertEquals("dana", SecuredServer.identityIn(response).name());
    assertEquals(0, server.reviews.tokenReviewCount());
  }
}
