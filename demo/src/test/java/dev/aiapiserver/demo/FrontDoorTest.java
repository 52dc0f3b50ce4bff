package dev.aiapiserver.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIGroupList;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodList;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.vertx.core.Vertx;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Given the demo cluster's front door in front of the seeded cluster and a stand-in for this
 * server, when kubectl-like clients call it with the demo tokens, then it behaves as
 * kube-apiserver in front of an aggregated API: 401 without a known token, native requests
 * authorized by the cluster's RBAC, ai.k8s.io forwarded with the front-proxy certificate and the
 * caller in X-Remote-* headers only, streams passed on as they come.
 */
class FrontDoorTest {
  static DemoUsers users = DemoUsers.generate();
  static DemoPki pki = DemoPki.generate();
  static DemoCluster cluster;
  static ViewsStandIn views;
  static Vertx vertx;
  static FrontDoor door;
  static HttpClient http;

  @BeforeAll
  static void start() throws Exception {
    cluster = DemoCluster.start(users);
    DemoScenario.seed(cluster.client(), Clock.systemUTC());
    views = new ViewsStandIn(pki);
    vertx = Vertx.vertx();
    door = FrontDoor.start(vertx, new FrontDoor.Settings("127.0.0.1", 0, pki.frontDoorServing(),
        users, cluster.endpoint(), List.of(URI.create(views.url())), pki.clusterCa().certificatePem(),
        pki.frontProxyClient()));
    http = DemoTrust.client(pki.clusterCa().certificatePem());
  }

  @AfterAll
  static void stop() throws Exception {
    door.close();
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    views.close();
    cluster.close();
  }

  @Test
  void withoutAKnownTokenTheAnswerIs401() throws Exception {
    views.arrivals.clear();
    for (String token : new String[] {null, "not-a-demo-token"}) {
      HttpResponse<String> answer = get("/api/v1/namespaces/shop/pods", token);
      assertEquals(401, answer.statusCode());
      Status status = Serialization.unmarshal(answer.body(), Status.class);
      assertEquals("Unauthorized", status.getReason());
      assertEquals(401, status.getCode());
    }
    assertEquals(401, get("/apis/ai.k8s.io/v1alpha1/namespaces/shop/workloadsummaries", null).statusCode());
    assertTrue(views.arrivals.isEmpty(), "nothing reached the views server");
  }

  @Test
  void healthChecksAnswerAnyone() throws Exception {
    HttpResponse<String> answer = get("/readyz", null);
    assertEquals(200, answer.statusCode());
    assertEquals("ok", answer.body());
  }

  @Test
  void viewsRequestsArriveWithTheFrontProxyCertificateAndOnlyTheFrontDoorsIdentityHeaders()
      throws Exception {
    views.arrivals.clear();
    HttpResponse<String> answer = send(request("/apis/ai.k8s.io/v1alpha1/namespaces/shop/workloadsummaries?limit=5",
        users.agentToken())
        .header("X-Remote-User", "admin").header("X-Remote-Group", "system:masters")
        .header("X-Remote-Extra-Scopes", "everything").GET().build());
    assertEquals(200, answer.statusCode());
    assertEquals("{\"kind\":\"WorkloadSummaryList\"}", answer.body());
    ViewsStandIn.Arrival arrival = views.arrivals.poll(10, TimeUnit.SECONDS);
    assertEquals("/apis/ai.k8s.io/v1alpha1/namespaces/shop/workloadsummaries?limit=5", arrival.uri());
    assertEquals(DemoPki.FRONT_PROXY_CLIENT, arrival.clientCommonName());
    assertEquals(List.of("agent"), arrival.headers().getAll("X-Remote-User"));
    assertEquals(List.of("system:authenticated"), arrival.headers().getAll("X-Remote-Group"));
    assertEquals(List.of("demo-agent"), arrival.headers().getAll("X-Remote-Uid"));
    assertNull(arrival.headers().get("X-Remote-Extra-Scopes"));
    assertNull(arrival.headers().get("Authorization"), "the caller's token stays at the front door");
  }

  @Test
  void aWatchFlowsThroughEventByEvent() throws Exception {
    HttpResponse<java.io.InputStream> answer = http.send(
        request("/apis/ai.k8s.io/v1alpha1/namespaces/shop/workloadsummaries?watch=true",
            users.adminToken()).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
    assertEquals(200, answer.statusCode());
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(answer.body(), StandardCharsets.UTF_8))) {
      // The first event arrives while the second has not even been written.
      assertTrue(lines.readLine().contains("ADDED"));
      assertFalse(views.releaseSecondEvent.isDone());
      views.releaseSecondEvent.complete(null);
      assertTrue(lines.readLine().contains("MODIFIED"));
    }
  }

  @Test
  void aRequestBodyStreamsToTheViewsServerAndItsEventStreamBack() throws Exception {
    HttpResponse<String> answer = send(request("/apis/ai.k8s.io/v1alpha1/mcpservers/views/proxy",
        users.agentToken()).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}")).build());
    assertEquals(200, answer.statusCode());
    assertEquals("text/event-stream", answer.headers().firstValue("Content-Type").orElse(""));
    assertEquals("data: {\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}\n\n", answer.body());
  }

  @Test
  void nativeRequestsAreServedByTheClusterWhenRbacAllows() throws Exception {
    HttpResponse<String> answer = get("/api/v1/namespaces/shop/pods", users.agentToken());
    assertEquals(200, answer.statusCode());
    PodList pods = Serialization.unmarshal(answer.body(), PodList.class);
    assertFalse(pods.getItems().isEmpty());
    assertTrue(pods.getItems().stream().allMatch(p -> p.getMetadata().getNamespace().equals("shop")));
    assertEquals("application/json", answer.headers().firstValue("Content-Type").orElse(""));
  }

  @Test
  void kubectlAskingForATableGetsKubeApiserversPodColumns() throws Exception {
    HttpResponse<String> answer = send(request("/api/v1/namespaces/shop/pods", users.adminToken())
        .header("Accept", "application/json;as=Table;v=v1;g=meta.k8s.io,application/json").GET().build());
    assertEquals(200, answer.statusCode());
    JsonNode table = JsonMapper.builder().build().readTree(answer.body());
    assertEquals("Table", table.path("kind").asString());
    List<String> columns = new java.util.ArrayList<>();
    table.path("columnDefinitions").forEach(c -> columns.add(c.path("name").asString()));
    assertEquals(List.of("Name", "Ready", "Status", "Restarts", "Age"), columns.subList(0, 5));
    JsonNode checkout = null;
    for (JsonNode row : table.path("rows")) {
      if (row.path("cells").get(0).asString().startsWith("checkout-")) {
        checkout = row;
      }
    }
    assertEquals("0/1", checkout.path("cells").get(1).asString());
    assertEquals("CrashLoopBackOff", checkout.path("cells").get(2).asString());
    assertTrue(checkout.path("cells").get(3).asString().matches("\\d+ \\(.+ ago\\)"));
    assertEquals("PartialObjectMetadata", checkout.path("object").path("kind").asString());
  }

  @Test
  void nativeRequestsRbacDeniesAre403InKubeApiserversWords() throws Exception {
    assertForbidden(get("/api/v1/namespaces/payments/pods", users.agentToken()),
        "pods is forbidden: User \"agent\" cannot list resource \"pods\" in API group \"\" in the namespace \"payments\"");
    assertForbidden(get("/apis/apps/v1/deployments", users.agentToken()),
        "deployments.apps is forbidden: User \"agent\" cannot list resource \"deployments\" in API group \"apps\" at the cluster scope");
    assertForbidden(get("/api/v1/namespaces/shop/secrets/shop-db", users.agentToken()),
        "secrets \"shop-db\" is forbidden: User \"agent\" cannot get resource \"secrets\" in API group \"\" in the namespace \"shop\"");
    assertForbidden(send(request("/api/v1/namespaces/shop/pods/debug", users.agentToken())
            .DELETE().build()),
        "pods \"debug\" is forbidden: User \"agent\" cannot delete resource \"pods\" in API group \"\" in the namespace \"shop\"");
  }

  @Test
  void aMissingNativeObjectIsAKubeNotFound() throws Exception {
    HttpResponse<String> answer = get("/api/v1/namespaces/shop/pods/nope", users.adminToken());
    assertEquals(404, answer.statusCode());
    Status status = Serialization.unmarshal(answer.body(), Status.class);
    assertEquals("NotFound", status.getReason());
    assertEquals("pods \"nope\" not found", status.getMessage());
  }

  @Test
  void apisListsTheClustersGroupsAndTheAggregatedOne() throws Exception {
    HttpResponse<String> answer = get("/apis", users.agentToken());
    assertEquals(200, answer.statusCode());
    List<String> groups = Serialization.unmarshal(answer.body(), APIGroupList.class).getGroups()
        .stream().map(APIGroup::getName).toList();
    assertTrue(groups.containsAll(List.of("apps", "batch", "rbac.authorization.k8s.io", "ai.k8s.io")), groups.toString());
    assertEquals("ai.k8s.io", groups.get(groups.size() - 1));
  }

  @Test
  void aNativeWatchStreamsOnlyLaterChangesInItsNamespace() throws Exception {
    String listed = Serialization.unmarshal(get("/api/v1/namespaces/batch/pods", users.adminToken()).body(),
        PodList.class).getMetadata().getResourceVersion();
    HttpResponse<java.io.InputStream> answer = http.send(
        request("/api/v1/namespaces/batch/pods?watch=true&resourceVersion=" + listed, users.adminToken())
            .GET().build(), HttpResponse.BodyHandlers.ofInputStream());
    assertEquals(200, answer.statusCode());
    cluster.client().pods().inNamespace("shop").resource(new PodBuilder()
        .withNewMetadata().withName("elsewhere").withNamespace("shop").endMetadata().build()).create();
    cluster.client().pods().inNamespace("batch").resource(new PodBuilder()
        .withNewMetadata().withName("watched").withNamespace("batch").endMetadata().build()).create();
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(answer.body(), StandardCharsets.UTF_8))) {
      JsonNode event = JsonMapper.builder().build().readTree(lines.readLine());
      assertEquals("ADDED", event.path("type").asString());
      assertEquals("watched", event.path("object").path("metadata").path("name").asString());
    }
  }

  @Test
  void pathsWithDotSegmentsAreRefused() throws Exception {
    assertEquals(400, get("/api/v1/namespaces/shop/pods/%2e%2e/%2e%2e/payments/pods", users.agentToken())
        .statusCode());
  }

  private static void assertForbidden(HttpResponse<String> answer, String message) {
    assertEquals(403, answer.statusCode(), answer.body());
    Status status = Serialization.unmarshal(answer.body(), Status.class);
    assertEquals("Forbidden", status.getReason());
    assertEquals(message, status.getMessage());
  }

  private static HttpResponse<String> get(String path, String token) throws Exception {
    return send(request(path, token).GET().build());
  }

  private static HttpResponse<String> send(HttpRequest request) throws Exception {
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest.Builder request(String path, String token) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + door.port() + path))
        .timeout(Duration.ofSeconds(20));
    return token == null ? builder : builder.header("Authorization", "Bearer " + token);
  }
}
