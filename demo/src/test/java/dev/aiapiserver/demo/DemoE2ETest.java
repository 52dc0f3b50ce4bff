package dev.aiapiserver.demo;

import java.util.Map;

import dev.aiapiserver.e2e.TlsClients;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiapiserver.e2e.Kubectl;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Given the whole demo started in-process (embedded cluster, this server, motion, front door),
 * when its users drive it with the real kubectl through the kubeconfig it wrote, then admin sees
 * the whole scenario, agent only the namespace shop, native and derived resources answer on the
 * same endpoint, and no planted secret ever comes out of this server.
 */
class DemoE2ETest {
  static DemoCommand.RunningDemo demo;
  static Kubectl kubectl;
  static Kubectl kubectl127;
  static Path dir;

  @BeforeAll
  static void start() throws Exception {
    dir = Files.createTempDirectory("demo-e2e");
    DemoCommandLine command = DemoCommandLine.parse("--secure-port", "0",
        "--front-door-port", "0", "--kubeconfig-out", dir.resolve("kubeconfig").toString());
    demo = DemoCommand.start(command.server(), command.demo(), Clock.systemUTC());
    kubectl = new Kubectl("1.33", demo.kubeconfig());
    kubectl127 = new Kubectl("1.27", demo.kubeconfig());
  }

  @AfterAll
  static void stop() {
    demo.close();
  }

  @Test
  void adminSeesEveryWorkloadOfTheScenarioWithItsVerdict() throws Exception {
    for (Kubectl k : List.of(kubectl, kubectl127)) {
      String table = k.ok("get", "wls", "-A");
      // cause first: the OOM kill, not the crash loop it causes; the pull error, not the back-off
      assertTrue(row(table, "deployment.checkout").matches(".*Failing\\s+OOMKilled.*"), table);
      assertTrue(row(table, "deployment.recommendations").contains("ErrImagePull"), table);
      assertTrue(row(table, "deployment.fraud-scorer").contains("Unschedulable"), table);
      assertTrue(row(table, "deployment.cart").contains("Progressing"), table);
      assertTrue(row(table, "job.nightly-report").contains("BackoffLimitExceeded"), table);
      assertTrue(row(table, "cronjob.cleanup-tmp").contains("Suspended"), table);
      assertTrue(row(table, "statefulset.ledger-db").contains("Healthy"), table);
      assertTrue(row(table, "daemonset.kube-proxy").contains("NodeNotReady"), table);
      assertTrue(row(k.ok("get", "cctx"), "current").matches("current\\s+v1\\.32\\.3\\s+2/3\\s+.*"));
    }
  }

  @Test
  void nativeAndDerivedResourcesAnswerOnTheSameEndpoint() throws Exception {
    for (Kubectl k : List.of(kubectl, kubectl127)) {
      String pods = k.ok("get", "pods", "-n", "shop");
      assertTrue(row(pods, "checkout-").matches("checkout-\\S+\\s+0/1\\s+(CrashLoopBackOff|Running)\\s+\\d+ \\(.*"), pods);
      assertTrue(row(pods, "recommendations-").contains("ImagePullBackOff"), pods);
      assertTrue(row(k.ok("get", "nodes"), "demo-worker2").matches("demo-worker2\\s+NotReady\\s+worker.*"));
      assertTrue(k.ok("get", "wls", "-n", "shop").contains("deployment.checkout"));
      assertTrue(k.ok("get", "rolebindings", "-A").contains("agent-workload-reader"));
      assertTrue(k.ok("explain", "wls.health").contains("verdict"));
    }
  }

  @Test
  void agentReadsShopAndIsRefusedElsewhere() throws Exception {
    for (Kubectl k : List.of(kubectl, kubectl127)) {
      assertTrue(k.ok("--context", "demo-agent", "get", "wls", "-n", "shop").contains("deployment.web"));
      assertTrue(k.ok("--context", "demo-agent", "get", "pods", "-n", "shop").contains("web-"));
      Kubectl.Result payments = k.run("--context", "demo-agent", "get", "wls", "-n", "payments");
      assertEquals(1, payments.exitCode());
      assertEquals("Error from server (Forbidden): workloadsummaries.ai.k8s.io is forbidden: User"
          + " \"agent\" cannot list resource \"workloadsummaries\" in API group \"ai.k8s.io\" in the"
          + " namespace \"payments\"", payments.stderr().strip());
      Kubectl.Result everywhere = k.run("--context", "demo-agent", "get", "wls", "-A");
      assertTrue(everywhere.stderr().contains("at the cluster scope"), everywhere.stderr());
      Kubectl.Result pods = k.run("--context", "demo-agent", "get", "pods", "-n", "payments");
      assertTrue(pods.stderr().startsWith("Error from server (Forbidden): pods is forbidden"), pods.stderr());
    }
  }

  @Test
  void aMissingSummaryIsNotFoundInKubectlsWords() throws Exception {
    Kubectl.Result missing = kubectl.run("get", "wls", "deployment.nope", "-n", "shop");
    assertEquals(1, missing.exitCode());
    assertEquals("Error from server (NotFound): workloadsummaries.ai.k8s.io \"deployment.nope\" not found",
        missing.stderr().strip());
  }

  @Test
  void noPlantedSecretEverLeavesTheServer() throws Exception {
    List<String> outputs = new ArrayList<>();
    outputs.add(kubectl.ok("get", "wls", "-A", "-o", "yaml"));
    outputs.add(kubectl.ok("get", "wls", "-A", "-o", "wide"));
    outputs.add(kubectl.ok("get", "cctx", "current", "-o", "json"));
    outputs.add(kubectl.ok("get", "wls", "deployment.web", "-n", "shop", "-o", "json"));
    outputs.add(direct("/apis/ai.k8s.io/v1alpha1/workloadsummaries", demo.users().adminToken()).body());
    outputs.add(kubectl.ok("get", "cctx", "-o", "wide"));
    outputs.add(kubectl.ok("get", "mcp", "-o", "yaml"));
    outputs.add(kubectl.ok("get", "--raw", "/apis/ai.k8s.io/v1alpha1/workloadsummaries?watch=true&timeoutSeconds=1"));
    outputs.add(kubectl.ok("get", "--raw", "/apis/ai.k8s.io/v1alpha1/namespaces/shop/workloadsummaries?limit=2"));
    try (McpSyncClient agent = mcpAgent(demo.users().adminToken())) {
      agent.initialize();
      for (String tool : List.of("triage", "cluster_context", "list_workload_summaries")) {
        outputs.add(text(agent.callTool(new McpSchema.CallToolRequest(tool, Map.of()))));
      }
      outputs.add(text(agent.callTool(new McpSchema.CallToolRequest("get_workload_summary",
          Map.of("namespace", "shop", "name", "deployment.checkout")))));
    }
    String views = String.join("\n", outputs);
    assertTrue(views.contains("deployment.web"), "the web summary was read");
    assertTrue(views.contains("\"type\":\"ADDED\""), "the watch stream was read");
    assertTrue(views.contains("OOMKilled"), "the MCP tools were read");
    assertFalse(views.contains("last-applied-configuration"));
    assertFalse(views.contains("managedFields"));
    // A token the kubelet quoted in an event is cut out, the rest of its message stays.
    assertTrue(views.contains("HTTP lifecycle hook (/drain?token=[redacted])"), "the hook event was read");
    String everything = views + kubectl.ok("get", "--raw", "/openapi/v3/apis/ai.k8s.io/v1alpha1");
    for (String canary : DemoScenario.secretCanaries()) {
      assertFalse(everything.contains(canary), canary);
      assertFalse(everything.contains(Base64.getEncoder().encodeToString(canary.getBytes(StandardCharsets.UTF_8))), canary);
    }
  }

  @Test
  void theServersOwnPortTakesTheDemoTokensDirectly() throws Exception {
    HttpResponse<String> admin = direct("/apis/ai.k8s.io/v1alpha1/clustercontexts/current",
        demo.users().adminToken());
    assertEquals(200, admin.statusCode());
    JsonNode context = JsonMapper.builder().build().readTree(admin.body());
    assertEquals("v1.32.3", context.path("kubernetes").path("version").asString());
    assertEquals(403, direct("/apis/ai.k8s.io/v1alpha1/clustercontexts/current",
        demo.users().agentToken()).statusCode());
  }

  @Test
  void theQuickstartsSampleTablesAreWhatTheDemoPrints() throws Exception {
    List<QuickstartTables.Sample> samples = QuickstartTables.samples();
    assertTrue(samples.size() >= 2, "the quickstart shows wls -A and pods tables: " + samples);

    List<String> problems = new ArrayList<>();
    for (QuickstartTables.Sample sample : samples) {
      String printed = kubectl.ok(sample.args().toArray(String[]::new));
      QuickstartTables.differences(sample.table(), printed)
          .forEach(p -> problems.add("kubectl " + String.join(" ", sample.args()) + ": " + p));
    }
    assertEquals(List.of(), problems, "docs/quickstart.md differs from what the demo prints");
  }

  private static String row(String table, String name) {
    return table.lines().filter(line -> line.contains(" " + name) || line.startsWith(name))
        .findFirst().orElse("(no row " + name + ")");
  }

  private static HttpResponse<String> direct(String path, String token) throws Exception {
    HttpClient http = DemoTrust.client(DemoTrust.caPem(demo.kubeconfig()));
    return http.send(HttpRequest.newBuilder(URI.create(demo.views() + path))
        .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(20)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** An MCP agent with the SDK's own client, pointed at the demo's front door with its bearer token. */
  static McpSyncClient mcpAgent(String token) throws Exception {
    io.fabric8.kubernetes.client.Config config = io.fabric8.kubernetes.client.Config.fromKubeconfig(
        Files.readString(demo.kubeconfig()));
    String caPem = new String(java.util.Base64.getDecoder().decode(config.getCaCertData()),
        java.nio.charset.StandardCharsets.UTF_8);
    HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(demo.endpoint())
        .endpoint("/apis/ai.k8s.io/v1alpha1/mcpservers/views/proxy")
        .clientBuilder(java.net.http.HttpClient.newBuilder().sslContext(TlsClients.trusting(caPem)))
        .httpRequestCustomizer((request, method, uri, body, context) ->
            request.header("Authorization", "Bearer " + token))
        .build();
    return McpClient.sync(transport).requestTimeout(java.time.Duration.ofSeconds(60))
        .clientInfo(new McpSchema.Implementation("demo-agent", "1.0")).build();
  }

  static String text(McpSchema.CallToolResult result) {
    return result.content().stream().filter(c -> c instanceof McpSchema.TextContent)
        .map(c -> ((McpSchema.TextContent) c).text()).reduce("", String::concat)
        + String.valueOf(result.structuredContent());
  }

  @Test
  void anMcpAgentCallsEveryToolThroughTheFrontDoorAndRbacBoundsTheAgentUser() throws Exception {
    try (McpSyncClient admin = mcpAgent(demo.users().adminToken())) {
      admin.initialize();
      assertEquals(List.of("cluster_context", "explain", "get_workload_summary", "list_workload_summaries", "triage"),
          admin.listTools().tools().stream().map(McpSchema.Tool::name).sorted().toList());
      McpSchema.CallToolResult triage = admin.callTool(new McpSchema.CallToolRequest("triage", Map.of()));
      assertFalse(triage.isError(), text(triage));
      assertTrue(text(triage).contains("deployment.checkout"), text(triage));
      assertTrue(text(admin.callTool(new McpSchema.CallToolRequest("cluster_context", Map.of()))).contains("v1.32.3"));
      assertTrue(text(admin.callTool(new McpSchema.CallToolRequest("list_workload_summaries",
          Map.of("namespace", "payments")))).contains("statefulset.ledger-db"));
      assertTrue(text(admin.callTool(new McpSchema.CallToolRequest("get_workload_summary",
          Map.of("namespace", "shop", "name", "deployment.checkout")))).contains("OOMKilled"));
    }
    try (McpSyncClient agent = mcpAgent(demo.users().agentToken())) {
      agent.initialize();
      McpSchema.CallToolResult shop = agent.callTool(new McpSchema.CallToolRequest("triage", Map.of("namespace", "shop")));
      assertFalse(shop.isError(), text(shop));
      McpSchema.CallToolResult payments = agent.callTool(new McpSchema.CallToolRequest("triage",
          Map.of("namespace", "payments")));
      assertTrue(payments.isError());
      assertTrue(text(payments).contains("User \"agent\" cannot list resource \"workloadsummaries\" in API group"
          + " \"ai.k8s.io\" in the namespace \"payments\""), text(payments));
      assertFalse(text(payments).contains("ledger-db"));
    }
  }

  static final String EVIDENCE = "/apis/ai.k8s.io/v1alpha1/namespaces/shop/workloadsummaries/%s/evidence";

  @Test
  void theEvidenceShowsAdminTheLogsRedactedAndWithholdsThemFromAgent() throws Exception {
    JsonNode checkout = JsonMapper.shared().readTree(kubectl.ok("get", "--raw", EVIDENCE.formatted("deployment.checkout")));
    JsonNode logs = checkout.path("logs").path("items");
    assertTrue(logs.size() >= 2, checkout.toString());
    String lines = logs.toString();
    assertTrue(lines.contains("Pause Full (G1 Compaction Pause) 229M->227M(230M)"), lines);
    assertFalse(lines.contains(DemoLogs.CHECKOUT_DB_PASSWORD), "the planted password is redacted: " + lines);
    assertTrue(lines.contains("orders?user=checkout&password="), lines);

    JsonNode orders = JsonMapper.shared().readTree(kubectl.ok("get", "--raw", EVIDENCE.formatted("deployment.orders")));
    JsonNode revisions = orders.path("rollout").path("revisions");
    assertEquals(3, revisions.get(0).path("revision").asInt(), revisions.toString());
    assertTrue(revisions.get(0).path("current").asBoolean());
    assertEquals("registry.example.com/shop/orders:3.2.0", revisions.get(0).path("images").get(0).asString());
    assertEquals(0, revisions.get(0).path("ready").asInt());
    assertEquals("registry.example.com/shop/orders:3.1.4", revisions.get(1).path("images").get(0).asString());
    assertEquals(2, revisions.get(1).path("ready").asInt());
    assertTrue(orders.path("logs").toString().contains("must be owner of table orders"), orders.toString());

    JsonNode asAgent = JsonMapper.shared().readTree(kubectl.ok("--context", "demo-agent", "get", "--raw",
        EVIDENCE.formatted("deployment.orders")));
    assertEquals("requires get on pods/log in namespace shop", asAgent.path("logs").path("withheld").asString());
    assertEquals(2, asAgent.path("rollout").path("revisions").size());
    assertFalse(asAgent.toString().contains("must be owner"), "no log line for a caller without pods/log");
  }

  @Test
  void anMcpAgentExplainsTheFailingRolloutThroughTheFrontDoor() throws Exception {
    try (McpSyncClient admin = mcpAgent(demo.users().adminToken())) {
      admin.initialize();
      McpSchema.CallToolResult explained = admin.callTool(new McpSchema.CallToolRequest("explain",
          Map.of("namespace", "shop", "name", "deployment.orders")));
      assertFalse(explained.isError(), text(explained));
      String text = ((McpSchema.TextContent) explained.content().get(0)).text();
      assertTrue(text.contains("Rollout, newest first: revision 3 ("), text);
      assertTrue(text.indexOf("<cluster-data>") < text.indexOf("must be owner of table orders"), text);
      assertTrue(text.endsWith("</cluster-data>"), text);
    }
    try (McpSyncClient agent = mcpAgent(demo.users().agentToken())) {
      agent.initialize();
      McpSchema.CallToolResult explained = agent.callTool(new McpSchema.CallToolRequest("explain",
          Map.of("namespace", "shop", "name", "deployment.checkout")));
      assertFalse(explained.isError(), text(explained));
      assertTrue(text(explained).contains("Logs withheld: requires get on pods/log in namespace shop."), text(explained));
    }
  }

  /** The closing note's numbers: the evidence against what an agent read before for the same answer. */
  @Test
  void theEvidenceCostsLessThanRawLogsAndReplicaSets() throws Exception {
    com.knuddels.jtokkit.api.Encoding o200k = com.knuddels.jtokkit.Encodings.newDefaultEncodingRegistry()
        .getEncoding(com.knuddels.jtokkit.api.EncodingType.O200K_BASE);
    StringBuilder report = new StringBuilder("workload                 evidence bytes/tokens   raw bytes/tokens\n");
    for (String app : List.of("checkout", "orders")) {
      String evidence = kubectl.ok("get", "--raw", EVIDENCE.formatted("deployment." + app));
      // The raw way: the ReplicaSets and pods of the app, the namespace's events, and both logs of each failing pod.
      StringBuilder raw = new StringBuilder(kubectl.ok("get", "rs,pods", "-n", "shop", "-l", "app=" + app, "-o", "json"));
      raw.append(kubectl.ok("get", "events", "-n", "shop", "-o", "json"));
      for (String pod : kubectl.ok("get", "pods", "-n", "shop", "-l", "app=" + app, "-o", "name").lines().toList()) {
        for (String previous : List.of("--previous=false", "--previous=true")) {
          Kubectl.Result log = kubectl.run("logs", "-n", "shop", pod, previous);
          raw.append(log.exitCode() == 0 ? log.out() : "");
        }
      }
      report.append(String.format("deployment.%-13s %8d / %-8d %8d / %d%n", app,
          evidence.getBytes(java.nio.charset.StandardCharsets.UTF_8).length, o200k.countTokens(evidence),
          raw.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length, o200k.countTokens(raw.toString())));
      assertTrue(o200k.countTokens(evidence) < o200k.countTokens(raw.toString()), report.toString());
      assertTrue(evidence.length() <= 16 * 1024, evidence);
      if (app.equals("checkout")) {
        assertTrue(raw.toString().contains(DemoLogs.CHECKOUT_DB_PASSWORD) && !evidence.contains(DemoLogs.CHECKOUT_DB_PASSWORD),
            "raw logs hand the model the password; the evidence does not");
      }
    }
    Files.writeString(Path.of("target", "evidence-measurement.txt"), report.toString());
    System.out.println(report);
  }
}
