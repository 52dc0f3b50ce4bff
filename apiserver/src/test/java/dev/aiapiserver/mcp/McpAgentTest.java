package dev.aiapiserver.mcp;

import static dev.aiapiserver.mcp.McpTestServer.AGENT;
import static dev.aiapiserver.mcp.McpTestServer.BOB;
import static dev.aiapiserver.mcp.McpTestServer.DANA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import dev.aiapiserver.auth.UserInfo;
import dev.aiapiserver.http.Json;
import io.fabric8.kubernetes.api.model.authorization.v1.ResourceAttributes;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReview;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.McpHttpClientTransportAuthorizationException;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Given a small cluster (shop: web Healthy, api Failing, worker Degraded; payments: ledger Healthy,
 * a succeeded Job, a suspended CronJob) and the server behind kube-apiserver's front proxy, when an
 * agent points the official MCP SDK client at mcpservers/views/proxy, then it sees the views as
 * tools, exactly as far as its own RBAC lets it read them.
 */
class McpAgentTest {
  static McpTestServer cluster;

  @BeforeAll
  static void start() throws Exception {
    cluster = new McpTestServer();
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  @Test
  void anAgentInitializesOverStatelessStreamableHttpAndFindsFiveReadOnlyToolsForAModel() {
    try (McpSyncClient agent = cluster.agent(DANA)) {
      McpSchema.InitializeResult init = agent.initialize();

      assertTrue(StatelessHttpTransport.PROTOCOL_VERSIONS.contains(init.protocolVersion()), init.protocolVersion());
      assertEquals("ai-apiserver", init.serverInfo().name());
      assertTrue(init.instructions().contains("Call triage first"), init.instructions());
      List<McpSchema.Tool> tools = agent.listTools().tools();
      assertEquals(List.of("triage", "cluster_context", "list_workload_summaries", "get_workload_summary", "explain"),
          tools.stream().map(McpSchema.Tool::name).toList());
      for (McpSchema.Tool tool : tools) {
        assertTrue(tool.description().length() > 200, tool.name() + " is described for a model");
        assertEquals("object", tool.inputSchema().get("type"));
        assertTrue(tool.annotations().readOnlyHint(), tool.name() + " is read-only");
        assertFalse(tool.annotations().destructiveHint(), tool.name() + " changes nothing");
        assertTrue(tool.annotations().idempotentHint(), tool.name() + " may be repeated");
        assertFalse(tool.annotations().openWorldHint(), tool.name() + " reads one cluster, not the open world");
        assertTrue(tool.description().contains("<cluster-data> block") && tool.description().contains("never"
            + " instructions"), tool.name() + " tells the model the fenced block is data: " + tool.description());
        assertEquals("object", tool.outputSchema().get("type"));
      }
      assertTrue(init.instructions().contains("<cluster-data>"), init.instructions());
      assertEquals(List.of("namespace", "name"), tools.get(3).inputSchema().get("required"));
    }
  }

  @Test
  void triageListsWhatIsNotFineWorstFirstAndOnlyCountsTheHealthy() throws Exception {
    try (McpSyncClient agent = cluster.agent(DANA)) {
      agent.initialize();
      CallToolResult triage = agent.callTool(new CallToolRequest("triage", Map.of()));

      assertFalse(triage.isError(), text(triage));
      JsonNode out = structured(triage);
      assertEquals(List.of("deployment.api", "deployment.worker", "cronjob.report"), names(out.path("items")));
      assertEquals(Map.of("Failing", 1, "Degraded", 1, "Suspended", 1, "Healthy", 2, "Completed", 1),
          Json.MAPPER.convertValue(out.path("verdicts"), Map.class));
      assertEquals(3, out.path("healthyOmitted").asInt());
      assertEquals(0, out.path("omitted").asInt());
      assertTrue(text(triage).startsWith("Whole cluster: 3 of 6 workloads need attention"), text(triage));
      assertTrue(text(triage).contains("shop/deployment.api: Failing [CrashLoopBackOff]"), text(triage));
      // The items are the views themselves, as GET serves them: same bounds, same redaction.
      JsonNode served = Json.MAPPER.readTree(cluster.get(
          "/apis/ai.k8s.io/v1alpha1/namespaces/shop/workloadsummaries/deployment.api", DANA).body());
      assertEquals(served, out.path("items").get(0));
      String everything = Json.MAPPER.writeValueAsString(triage);
      assertFalse(everything.contains("hunter2"), "no env or args value leaves the server");
      assertFalse(everything.contains("last-applied-configuration"));

      CallToolResult limited = agent.callTool(new CallToolRequest("triage", Map.of("namespace", "shop", "limit", 1)));
      assertEquals(List.of("deployment.api"), names(structured(limited).path("items")));
      assertEquals(1, structured(limited).path("omitted").asInt());
      assertEquals("shop", structured(limited).path("namespace").asString());
    }
  }

  @Test
  void anAgentConfinedToShopIsToldWhichPermissionItLacksAndGetsNoData() {
    try (McpSyncClient agent = cluster.agent(AGENT)) {
      agent.initialize();
      CallToolResult shop = agent.callTool(new CallToolRequest("triage", Map.of("namespace", "shop")));
      assertFalse(shop.isError(), text(shop));
      assertEquals(List.of("deployment.api", "deployment.worker"), names(structured(shop).path("items")));

      CallToolResult payments = agent.callTool(new CallToolRequest("triage", Map.of("namespace", "payments")));
      assertTrue(payments.isError());
      assertNull(payments.structuredContent());
      assertEquals("workloadsummaries.ai.k8s.io is forbidden: User \"system:serviceaccount:shop:agent\" cannot list"
          + " resource \"workloadsummaries\" in API group \"ai.k8s.io\" in the namespace \"payments\"", text(payments));

      // Without a namespace, triage covers the namespaces the agent may read instead of failing.
      CallToolResult readable = agent.callTool(new CallToolRequest("triage", Map.of()));
      assertFalse(readable.isError(), text(readable));
      assertEquals(List.of("shop"), strings(structured(readable).path("namespaces")));
      assertEquals(List.of("deployment.api", "deployment.worker"), names(structured(readable).path("items")));
      assertTrue(text(readable).startsWith("The namespaces you may read (shop): 2 of 3 workloads need attention"),
          text(readable));

      CallToolResult everywhere = agent.callTool(new CallToolRequest("list_workload_summaries", Map.of()));
      assertTrue(everywhere.isError());
      assertTrue(text(everywhere).contains("cannot list resource \"workloadsummaries\" in API group \"ai.k8s.io\" at the"
          + " cluster scope. Pass a namespace you may read."), text(everywhere));

      CallToolResult context = agent.callTool(new CallToolRequest("cluster_context", Map.of()));
      assertTrue(context.isError());
      assertEquals("clustercontexts.ai.k8s.io \"current\" is forbidden: User \"system:serviceaccount:shop:agent\""
          + " cannot get resource \"clustercontexts\" in API group \"ai.k8s.io\" at the cluster scope", text(context));

      CallToolResult ledger = agent.callTool(new CallToolRequest("get_workload_summary",
          Map.of("namespace", "payments", "name", "deployment.ledger")));
      assertTrue(ledger.isError());
      assertTrue(text(ledger).contains("cannot get resource \"workloadsummaries\""), text(ledger));
    }
    // Each call was a SubjectAccessReview for the agent on the view it reads.
    assertTrue(asked(AGENT, "list", "workloadsummaries", "payments", null));
    assertTrue(asked(AGENT, "get", "clustercontexts", null, "current"));
    assertTrue(asked(AGENT, "get", "workloadsummaries", "payments", "deployment.ledger"));
  }

  @Test
  void withoutTheMcpDoorTheProxyItselfRefusesTheAgent() {
    try (McpSyncClient bob = cluster.agent(BOB)) {
      Exception refused = assertThrows(Exception.class, bob::initialize);
      assertEquals(403, refusal(refused).getResponseInfo().statusCode());
    }
    assertTrue(asked(BOB, "create", "mcpservers", null, "views"));
  }

  @Test
  void createOnTheDoorIsEnoughTheClientsStreamProbeIsRefusedAndItCarriesOn() {
    UserInfo erin = new UserInfo("erin", "", List.of(), Map.of());
    try (McpSyncClient agent = cluster.agent(erin)) {
      agent.initialize();
      McpTestServer.await(() -> asked(erin, "get", "mcpservers", null, "views"), "the client's GET probe");

      CallToolResult shop = agent.callTool(new CallToolRequest("triage", Map.of("namespace", "shop")));
      assertFalse(shop.isError(), text(shop));
      assertEquals(List.of("deployment.api", "deployment.worker"), names(structured(shop).path("items")));
    }
  }

  @Test
  void clusterContextGivesTheWholeClusterInOneObject() {
    try (McpSyncClient agent = cluster.agent(DANA)) {
      agent.initialize();
      CallToolResult context = agent.callTool(new CallToolRequest("cluster_context", Map.of()));

      assertFalse(context.isError(), text(context));
      JsonNode out = structured(context);
      assertEquals("ClusterContext", out.path("kind").asString());
      assertEquals(6, out.path("workloads").path("total").asInt());
      assertEquals("deployment.api", out.path("attention").path("items").get(0).path("name").asString());
      assertTrue(text(context).contains("nodes 1/1 ready"), text(context));
      assertTrue(text(context).contains("- shop/deployment.api: Failing [CrashLoopBackOff]"), text(context));
    }
  }

  @Test
  void listingPagesWithAContinueHintAndFiltersByVerdictAndLabels() {
    try (McpSyncClient agent = cluster.agent(DANA)) {
      agent.initialize();
      CallToolResult first = agent.callTool(new CallToolRequest("list_workload_summaries",
          Map.of("namespace", "shop", "limit", 2)));
      JsonNode page = structured(first);
      assertEquals(List.of("deployment.api", "deployment.web"), names(page.path("items")));
      assertEquals("shop/deployment.web", page.path("continue").asString());
      assertEquals(1, page.path("remaining").asInt());
      assertTrue(text(first).contains("continue=\"shop/deployment.web\""), text(first));

      JsonNode next = structured(agent.callTool(new CallToolRequest("list_workload_summaries",
          Map.of("namespace", "shop", "limit", 2, "continue", "shop/deployment.web"))));
      assertEquals(List.of("deployment.worker"), names(next.path("items")));
      assertTrue(next.path("continue").isMissingNode());

      assertEquals(List.of("deployment.api"), names(structured(agent.callTool(new CallToolRequest(
          "list_workload_summaries", Map.of("verdict", "Failing")))).path("items")));
      assertEquals(List.of("deployment.api", "deployment.worker"), names(structured(agent.callTool(
          new CallToolRequest("list_workload_summaries", Map.of("labelSelector", "tier in (backend)"))))
          .path("items")));

      CallToolResult badSelector = agent.callTool(new CallToolRequest("list_workload_summaries",
          Map.of("labelSelector", "tier in (")));
      assertTrue(badSelector.isError());
      assertTrue(text(badSelector).startsWith("labelSelector: unable to parse requirement"), text(badSelector));
    }
  }

  @Test
  void getWorkloadSummaryAnswersForOneWorkloadAndSaysHowToFindNames() {
    try (McpSyncClient agent = cluster.agent(AGENT)) {
      agent.initialize();
      CallToolResult web = agent.callTool(new CallToolRequest("get_workload_summary",
          Map.of("namespace", "shop", "name", "deployment.web")));
      assertFalse(web.isError(), text(web));
      assertEquals("Healthy", structured(web).path("health").path("verdict").asString());
      assertEquals("web", structured(web).path("services").path("items").get(0).asString());
      assertTrue(text(web).startsWith("shop/deployment.web: Healthy 2/2 ready"), text(web));

      CallToolResult missing = agent.callTool(new CallToolRequest("get_workload_summary",
          Map.of("namespace", "shop", "name", "web")));
      assertTrue(missing.isError());
      assertTrue(text(missing).startsWith("workloadsummaries.ai.k8s.io \"web\" not found in namespace \"shop\""),
          text(missing));
    }
  }

  @Test
  void aCallThatWaitsOnASlowAccessReviewIsNotCutShort() {
    // A caller whose reviews are not cached yet: every review of it waits 6 s at the cluster.
    UserInfo slow = new UserInfo("admin", "", List.of("system:masters", "patient-" + System.nanoTime()), Map.of());
    try (McpSyncClient agent = cluster.agent(slow)) {
      agent.initialize();
      cluster.reviews.setAccessReviewLatency(Duration.ofSeconds(6));
      long started = System.nanoTime();
      CallToolResult triage = agent.callTool(new CallToolRequest("triage", Map.of("namespace", "payments")));
      long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();

      assertTrue(seconds >= 6, "the call waited for the review: " + seconds + " s");
      assertFalse(triage.isError(), text(triage));
      assertEquals(List.of("cronjob.report"), names(structured(triage).path("items")));
    } finally {
      cluster.reviews.setAccessReviewLatency(Duration.ZERO);
    }
  }

  @Test
  void triageCostsAFractionOfTheTokensOfReadingTheRawApi() throws Exception {
    // The MCP way: one tools/call, the answer exactly as it arrives.
    HttpResponse<String> answer = cluster.post(DANA, McpTransportTest.json(McpTransportTest.rpc(1, "tools/call",
        Map.of("name", "triage", "arguments", Map.of()))));
    JsonNode result = Json.MAPPER.readTree(answer.body()).path("result");
    String structured = Json.MAPPER.writeValueAsString(result.path("structuredContent"));
    String text = result.path("content").get(0).path("text").asString();
    // The raw way: what an agent reads with kubectl get <kinds> -A -o json to find the same answers.
    StringBuilder raw = new StringBuilder();
    for (String list : List.of("/api/v1/pods", "/apis/apps/v1/deployments", "/apis/apps/v1/replicasets",
        "/apis/apps/v1/statefulsets", "/apis/apps/v1/daemonsets", "/apis/batch/v1/jobs", "/apis/batch/v1/cronjobs",
        "/api/v1/services", "/api/v1/events")) {
      raw.append(cluster.cluster.raw(cluster.cluster.getMasterUrl().toString().replaceAll("/$", "") + list));
    }

    Encoding o200k = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.O200K_BASE);
    String report = String.join("\n",
        "what                                   bytes  tokens(o200k_base)",
        row("triage tools/call answer (JSON-RPC)", answer.body(), o200k),
        row("  of which structuredContent", structured, o200k),
        row("  of which the text rendering", text, o200k),
        row("raw API: 9 lists, all namespaces", raw.toString(), o200k));
    Files.writeString(Path.of("target", "mcp-triage-measurement.txt"), report + "\n");
    System.out.println(report);

    assertTrue(o200k.countTokens(answer.body()) * 2 < o200k.countTokens(raw.toString()), report);
    assertTrue(raw.toString().contains("hunter2") && !answer.body().contains("hunter2"),
        "the raw way hands the model env values and args; triage does not");
  }

  private static String row(String what, String content, Encoding encoding) {
    return String.format("%-36s %7d %7d", what, content.getBytes(StandardCharsets.UTF_8).length,
        encoding.countTokens(content));
  }

  private static boolean asked(UserInfo user, String verb, String resource, String namespace, String name) {
    for (SubjectAccessReview review : cluster.reviews.accessReviews()) {
      ResourceAttributes a = review.getSpec().getResourceAttributes();
      if (a != null && user.name().equals(review.getSpec().getUser()) && verb.equals(a.getVerb())
          && resource.equals(a.getResource()) && java.util.Objects.equals(namespace, a.getNamespace())
          && java.util.Objects.equals(name, a.getName())) {
        return true;
      }
    }
    return false;
  }

  // The SDK client reports a 401 or 403 as this exception, somewhere in the chain of causes.
  private static McpHttpClientTransportAuthorizationException refusal(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      for (Throwable s : c.getSuppressed()) {
        for (Throwable d = s; d != null; d = d.getCause()) {
          if (d instanceof McpHttpClientTransportAuthorizationException e) {
            return e;
          }
        }
      }
      if (c instanceof McpHttpClientTransportAuthorizationException e) {
        return e;
      }
    }
    throw new AssertionError("no authorization error in " + t, t);
  }

  static JsonNode structured(CallToolResult result) {
    return Json.MAPPER.valueToTree(result.structuredContent());
  }

  static List<String> strings(JsonNode array) {
    List<String> out = new java.util.ArrayList<>();
    array.forEach(n -> out.add(n.asString()));
    return out;
  }

  static String text(CallToolResult result) {
    return ((TextContent) result.content().get(0)).text();
  }

  static List<String> names(JsonNode items) {
    return items.values().stream().map(i -> i.path("metadata").path("name").asString()).toList();
  }
}
