package dev.aiapiserver.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiapiserver.testing.FaultyReviews.Outage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every request is a SubjectAccessReview against the cluster's RBAC (rbac/cluster.yaml): what is
 * granted passes, what is not reads exactly like kube-apiserver's 403, and when the review cannot
 * be had the door stays shut.
 */
class AuthorizationTest {
  private static final String WLS = "/apis/ai.k8s.io/v1alpha1/namespaces/%s/workloadsummaries";

  private final MutableClock clock = new MutableClock();
  private SecuredServer server;

  private void start(AuthorizationSettings settings) throws Exception {
    server = new SecuredServer(SecuredServer.Options.defaults().with(settings).with(clock));
  }

  private void start() throws Exception {
    start(AuthorizationSettings.defaults());
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  private HttpResponse<String> getAs(String token, String path) {
    return server.get(path, null, "Authorization", "Bearer " + token);
  }

  @Test
  void givenARoleBindingInShop_thenBobListsShopButNotAnotherNamespaceNorAllNamespaces() throws Exception {
    start();

    assertEquals(200, getAs("bob-token", WLS.formatted("shop")).statusCode());

    HttpResponse<String> elsewhere = getAs("bob-token", WLS.formatted("billing"));
    assertEquals(403, elsewhere.statusCode());
    assertEquals("workloadsummaries.ai.k8s.io is forbidden: User \"bob\" cannot list resource"
        + " \"workloadsummaries\" in API group \"ai.k8s.io\" in the namespace \"billing\"",
        StatusBodies.message(elsewhere));

    HttpResponse<String> everywhere = getAs("bob-token", "/apis/ai.k8s.io/v1alpha1/workloadsummaries");
    assertEquals("workloadsummaries.ai.k8s.io is forbidden: User \"bob\" cannot list resource"
        + " \"workloadsummaries\" in API group \"ai.k8s.io\" at the cluster scope",
        StatusBodies.message(everywhere));
  }

  @Test
  void givenAliceWithoutGrants_thenHer403ReadsLikeKubeApiserversWithDetails() throws Exception {
    start();

    HttpResponse<String> response = getAs("alice-token", WLS.formatted("shop"));

    assertEquals(403, response.statusCode());
    JsonNode status = StatusBodies.of(response);
    assertEquals("Forbidden", status.path("reason").asString());
    assertEquals(403, status.path("code").asInt());
    assertEquals("workloadsummaries.ai.k8s.io is forbidden: User \"alice\" cannot list resource"
        + " \"workloadsummaries\" in API group \"ai.k8s.io\" in the namespace \"shop\"",
        status.path("message").asString());
    assertEquals("ai.k8s.io", status.path("details").path("group").asString());
    assertEquals("workloadsummaries", status.path("details").path("kind").asString());
  }

  @Test
  void givenAliceGettingOneObject_thenTheMessageNamesIt() throws Exception {
    start();

    HttpResponse<String> response = getAs("alice-token", WLS.formatted("shop") + "/web");

    assertEquals("workloadsummaries.ai.k8s.io \"web\" is forbidden: User \"alice\" cannot get resource"
        + " \"workloadsummaries\" in API group \"ai.k8s.io\" in the namespace \"shop\"",
        StatusBodies.message(response));
    assertEquals("web", StatusBodies.of(response).path("details").path("name").asString());
  }

  @Test
  void givenTheMcpDoor_thenCarolMayPostToItAndAliceIsToldAboutTheSubresource() throws Exception {
    start();
    String proxy = "/apis/ai.k8s.io/v1alpha1/mcpservers/ai/proxy";

    assertEquals(200, server.send("POST", proxy, null, "Authorization", "Bearer carol-token").statusCode());

    HttpResponse<String> alice = server.send("POST", proxy, null, "Authorization", "Bearer alice-token");
    assertEquals("mcpservers.ai.k8s.io \"ai\" is forbidden: User \"alice\" cannot create resource"
        + " \"mcpservers/proxy\" in API group \"ai.k8s.io\" at the cluster scope",
        StatusBodies.message(alice));
  }

  @Test
  void givenAnAnonymousCallerOnANonResourcePath_thenTheMessageNamesThePath() throws Exception {
    start();

    HttpResponse<String> response = server.get("/openapi/v2", null);

    assertEquals("forbidden: User \"system:anonymous\" cannot get path \"/openapi/v2\"",
        StatusBodies.message(response));
  }

  @Test
  void givenTheSubjectAccessReviewEndpointFails_thenTheRequestIsRefusedWith503() throws Exception {
    start();
    server.reviews.setAccessReviewOutage(Outage.ERROR);

    HttpResponse<String> response = getAs("dana-token", WLS.formatted("shop"));

    assertEquals(503, response.statusCode());
    assertEquals("ServiceUnavailable", StatusBodies.reason(response));
    assertTrue(StatusBodies.message(response).startsWith("authorization is unavailable"));
  }

  @Test
  void givenTheSubjectAccessReviewEndpointHangs_thenTheRequestIsRefusedWhenTheReviewTimesOut() throws Exception {
    start(new AuthorizationSettings(Duration.ofSeconds(10), Duration.ofSeconds(10),
        AuthorizationSettings.DEFAULT_ALWAYS_ALLOW_PATHS, 100, Duration.ofMillis(500)));
    server.reviews.setAccessReviewOutage(Outage.HANGING);

    long started = System.nanoTime();
    HttpResponse<String> response = getAs("dana-token", WLS.formatted("shop"));

    assertEquals(503, response.statusCode());
    assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(5), "refused at the review timeout");
  }

  @Test
  void givenAFailedReview_thenTheNextRequestAsksAgainInsteadOfRememberingTheFailure() throws Exception {
    start();
    server.reviews.setAccessReviewOutage(Outage.ERROR);
    assertEquals(503, getAs("dana-token", WLS.formatted("shop")).statusCode());

    server.reviews.setAccessReviewOutage(Outage.NONE);

    assertEquals(200, getAs("dana-token", WLS.formatted("shop")).statusCode());
  }

  @Test
  void givenAllowAndDenyTtls_thenEachDecisionIsRememberedForItsOwnTtl() throws Exception {
    start(new AuthorizationSettings(Duration.ofSeconds(30), Duration.ofSeconds(5),
        AuthorizationSettings.DEFAULT_ALWAYS_ALLOW_PATHS, 100, Duration.ofSeconds(10)));

    getAs("bob-token", WLS.formatted("shop"));
    getAs("alice-token", WLS.formatted("shop"));
    getAs("bob-token", WLS.formatted("shop"));
    getAs("alice-token", WLS.formatted("shop"));
    assertEquals(2, server.reviews.accessReviewCount());

    clock.advance(Duration.ofSeconds(6));
    getAs("bob-token", WLS.formatted("shop"));
    assertEquals(2, server.reviews.accessReviewCount(), "the allow is still remembered");
    assertEquals(403, getAs("alice-token", WLS.formatted("shop")).statusCode());
    assertEquals(3, server.reviews.accessReviewCount(), "the deny was asked again");

    clock.advance(Duration.ofSeconds(25));
    getAs("bob-token", WLS.formatted("shop"));
    assertEquals(4, server.reviews.accessReviewCount(), "the allow expired too");
  }

  @Test
  void givenARevokedGrant_thenItStillWorksUntilTheAllowTtlPassesAndNotAfter() throws Exception {
    start();
    assertEquals(200, getAs("bob-token", WLS.formatted("shop")).statusCode());
    server.kube.rbac().roleBindings().inNamespace("shop").withName("agent-reads-summaries").delete();

    clock.advance(Duration.ofSeconds(11));

    assertEquals(403, getAs("bob-token", WLS.formatted("shop")).statusCode());
  }

  @Test
  void givenManyIdenticalRequestsAtOnce_thenOneReviewAnswersThemAll() throws Exception {
    start(new AuthorizationSettings(Duration.ZERO, Duration.ZERO,
        AuthorizationSettings.DEFAULT_ALWAYS_ALLOW_PATHS, 100, Duration.ofSeconds(10)));
    server.reviews.setAccessReviewLatency(Duration.ofMillis(1500));
    getAs("dana-token", "/healthz"); // the token is now known, so all requests reach the review together
    ExecutorService callers = Executors.newFixedThreadPool(6);
    try {
      List<CompletableFuture<HttpResponse<String>>> requests = IntStream.range(0, 6)
          .mapToObj(i -> CompletableFuture.supplyAsync(() -> getAs("dana-token", WLS.formatted("shop")), callers))
          .toList();

      for (CompletableFuture<HttpResponse<String>> request : requests) {
        assertEquals(200, request.get(20, TimeUnit.SECONDS).statusCode());
      }
    } finally {
      callers.shutdownNow();
    }
    assertEquals(1, server.reviews.accessReviewCount(), "concurrent identical checks share one review");
  }

  @Test
  void givenTheAlwaysAllowPaths_thenTheySkipAuthorizationAndNothingElseDoes() throws Exception {
    start(new AuthorizationSettings(Duration.ofSeconds(10), Duration.ofSeconds(10),
        List.of("/healthz", "/debug/*"), 100, Duration.ofSeconds(10)));

    assertEquals(200, server.get("/healthz", null).statusCode());
    assertEquals(200, server.get("/debug/pprof/heap", null).statusCode());
    assertEquals(0, server.reviews.accessReviewCount());

    assertEquals(403, server.get("/healthz/etcd", null).statusCode());
    assertEquals(403, server.get("/readyz", null).statusCode());
  }

  @Test
  void givenAPathSpelledWithDotSegments_thenItIsRefusedBeforeAnyoneIsAsked() throws Exception {
    start();

    // system:discovery grants /openapi/* to everyone authenticated; this must not reach the list.
    HttpResponse<String> response =
        getAs("alice-token", "/openapi/%2e%2e/apis/ai.k8s.io/v1alpha1/workloadsummaries");

    assertEquals(400, response.statusCode());
    assertEquals(0, server.reviews.accessReviewCount());
  }
}
