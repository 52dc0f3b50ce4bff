package dev.aiapiserver.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewSpec;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * kube-apiserver forwards a user's request with the user in X-Remote-* headers, over TLS with its
 * front-proxy client certificate. Those headers are believed only on that connection.
 */
class FrontProxyAuthenticationTest {
  private static final String WLS_IN_SHOP = "/apis/ai.k8s.io/v1alpha1/namespaces/shop/workloadsummaries";
  private static final String[] SPOOFED_ADMIN = {
      "X-Remote-User", "admin", "X-Remote-Group", "system:masters"};

  private SecuredServer server;

  @BeforeEach
  void start() throws Exception {
    server = new SecuredServer();
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @Test
  void givenSpoofedIdentityHeadersWithoutClientCertificate_thenTheCallerIsAnonymousAndTheHeadersAreGone() {
    HttpResponse<String> response = server.get("/openapi/v2", null, SPOOFED_ADMIN);

    // The anonymous caller is refused: system:discovery is bound to system:authenticated only.
    assertEquals(403, response.statusCode());
    assertEquals("forbidden: User \"system:anonymous\" cannot get path \"/openapi/v2\"",
        StatusBodies.message(response));
    SubjectAccessReviewSpec asked = server.reviews.accessReviews().get(0).getSpec();
    assertEquals("system:anonymous", asked.getUser());
    assertEquals(List.of("system:unauthenticated"), asked.getGroups());
  }

  @Test
  void givenSpoofedIdentityHeadersOnAnAlwaysAllowedPath_thenNoHandlerSeesThem() {
    HttpResponse<String> response = server.get("/healthz", null, SPOOFED_ADMIN);

    assertEquals(200, response.statusCode());
    SecuredServer.Echo echo = SecuredServer.echoIn(response);
    assertEquals("system:anonymous", echo.user().name());
    assertEquals(List.of(), echo.identityHeaders());
  }

  @Test
  void givenACertificateFromAnotherCaNamedLikeTheFrontProxy_thenTheHeadersAreNotBelieved() {
    TestPki.Issued impostor = server.rogueCa.client(SecuredServer.FRONT_PROXY_CN);

    HttpResponse<String> response = server.get(WLS_IN_SHOP, impostor, SPOOFED_ADMIN);

    assertEquals(401, response.statusCode());
    assertEquals("Unauthorized", StatusBodies.reason(response));
    assertEquals(0, server.reviews.accessReviewCount());
  }

  @Test
  void givenAFrontProxyCaCertificateWhoseCnIsNotAllowed_thenTheHeadersAreNotBelieved() {
    TestPki.Issued otherClient = server.frontProxyCa.client("some-other-client");

    HttpResponse<String> response = server.get(WLS_IN_SHOP, otherClient, SPOOFED_ADMIN);

    assertEquals(401, response.statusCode());
    assertEquals(0, server.reviews.accessReviewCount());
  }

  @Test
  void givenAClientCaCertificateWithSpoofedHeaders_thenTheCallerIsTheCertificateNotTheHeaders() {
    TestPki.Issued alice = server.clientCa.client("alice", "dev");

    HttpResponse<String> response = server.get("/openapi/v2", alice, SPOOFED_ADMIN);

    assertEquals(200, response.statusCode());
    SecuredServer.Echo echo = SecuredServer.echoIn(response);
    assertEquals("alice", echo.user().name());
    assertEquals(List.of("dev", "system:authenticated"), echo.user().groups());
    assertEquals(List.of(), echo.identityHeaders());
  }

  @Test
  void givenKubeAggregatorCheckingAvailability_thenItsIdentityAndGroupsReachTheAccessReview() {
    HttpResponse<String> response = server.get("/apis/ai.k8s.io/v1alpha1", server.frontProxy,
        "X-Remote-User", "system:kube-aggregator", "X-Remote-Group", "system:masters");

    assertEquals(200, response.statusCode());
    SubjectAccessReviewSpec asked = server.reviews.accessReviews().get(0).getSpec();
    assertEquals("system:kube-aggregator", asked.getUser());
    assertEquals(List.of("system:masters", "system:authenticated"), asked.getGroups());
    assertEquals("/apis/ai.k8s.io/v1alpha1", asked.getNonResourceAttributes().getPath());
    assertEquals("get", asked.getNonResourceAttributes().getVerb());
  }

  @Test
  void givenTheAggregatorFetchingOpenApiWithoutAGroupHeader_thenItIsStillAnAuthenticatedUser() {
    HttpResponse<String> response = server.get("/openapi/v2", server.frontProxy,
        "X-Remote-User", "system:aggregator");

    assertEquals(200, response.statusCode());
    assertEquals(List.of("system:authenticated"), SecuredServer.identityIn(response).groups());
    assertEquals(List.of("system:authenticated"), server.reviews.accessReviews().get(0).getSpec().getGroups());
  }

  @Test
  void givenAUserForwardedWithGroupsUidAndEscapedExtras_thenTheAccessReviewCarriesThemAll() {
    HttpResponse<String> response = server.get(WLS_IN_SHOP, server.frontProxy,
        "X-Remote-User", "bob",
        "X-Remote-Uid", "u-bob",
        "X-Remote-Group", "dev",
        "X-Remote-Group", "oncall",
        "X-Remote-Extra-Authentication.kubernetes.io%2fcredential-Id", "X509SHA256=abc",
        "X-Remote-Extra-Scopes", "view",
        "X-Remote-Extra-Scopes", "debug");

    assertEquals(200, response.statusCode());
    assertEquals(HttpClient.Version.HTTP_2, response.version(), "as kube-apiserver sends it: HTTP/2");
    SecuredServer.Echo echo = SecuredServer.echoIn(response);
    assertEquals(List.of(), echo.identityHeaders());
    SubjectAccessReviewSpec asked = server.reviews.accessReviews().get(0).getSpec();
    assertEquals("bob", asked.getUser());
    assertEquals("u-bob", asked.getUid());
    assertEquals(List.of("dev", "oncall", "system:authenticated"), asked.getGroups());
    assertEquals(Map.of(
            "authentication.kubernetes.io/credential-id", List.of("X509SHA256=abc"),
            "scopes", List.of("view", "debug")),
        asked.getExtra());
    assertEquals("list", asked.getResourceAttributes().getVerb());
    assertEquals("shop", asked.getResourceAttributes().getNamespace());
  }

  @Test
  void givenTheFrontProxyCertificateButNoUserHeader_thenTheRequestIsNotTakenForAnyone() {
    HttpResponse<String> response = server.get("/openapi/v2", server.frontProxy);

    assertNotEquals(200, response.statusCode());
    assertTrue(server.reviews.accessReviews().stream()
        .noneMatch(review -> SecuredServer.FRONT_PROXY_CN.equals(review.getSpec().getUser())));
  }
}
