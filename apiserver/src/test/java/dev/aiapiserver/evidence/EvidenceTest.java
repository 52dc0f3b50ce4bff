package dev.aiapiserver.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiapiserver.auth.UserInfo;
import dev.aiapiserver.e2e.Kubectl;
import dev.aiapiserver.http.Json;
import dev.aiapiserver.mcp.McpTestServer;
import dev.aiapiserver.mockcluster.KubeletLogs;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The evidence subresource end to end: the server on a mock cluster whose pods/log endpoint answers
 * like the kubelet, reached as kube-apiserver reaches it, by callers with different RBAC.
 */
class EvidenceTest {
  static final String CHECKOUT = "/apis/ai.k8s.io/v1alpha1/namespaces/shop/workloadsummaries/deployment.checkout";
  static final String LEDGER = "/apis/ai.k8s.io/v1alpha1/namespaces/shop/workloadsummaries/statefulset.ledger";
  static final UserInfo OLGA = new UserInfo("olga", "", List.of(), Map.of());
  static final UserInfo BOB = new UserInfo("bob", "", List.of(), Map.of());
  static final String CRASH_PREVIOUS = """
      2026-12-07T08:26:58.101Z INFO  c.e.shop.checkout.Main - Starting checkout 2.4.0 on checkout-7c9d8f6b5-h4j6t
      2026-12-07T08:27:01.877Z INFO  c.e.shop.checkout.Db - connecting to jdbc:postgresql://orders-db:5432/orders?user=checkout&password=hunter2-s3cr3t-value
      2026-12-07T08:27:04.310Z ERROR c.e.shop.checkout.Main - Application run failed
      java.lang.IllegalStateException: PAYMENT_GATEWAY_URL is not set
      \tat com.example.shop.checkout.PaymentConfig.gatewayUrl(PaymentConfig.java:42)
      \tat com.example.shop.checkout.Main.main(Main.java:27)
      """;
  static final String CRASH_CURRENT = """
      2026-12-07T08:27:31.002Z INFO  c.e.shop.checkout.Main - Starting checkout 2.4.0 on checkout-7c9d8f6b5-h4j6t
      2026-12-07T08:27:33.950Z ERROR c.e.shop.checkout.Main - Application run failed
      java.lang.IllegalStateException: PAYMENT_GATEWAY_URL is not set
      \tat com.example.shop.checkout.PaymentConfig.gatewayUrl(PaymentConfig.java:42)
      \tat com.example.shop.checkout.Main.main(Main.java:27)
      """;

  static McpTestServer server;
  static KubeletLogs kubelet;

  @BeforeAll
  static void start() throws Exception {
    AtomicReference<KubeletLogs> logs = new AtomicReference<>();
    server = new McpTestServer(new McpTestServer.Cluster(
        List.of("/rbac/cluster.yaml", "/evidence/rbac.yaml", "/evidence/cluster.yaml"), CHECKOUT,
        cluster -> {
          logs.set(new KubeletLogs(cluster));
          return logs.get();
        }));
    kubelet = logs.get();
    kubelet.put("shop", "checkout-7c9d8f6b5-h4j6t", "checkout", true, CRASH_PREVIOUS)
        .put("shop", "checkout-7c9d8f6b5-h4j6t", "checkout", false, CRASH_CURRENT);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void anOperatorWhoMayReadLogsSeesTheCrashBothInstancesRedacted() throws Exception {
    JsonNode evidence = evidence(CHECKOUT, OLGA);

    assertEquals("WorkloadEvidence", evidence.path("kind").asString());
    assertEquals("deployment.checkout", evidence.path("metadata").path("name").asString());
    JsonNode logs = evidence.path("logs");
    assertTrue(logs.path("withheld").isMissingNode(), logs.toString());
    assertEquals(2, logs.path("items").size(), logs.toString());
    JsonNode current = logs.path("items").get(0);
    assertEquals("checkout-7c9d8f6b5-h4j6t", current.path("pod").asString());
    assertEquals("checkout", current.path("container").asString());
    assertFalse(current.path("previous").asBoolean());
    List<String> currentLines = strings(current.path("lines"));
    assertEquals(5, currentLines.size());
    assertEquals("\tat com.example.shop.checkout.Main.main(Main.java:27)", currentLines.get(4));
    JsonNode previous = logs.path("items").get(1);
    assertTrue(previous.path("previous").asBoolean());
    String previousText = String.join("\n", strings(previous.path("lines")));
    assertTrue(previousText.contains("PAYMENT_GATEWAY_URL is not set"), previousText);
    assertFalse(previousText.contains("hunter2-s3cr3t-value"), previousText);
    assertTrue(previousText.contains("password=[redacted]"), previousText);
  }

  @Test
  void theRolloutShowsTheCrashingNewRevisionAndTheOldOneServing() throws Exception {
    JsonNode revisions = evidence(CHECKOUT, OLGA).path("rollout").path("revisions");

    assertEquals(2, revisions.size(), revisions.toString());
    JsonNode newest = revisions.get(0);
    assertEquals(2, newest.path("revision").asLong());
    assertEquals("checkout-7c9d8f6b5", newest.path("name").asString());
    assertEquals("registry.example.com/shop/checkout:2.4.0", newest.path("images").get(0).asString());
    assertTrue(newest.path("current").asBoolean());
    assertEquals(0, newest.path("ready").asInt());
    assertEquals(1, newest.path("desired").asInt());
    JsonNode old = revisions.get(1);
    assertEquals(1, old.path("revision").asLong());
    assertEquals("registry.example.com/shop/checkout:2.3.9", old.path("images").get(0).asString());
    assertEquals(2, old.path("ready").asInt());
    assertEquals(2, old.path("desired").asInt());
    assertFalse(old.path("current").asBoolean());
  }

  @Test
  void anAgentWithoutPodsLogGetsEverythingButTheLogsAndIsToldWhy() throws Exception {
    int before = kubelet.requests().size();

    JsonNode evidence = evidence(CHECKOUT, McpTestServer.AGENT);

    assertEquals("requires get on pods/log in namespace shop", evidence.path("logs").path("withheld").asString());
    assertTrue(evidence.path("logs").path("items").isMissingNode());
    assertEquals(before, kubelet.requests().size(), "no log was read for a caller who may not read it");
    assertEquals(2, evidence.path("rollout").path("revisions").size());
    assertTrue(evidence.path("events").path("items").size() >= 2);
    assertFalse(evidence.path("podMessages").path("items").isEmpty());
  }

  @Test
  void eventsAndPodMessagesComeInFull() throws Exception {
    JsonNode evidence = evidence(CHECKOUT, McpTestServer.AGENT);

    List<String> messages = new ArrayList<>();
    evidence.path("events").path("items").forEach(e -> messages.add(e.path("message").asString()));
    assertTrue(messages.contains("Back-off restarting failed container checkout in pod"
        + " checkout-7c9d8f6b5-h4j6t_shop(5b0d8a4e-2f4c-4c1e-9a57-3c1f0b7d6e21)"), messages.toString());
    assertEquals(14, evidence.path("events").path("items").findValues("count").stream()
        .mapToInt(JsonNode::asInt).max().orElse(0));
    List<String> podMessages = new ArrayList<>();
    evidence.path("podMessages").path("items").forEach(m -> podMessages.add(m.path("source").asString() + " "
        + m.path("reason").asString() + ": " + m.path("message").asString()));
    assertTrue(podMessages.stream().anyMatch(m -> m.startsWith("state.waiting CrashLoopBackOff: back-off 2m40s"
        + " restarting failed container=checkout pod=checkout-7c9d8f6b5-h4j6t_shop(")), podMessages.toString());
    assertTrue(podMessages.contains("lastState.terminated Error: exit code 1, finished 2026-12-07T08:27:34Z"),
        podMessages.toString());
  }

  @Test
  void aCallerWithoutTheSubresourceIsRefusedLikeKubeApiserverWould() throws Exception {
    HttpResponse<String> r = server.get(CHECKOUT + "/evidence", BOB);

    assertEquals(403, r.statusCode(), r.body());
    assertTrue(r.body().contains("cannot get resource \\\"workloadsummaries/evidence\\\" in API group \\\"ai.k8s.io\\\""
        + " in the namespace \\\"shop\\\""), r.body());
  }

  @Test
  void aStatefulSetsRevisionsAreReadFromItsControllerRevisionsImagesOnly() throws Exception {
    kubelet.put("shop", "ledger-0", "ledger", false, "ledger 1.8.1 waiting for quorum\n");
    HttpResponse<String> r = server.get(LEDGER + "/evidence", OLGA);
    assertEquals(200, r.statusCode(), r.body());
    JsonNode revisions = Json.MAPPER.readTree(r.body()).path("rollout").path("revisions");

    assertEquals(2, revisions.size(), revisions.toString());
    assertEquals(2, revisions.get(0).path("revision").asLong());
    assertEquals("ledger-7d9c8b6f5", revisions.get(0).path("name").asString());
    assertEquals("registry.example.com/shop/ledger:1.8.1", revisions.get(0).path("images").get(0).asString());
    assertEquals(1, revisions.get(0).path("replicas").asInt());
    assertTrue(revisions.get(0).path("current").asBoolean());
    assertEquals("registry.example.com/shop/ledger:1.8.0", revisions.get(1).path("images").get(0).asString());
    assertFalse(r.body().contains("tok-never-shown"), "nothing of a ControllerRevision but its images leaves");
  }

  @Test
  void aTenThousandLineLogIsNeverReadWhole() throws Exception {
    kubelet.put("shop", "ledger-0", "ledger", false, KubeletLogs.numbered(10_000, "replaying journal entry "));
    int before = kubelet.requests().size();

    JsonNode log = evidence(LEDGER, OLGA).path("logs").path("items").get(0);

    List<String> lines = strings(log.path("lines"));
    assertEquals(40, lines.size());
    assertEquals("replaying journal entry 9961", lines.get(0));
    assertEquals("replaying journal entry 10000", lines.get(39));
    List<String> asked = kubelet.requests().subList(before, kubelet.requests().size());
    assertEquals(1, asked.size(), asked.toString());
    assertTrue(asked.get(0).contains("tailLines=40") && asked.get(0).contains("limitBytes=16384"), asked.toString());
  }

  @Test
  void twoMegabyteLinesAreCutAndTheNewestLineStillShows() throws Exception {
    String huge = "x".repeat(2 * 1024 * 1024);
    kubelet.put("shop", "ledger-0", "ledger", false, huge + "\n" + huge + "\nledger: giving up after 3 attempts\n");
    int before = kubelet.requests().size();

    JsonNode evidence = evidence(LEDGER, OLGA);

    List<String> lines = strings(evidence.path("logs").path("items").get(0).path("lines"));
    assertEquals(List.of("ledger: giving up after 3 attempts"), lines);
    List<String> asked = kubelet.requests().subList(before, kubelet.requests().size());
    assertTrue(asked.get(asked.size() - 1).contains("tailLines=1"), asked.toString());
  }

  @Test
  void aKubeletThatIgnoresTheLimitsIsReadOnlyUpToThem() throws Exception {
    String huge = "y".repeat(2 * 1024 * 1024);
    kubelet.put("shop", "ledger-0", "ledger", false, (huge + "\n").repeat(3));
    kubelet.ignoreLimits(true);
    try {
      HttpResponse<String> r = server.get(LEDGER + "/evidence", OLGA);

      assertEquals(200, r.statusCode(), r.body());
      assertTrue(r.body().getBytes(StandardCharsets.UTF_8).length <= WorkloadEvidences.MAX_BYTES, "" + r.body().length());
      List<String> lines = strings(Json.MAPPER.readTree(r.body()).path("logs").path("items").get(0).path("lines"));
      assertEquals(1, lines.size());
      assertTrue(lines.get(0).length() <= LogExcerpt.MAX_LINE && lines.get(0).startsWith("yyyy"), lines.get(0));
    } finally {
      kubelet.ignoreLimits(false);
    }
  }

  @Test
  void aStalledKubeletCostsOneEntryAfterTheDeadlineAndHoldsUpNothingElse() throws Exception {
    kubelet.stall("shop", "checkout-7c9d8f6b5-h4j6t", "checkout", true, java.time.Duration.ofSeconds(15));
    try {
      var pending = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
        try {
          return server.get(CHECKOUT + "/evidence", OLGA);
        } catch (Exception e) {
          throw new java.util.concurrent.CompletionException(e);
        }
      });
      // While the evidence waits on the kubelet, the server answers everything else at once.
      dev.aiapiserver.testing.Await.until("the evidence to be under way", java.time.Duration.ofSeconds(10),
          () -> kubelet.requests().stream().anyMatch(r -> r.contains("checkout-7c9d8f6b5-h4j6t") && r.contains("previous")));
      long started = System.nanoTime();
      assertEquals(200, server.get(CHECKOUT, OLGA).statusCode());
      assertTrue(java.time.Duration.ofNanos(System.nanoTime() - started).toMillis() < 2000, "a summary is not held up");

      HttpResponse<String> r = pending.get(30, java.util.concurrent.TimeUnit.SECONDS);

      assertEquals(200, r.statusCode(), r.body());
      JsonNode items = Json.MAPPER.readTree(r.body()).path("logs").path("items");
      assertEquals(5, items.get(0).path("lines").size(), "the current instance is served: " + items);
      assertEquals("the log could not be read within 5000ms", items.get(1).path("error").asString(), items.toString());
      assertTrue(items.get(1).path("lines").isEmpty());
    } finally {
      kubelet.stall("shop", "checkout-7c9d8f6b5-h4j6t", "checkout", true, null);
    }
  }

  @Test
  void anUnknownSummaryIsNotFoundAndWritesAreNotAllowed() throws Exception {
    HttpResponse<String> missing = server.get(
        "/apis/ai.k8s.io/v1alpha1/namespaces/shop/workloadsummaries/deployment.nope/evidence", McpTestServer.ADMIN);
    assertEquals(404, missing.statusCode(), missing.body());
    assertTrue(missing.body().contains("workloadsummaries.ai.k8s.io \\\"deployment.nope\\\" not found"), missing.body());

    HttpResponse<String> post = server.send(McpTestServer.ADMIN, "POST", CHECKOUT + "/evidence");
    assertEquals(405, post.statusCode(), post.body());
  }

  @Test
  void discoveryAndOpenApiAdvertiseTheSubresource() throws Exception {
    String resources = server.get("/apis/ai.k8s.io/v1alpha1", McpTestServer.ADMIN).body();
    JsonNode evidence = null;
    for (JsonNode r : Json.MAPPER.readTree(resources).path("resources")) {
      if (r.path("name").asString().equals("workloadsummaries/evidence")) {
        evidence = r;
      }
    }
    assertTrue(evidence != null, resources);
    assertEquals("WorkloadEvidence", evidence.path("kind").asString());
    assertEquals(List.of("get"), strings(evidence.path("verbs")));

    JsonNode v3 = Json.MAPPER.readTree(server.get("/openapi/v3/apis/ai.k8s.io/v1alpha1", McpTestServer.ADMIN).body());
    JsonNode get = v3.path("paths")
        .path("/apis/ai.k8s.io/v1alpha1/namespaces/{namespace}/workloadsummaries/{name}/evidence").path("get");
    assertEquals("readAiK8sIoV1alpha1NamespacedWorkloadSummaryEvidence", get.path("operationId").asString());
    String ref = get.path("responses").path("200").path("content").path("application/json").path("schema")
        .path("$ref").asString();
    assertTrue(ref.endsWith(".WorkloadEvidence"), get.toString());
    JsonNode schema = v3.path("components").path("schemas").path(ref.substring("#/components/schemas/".length()));
    assertTrue(schema.path("description").asString().startsWith("WorkloadEvidence is what an operator reads"),
        schema.toString());
    assertFalse(schema.path("properties").path("logs").isMissingNode());
    JsonNode v2 = Json.MAPPER.readTree(server.get("/openapi/v2", McpTestServer.ADMIN).body());
    assertFalse(v2.path("paths")
        .path("/apis/ai.k8s.io/v1alpha1/namespaces/{namespace}/workloadsummaries/{name}/evidence").isMissingNode());
  }

  @Test
  void kubectlGetRawReadsIt() throws Exception {
    var dir = Files.createTempDirectory("evidence-kubectl");
    Kubectl kubectl = new Kubectl("1.33",
        Kubectl.kubeconfig(dir, server.url(), server.servingCaPem(), "admin", "admin-token"));

    Kubectl.Result result = kubectl.run("get", "--raw", CHECKOUT + "/evidence");

    assertEquals(0, result.exitCode(), result.stderr());
    JsonNode evidence = Json.MAPPER.readTree(result.out());
    assertEquals("WorkloadEvidence", evidence.path("kind").asString());
    assertNull(evidence.path("logs").path("withheld").asString(null));
  }

  private static JsonNode evidence(String summary, UserInfo user) throws Exception {
    HttpResponse<String> r = server.get(summary + "/evidence", user);
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(r.body().getBytes(StandardCharsets.UTF_8).length <= WorkloadEvidences.MAX_BYTES);
    return Json.MAPPER.readTree(r.body());
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asString()));
    return out;
  }
}
