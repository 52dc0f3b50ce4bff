package dev.aiapiserver.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiapiserver.api.WorkloadSummary.Verdict;
import dev.aiapiserver.request.Json;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** Given the server over TLS, when a client speaks raw HTTP to it, then every answer follows the wire contract. */
class WireHttpTest {
  static WireServer server;
  static HttpClient client;
  static final String WLS = "/apis/ai.k8s.io/v1alpha1/workloadsummaries";
  static final String SHOP = "/apis/ai.k8s.io/v1alpha1/namespaces/shop/workloadsummaries";

  @BeforeAll
  static void start() throws Exception {
    server = new WireServer();
    server.seed();
    client = TlsClients.http2(server.ca.certificatePem());
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  static HttpResponse<String> send(String method, String path, Map<String, String> headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url() + path)).timeout(Duration.ofSeconds(10))
        .method(method, method.equals("GET") || method.equals("DELETE") ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString("{\"kind\":\"WorkloadSummary\"}"));
    headers.forEach(b::header);
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> get(String path) throws Exception {
    return send("GET", path, Map.of());
  }

  static Stream<Arguments> malformed() {
    String longValue = "x".repeat(3000);
    return Stream.of(
        Arguments.of("GET", WLS + "?limit=abc", Map.of(), 400, "limit"),
        Arguments.of("GET", WLS + "?limit=99999999999999999999999", Map.of(), 400, "limit"),
        Arguments.of("GET", WLS + "?labelSelector=app%20in%20(a", Map.of(), 400, "unable to parse requirement"),
        Arguments.of("GET", WLS + "?labelSelector=%21%21%21", Map.of(), 400, "unable to parse requirement"),
        Arguments.of("GET", WLS + "?labelSelector=app=" + longValue, Map.of(), 400, "invalid label value"),
        Arguments.of("GET", WLS + "?fieldSelector=spec.nodeName%3Dx", Map.of(), 400, "field label not supported"),
        Arguments.of("GET", WLS + "?fieldSelector=nonsense", Map.of(), 400, "invalid selector"),
        Arguments.of("GET", WLS + "?limit=1&continue=not-a-token", Map.of(), 400, "continue"),
        Arguments.of("GET", WLS + "?resourceVersion=abc", Map.of(), 400, "resourceVersion"),
        Arguments.of("GET", WLS + "?resourceVersion=1&resourceVersionMatch=Sometimes", Map.of(), 400, "resourceVersionMatch"),
        Arguments.of("GET", WLS + "?resourceVersionMatch=Exact", Map.of(), 400, "resourceVersionMatch"),
        Arguments.of("GET", WLS + "?watch=true&timeoutSeconds=-5", Map.of(), 400, "timeoutSeconds"),
        Arguments.of("GET", WLS + "?watch=true&sendInitialEvents=true", Map.of(), 400, "NotOlderThan"),
        Arguments.of("GET", WLS + "?includeObject=Everything", Map.of(), 400, "includeObject"),
        Arguments.of("GET", WLS + "?limit=", Map.of(), 400, "limit"),
        Arguments.of("GET", "/apis/ai.k8s.io/v1alpha1/nosuchthings", Map.of(), 404, "could not find"),
        Arguments.of("GET", "/apis/ai.k8s.io/v1alpha1/namespaces/shop/clustercontexts", Map.of(), 404, "could not find"),
        Arguments.of("GET", SHOP + "/deployment.web/status", Map.of(), 404, "could not find"),
        Arguments.of("GET", "/apis/ai.k8s.io/v2/workloadsummaries", Map.of(), 404, "could not find"),
        Arguments.of("GET", "/api", Map.of(), 404, "could not find"),
        Arguments.of("GET", "/api/v1/pods", Map.of(), 404, "could not find"),
        Arguments.of("GET", "/%2e%2e/%2e%2e/etc/passwd", Map.of(), 400, "not in canonical form"),
        Arguments.of("GET", SHOP + "/deployment.none", Map.of(), 404, "\"deployment.none\" not found"),
        Arguments.of("POST", SHOP, Map.of("Content-Type", "application/json"), 405, "does not allow this method"),
        Arguments.of("PUT", SHOP + "/deployment.web", Map.of("Content-Type", "application/json"), 405, "does not allow"),
        Arguments.of("PATCH", SHOP + "/deployment.web", Map.of("Content-Type", "application/merge-patch+json"), 405, "does not allow"),
        Arguments.of("DELETE", SHOP + "/deployment.web", Map.of(), 405, "does not allow"),
        Arguments.of("DELETE", SHOP, Map.of(), 405, "does not allow"),
        Arguments.of("POST", "/apis", Map.of(), 405, "does not allow"),
        Arguments.of("GET", WLS, Map.of("Accept", "application/vnd.kubernetes.protobuf"), 406, "media types"),
        Arguments.of("GET", WLS, Map.of("Accept", "text/html"), 406, "media types"),
        Arguments.of("GET", WLS, Map.of("Accept", "application/json;as=Table;v=v9;g=meta.k8s.io"), 406, "media types"),
        Arguments.of("GET", WLS, Map.of("Accept", "application/json;q=0"), 406, "media types"),
        Arguments.of("GET", WLS, Map.of("Accept", ";;;,,,"), 406, "media types"),
        Arguments.of("GET", WLS + "?watch=true", Map.of("Accept", "application/yaml"), 406, "watch"));
  }

  @ParameterizedTest(name = "{0} {1} -> {3}")
  @MethodSource("malformed")
  void aMalformedRequestGetsAClearStatusNeverA5xx(String method, String path, Map<String, String> headers, int code,
      String messagePart) throws Exception {
    HttpResponse<String> r = send(method, path, headers);
    assertEquals(code, r.statusCode(), r.body());
    JsonNode status = Json.MAPPER.readTree(r.body());
    assertEquals("Status", status.path("kind").asString());
    assertEquals(code, status.path("code").asInt());
    assertEquals("Failure", status.path("status").asString());
    assertTrue(status.path("message").asString().contains(messagePart), r.body());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
  }

  @Test
  void aHugeLimitIsJustEverything() throws Exception {
    HttpResponse<String> r = get(WLS + "?limit=1000000000");
    assertEquals(200, r.statusCode());
    assertEquals(5, Json.MAPPER.readTree(r.body()).path("items").size());
  }

  @Test
  void pagesAreConsistentWhileTheStoreChangesAndAnOldTokenExpires() throws Exception {
    JsonNode first = Json.MAPPER.readTree(get(WLS + "?limit=2").body());
    String token = first.path("metadata").path("continue").asString();
    assertEquals(3, first.path("metadata").path("remainingItemCount").asInt());
    server.summaries.commit(List.of(WireServer.summary("zzz", "Deployment", "late", Verdict.Healthy, null, 1, 1,
        Map.of())), List.of());
    List<String> names = new ArrayList<>();
    first.path("items").forEach(i -> names.add(i.path("metadata").path("name").asString()));
    String next = token;
    while (!next.isEmpty()) {
      JsonNode page = Json.MAPPER.readTree(get(WLS + "?limit=2&continue=" + next).body());
      page.path("items").forEach(i -> names.add(i.path("metadata").path("name").asString()));
      next = page.path("metadata").path("continue").asString("");
    }
    assertEquals(5, names.size(), "pages stay on the snapshot of the first page: " + names);
    server.summaries.commit(List.of(), List.of("zzz/deployment.late"));
    for (int i = 0; i < 1001; i++) { // history holds 1000 changes: the first page's version is gone
      server.summaries.commit(List.of(WireServer.summary("churn", "Pod", "p", i % 2 == 0 ? Verdict.Healthy
          : Verdict.Failing, null, 1, 1, Map.of())), List.of());
    }

    HttpResponse<String> expired = get(WLS + "?limit=2&continue=" + token);
    assertEquals(410, expired.statusCode());
    JsonNode status = Json.MAPPER.readTree(expired.body());
    assertEquals("Expired", status.path("reason").asString());
    // like kube-apiserver: a token to go on from the same key, at the newest state
    String resume = status.path("metadata").path("continue").asString();
    JsonNode rest = Json.MAPPER.readTree(get(WLS + "?limit=100&continue=" + resume).body());
    List<String> after = new ArrayList<>();
    rest.path("items").forEach(i -> after.add(i.path("metadata").path("name").asString()));
    assertEquals(List.of("deployment.api", "deployment.web", "statefulset.db"), after.stream()
        .filter(n -> !n.equals("pod.p")).toList(), "the rest after the first page's last key");
    server.summaries.commit(List.of(), List.of("churn/pod.p"));
  }

  @Test
  void tablesCarryColumnsAndRowsWithNamespacedMetadata() throws Exception {
    for (String v : List.of("v1", "v1beta1")) {
      HttpResponse<String> r = send("GET", WLS, Map.of("Accept", "application/json;as=Table;v=" + v + ";g=meta.k8s.io"));
      JsonNode table = Json.MAPPER.readTree(r.body());
      assertEquals("Table", table.path("kind").asString());
      assertEquals("meta.k8s.io/" + v, table.path("apiVersion").asString());
      assertEquals("Name", table.path("columnDefinitions").get(0).path("name").asString());
      assertEquals(1, table.path("columnDefinitions").get(8).path("priority").asInt());
      JsonNode row = table.path("rows").get(0);
      assertEquals("default", row.path("object").path("metadata").path("namespace").asString());
      assertEquals("PartialObjectMetadata", row.path("object").path("kind").asString());
    }
    JsonNode partial = Json.MAPPER.readTree(send("GET", SHOP, Map.of("Accept",
        "application/json;as=PartialObjectMetadataList;v=v1;g=meta.k8s.io")).body());
    assertEquals("PartialObjectMetadataList", partial.path("kind").asString());
    assertEquals(3, partial.path("items").size());
  }

  @Test
  void discoveryIsAggregatedWhenAskedAndLegacyOtherwise() throws Exception {
    HttpResponse<String> v2 = send("GET", "/apis", Map.of("Accept",
        "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json"));
    assertEquals("application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList",
        v2.headers().firstValue("Content-Type").orElseThrow());
    assertEquals("APIGroupDiscoveryList", Json.MAPPER.readTree(v2.body()).path("kind").asString());
    HttpResponse<String> legacy = get("/apis");
    assertEquals("APIGroupList", Json.MAPPER.readTree(legacy.body()).path("kind").asString());
    JsonNode resources = Json.MAPPER.readTree(get("/apis/ai.k8s.io/v1alpha1").body());
    assertEquals("wls", resources.path("resources").get(0).path("shortNames").get(0).asString());
    assertEquals(HttpClient.Version.HTTP_2, legacy.version());
  }

  @Test
  void largeListsAreGzippedWhenAsked() throws Exception {
    List<dev.aiapiserver.api.WorkloadSummary> many = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      many.add(WireServer.summary("bulk", "Deployment", "d" + i, Verdict.Healthy, null, 1, 1, Map.of("i", "" + i)));
    }
    server.summaries.commit(many, List.of());
    HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(URI.create(server.url()
        + "/apis/ai.k8s.io/v1alpha1/namespaces/bulk/workloadsummaries")).header("Accept-Encoding", "gzip").build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertEquals("gzip", r.headers().firstValue("Content-Encoding").orElse(""));
    server.summaries.commit(List.of(), many.stream().map(s -> "bulk/" + s.metadata().name()).toList());
  }

  static BlockingQueue<JsonNode> watch(String path, Map<String, String> headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url() + path)).timeout(Duration.ofSeconds(10));
    headers.forEach(b::header);
    return TlsClients.watch(client, b.build());
  }

  static JsonNode next(BlockingQueue<JsonNode> events) throws InterruptedException {
    JsonNode e = events.poll(10, TimeUnit.SECONDS);
    assertNotNull(e, "no watch event within 10s");
    return e;
  }

  @Test
  void aWatchFromAListVersionSeesTheNextChangeAndSelectorExitsAreDeletions() throws Exception {
    String rv = Json.MAPPER.readTree(get(SHOP).body()).path("metadata").path("resourceVersion").asString();
    BlockingQueue<JsonNode> events = watch(SHOP + "?watch=true&labelSelector=tier%3Dfront&resourceVersion=" + rv,
        Map.of());
    server.summaries.commit(List.of(WireServer.summary("shop", "Deployment", "web", Verdict.Degraded, "NotReady", 2, 3,
        Map.of("app", "web", "tier", "front"))), List.of());
    JsonNode modified = next(events);
    assertEquals("MODIFIED", modified.path("type").asString());
    assertEquals("Degraded", modified.path("object").path("health").path("verdict").asString());
    server.summaries.commit(List.of(WireServer.summary("shop", "Deployment", "web", Verdict.Degraded, "NotReady", 2, 3,
        Map.of("app", "web", "tier", "moved"))), List.of());
    assertEquals("DELETED", next(events).path("type").asString());
    server.summaries.commit(List.of(WireServer.summary("shop", "Deployment", "web", Verdict.Healthy, null, 3, 3,
        Map.of("app", "web", "tier", "front"))), List.of());
    assertEquals("ADDED", next(events).path("type").asString());
  }

  @Test
  void watchListSendsInitialEventsThenTheEndBookmark() throws Exception {
    BlockingQueue<JsonNode> events = watch(SHOP + "?watch=true&sendInitialEvents=true&resourceVersionMatch=NotOlderThan"
        + "&allowWatchBookmarks=true", Map.of());
    List<String> types = new ArrayList<>();
    JsonNode e;
    do {
      e = next(events);
      types.add(e.path("type").asString());
    } while (!e.path("type").asString().equals("BOOKMARK"));
    assertEquals(List.of("ADDED", "ADDED", "ADDED", "BOOKMARK"), types);
    assertEquals("true", e.path("object").path("metadata").path("annotations").path("k8s.io/initial-events-end").asString());
    assertTrue(e.path("object").path("metadata").path("resourceVersion").asLong() > 0);
  }

  @Test
  void aWatchFromACompactedVersionGetsAnExpiredErrorEvent() throws Exception {
    for (int i = 0; i < 1100; i++) { // history holds 1000 changes
      server.summaries.commit(List.of(WireServer.summary("churn", "Pod", "p", i % 2 == 0 ? Verdict.Healthy
          : Verdict.Failing, null, 1, 1, Map.of())), List.of());
    }
    BlockingQueue<JsonNode> events = watch(WLS + "?watch=true&resourceVersion=" + (server.summaries.currentVersion() - 1050),
        Map.of());
    JsonNode error = next(events);
    assertEquals("ERROR", error.path("type").asString());
    assertEquals(410, error.path("object").path("code").asInt());
    assertEquals("Expired", error.path("object").path("reason").asString());
    server.summaries.commit(List.of(), List.of("churn/pod.p"));
  }

  @Test
  void aTableWatchSendsColumnsOnceAndBookmarksWhenAllowed() throws Exception {
    BlockingQueue<JsonNode> events = watch(SHOP + "?watch=true&allowWatchBookmarks=true",
        Map.of("Accept", "application/json;as=Table;v=v1;g=meta.k8s.io"));
    JsonNode first = next(events);
    assertEquals("Table", first.path("object").path("kind").asString());
    assertEquals(9, first.path("object").path("columnDefinitions").size());
    assertEquals(0, next(events).path("object").path("columnDefinitions").size());
    JsonNode e;
    do {
      e = next(events); // bookmarks every 200 ms in this fixture
    } while (!e.path("type").asString().equals("BOOKMARK"));
  }

  @Test
  void aWatchEndsAfterItsTimeoutAlsoOnTheDeprecatedWatchPath() throws Exception {
    for (String path : List.of(SHOP + "?watch=true&timeoutSeconds=1",
        "/apis/ai.k8s.io/v1alpha1/watch/namespaces/shop/workloadsummaries?timeoutSeconds=1")) {
      HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(server.url() + path))
          .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(3, r.body().lines().count(), path + ": " + r.body());
      assertTrue(r.body().startsWith("{\"type\":\"ADDED\""), r.body());
    }
  }

  @Test
  void healthVersionAndMetricsAnswer() throws Exception {
    assertEquals("ok", get("/readyz").body());
    assertTrue(get("/readyz?verbose").body().contains("readyz check passed"));
    assertEquals("0", Json.MAPPER.readTree(get("/version").body()).path("major").asString());
    get(WLS);
    get("/apis/made.up/v1/r" + System.nanoTime());
    send("BREW", WLS, Map.of());
    String metrics = get("/metrics").body();
    assertTrue(metrics.contains("resource=\"other\""), "an unknown resource is counted as other");
    assertTrue(!metrics.contains("made.up") && !metrics.contains("brew"), "no series for made-up values");
    assertTrue(metrics.contains("apiserver_request_total{code=\"200\",resource=\"workloadsummaries\",verb=\"list\"}"),
        metrics);
    assertTrue(metrics.contains("apiserver_request_duration_seconds_bucket"), metrics);
    assertTrue(metrics.contains("ai_apiserver_views{resource=\"workloadsummaries\"}"), metrics);
  }
}
