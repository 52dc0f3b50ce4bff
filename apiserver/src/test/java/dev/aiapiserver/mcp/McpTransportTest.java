package dev.aiapiserver.mcp;

import static dev.aiapiserver.mcp.McpTestServer.ADMIN;
import static dev.aiapiserver.mcp.McpTestServer.BOB;
import static dev.aiapiserver.mcp.McpTestServer.DANA;
import static dev.aiapiserver.mcp.McpTestServer.PROXY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiapiserver.auth.UserInfo;
import dev.aiapiserver.e2e.Kubectl;
import dev.aiapiserver.http.Json;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Given the server behind kube-apiserver's front proxy, when clients send the MCP endpoint what a
 * careless, hostile or merely unusual client sends, then every answer is a JSON-RPC error or a
 * Kubernetes Status with the right code — never a 500, never a hang, never a lost body.
 */
class McpTransportTest {
  static final int MAX_BODY = 64 * 1024;
  static final String NOT_JSON = "{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": ";
  static McpTestServer cluster;

  @BeforeAll
  static void start() throws Exception {
    cluster = new McpTestServer("--max-request-body-bytes=" + MAX_BODY);
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  @Test
  void malformedMessagesGetJsonRpcErrorsNeverA500() throws Exception {
    assertRpcError(cluster.post(DANA, NOT_JSON), 400, null, -32700);
    assertRpcError(cluster.post(DANA, ""), 400, null, -32700);
    assertRpcError(cluster.post(DANA, Json.MAPPER.writeValueAsString(List.of(rpc(1, "ping", null)))), 400, null,
        -32600);
    Map<String, Object> oldVersion = rpc(2, "ping", null);
    oldVersion.put("jsonrpc", "1.0");
    assertRpcError(cluster.post(DANA, json(oldVersion)), 400, 2, -32600);
    assertRpcError(cluster.post(DANA, json(rpc(Map.of("an", "object"), "ping", null))), 400, null, -32600);

    assertRpcError(cluster.post(DANA, json(rpc(3, "resources/list", Map.of()))), 200, 3, -32601);
    assertRpcError(cluster.post(DANA, json(rpc(4, "tools/call", Map.of("name", 42)))), 200, 4, -32602);
    assertRpcError(cluster.post(DANA, json(rpc(5, "tools/call", null))), 200, 5, -32602);
    assertRpcError(cluster.post(DANA, json(rpc(6, "initialize", List.of(1)))), 200, 6, -32602);
    assertRpcError(cluster.post(DANA, json(rpc("seven", "tools/call", Map.of("name", "no_such_tool")))), 200,
        "seven", -32602);
  }

  @Test
  void badToolArgumentsAreAToolErrorTheModelCanCorrect() throws Exception {
    HttpResponse<String> r = cluster.post(DANA, json(rpc(1, "tools/call",
        Map.of("name", "list_workload_summaries", "arguments", Map.of("limit", "ten", "verdict", "Sad")))));

    assertEquals(200, r.statusCode());
    JsonNode result = Json.MAPPER.readTree(r.body()).path("result");
    assertTrue(result.path("isError").asBoolean(), r.body());
    assertTrue(result.path("content").get(0).path("text").asString().contains("limit"), r.body());
  }

  @Test
  void aNotificationIsAcceptedWithoutAnAnswer() throws Exception {
    HttpResponse<String> r = cluster.post(DANA, json(rpc(null, "notifications/initialized", null)));

    assertEquals(202, r.statusCode());
    assertEquals("", r.body());
  }

  @Test
  void aClientThatAcceptsOnlyEventStreamsGetsTheAnswerAsOneEvent() throws Exception {
    HttpResponse<String> r = cluster.post(DANA, json(rpc(9, "tools/list", null)), "Accept", "text/event-stream");

    assertEquals(200, r.statusCode());
    assertEquals("text/event-stream", r.headers().firstValue("Content-Type").orElseThrow());
    assertTrue(r.body().startsWith("event: message\ndata: {") && r.body().endsWith("}\n\n"), r.body());
    JsonNode answer = Json.MAPPER.readTree(r.body().substring("event: message\ndata: ".length()));
    assertEquals(9, answer.path("id").asInt());
    assertEquals(5, answer.path("result").path("tools").size());
  }

  @Test
  void whatIsNotAnMcpPostIsRefusedAsKubernetesWouldWordIt() throws Exception {
    HttpResponse<String> get = cluster.send(DANA, "GET", PROXY, "Accept", "text/event-stream");
    assertStatus(get, 405, "MethodNotAllowed");
    assertEquals("POST", get.headers().firstValue("Allow").orElseThrow());
    assertStatus(cluster.send(ADMIN, "DELETE", PROXY, "Mcp-Session-Id", "abc"), 405, "MethodNotAllowed");
    assertStatus(cluster.send(ADMIN, "PUT", PROXY), 405, "MethodNotAllowed");
    assertStatus(cluster.post(DANA, json(rpc(1, "ping", null)), "Content-Type", "text/plain"), 415,
        "UnsupportedMediaType");
    assertStatus(cluster.post(DANA, json(rpc(1, "ping", null)), "Accept", "text/html"), 406, "NotAcceptable");
    assertRpcError(cluster.post(DANA, json(rpc(1, "ping", null)), "MCP-Protocol-Version", "1999-01-01"), 400, null,
        -32600);
    HttpResponse<String> supported = cluster.post(DANA, json(rpc(1, "ping", null)), "MCP-Protocol-Version",
        "2025-06-18");
    assertEquals(200, supported.statusCode(), supported.body());
    assertEquals("application/json", supported.headers().firstValue("Content-Type").orElseThrow());
  }

  @Test
  void aRequestFromAWebPageIsRefusedEvenForAnAllowedUser() throws Exception {
    HttpResponse<String> r = cluster.post(DANA, json(rpc(1, "ping", null)), "Origin", "https://attacker.example");

    assertStatus(r, 403, "Forbidden");
    assertTrue(message(r).contains("Origin"), r.body());
  }

  @Test
  void theProxyIsAuthorizedByNameBeforeAnythingElse() throws Exception {
    HttpResponse<String> bob = cluster.post(BOB, json(rpc(1, "ping", null)));
    assertStatus(bob, 403, "Forbidden");
    assertEquals("mcpservers.ai.k8s.io \"views\" is forbidden: User \"bob\" cannot create resource"
        + " \"mcpservers/proxy\" in API group \"ai.k8s.io\" at the cluster scope", message(bob));

    HttpResponse<String> otherName = cluster.send(DANA, "POST", "/apis/ai.k8s.io/v1alpha1/mcpservers/nope/proxy");
    assertStatus(otherName, 403, "Forbidden");

    HttpResponse<String> unknown = cluster.send(ADMIN, "POST", "/apis/ai.k8s.io/v1alpha1/mcpservers/nope/proxy",
        "Content-Type", "application/json");
    assertStatus(unknown, 404, "NotFound");
    assertEquals("mcpservers.ai.k8s.io \"nope\" not found", message(unknown));
  }

  @Test
  void anOversizedBodyIsRefusedWith413WithOrWithoutALength() throws Exception {
    assertStatus(cluster.post(DANA, padded(1, MAX_BODY + 1)), 413, "RequestEntityTooLarge");

    HttpRequest streamed = request(DANA).POST(HttpRequest.BodyPublishers.ofInputStream(
        () -> new ByteArrayInputStream(padded(2, 2 * MAX_BODY).getBytes(StandardCharsets.UTF_8)))).build();
    HttpResponse<String> r = cluster.http.send(streamed, HttpResponse.BodyHandlers.ofString());
    assertStatus(r, 413, "RequestEntityTooLarge");

    HttpResponse<String> fits = cluster.post(DANA, padded(3, MAX_BODY - 1024));
    assertEquals(200, fits.statusCode(), fits.body());
  }

  @Test
  void bodiesArriveWholeWhileEachCallersReviewIsStillInFlight() throws Exception {
    // Every request comes from a caller not reviewed yet, and reviews take a while: the body
    // arrives while authorization is still pending, in HTTP/2 streams and on HTTP/1.1 connections.
    cluster.reviews.setAccessReviewLatency(Duration.ofMillis(200));
    HttpClient http11 = HttpClient.newBuilder().sslContext(cluster.http.sslContext())
        .version(HttpClient.Version.HTTP_1_1).build();
    try {
      List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
      for (int i = 0; i < 24; i++) {
        UserInfo fresh = new UserInfo("admin", "", List.of("system:masters", "load-" + i + "-" + System.nanoTime()),
            Map.of());
        HttpRequest post = request(fresh).POST(HttpRequest.BodyPublishers.ofString(padded(i, 40 * 1024))).build();
        answers.add((i % 2 == 0 ? cluster.http : http11).sendAsync(post, HttpResponse.BodyHandlers.ofString()));
      }
      for (int i = 0; i < answers.size(); i++) {
        HttpResponse<String> r = answers.get(i).get(30, TimeUnit.SECONDS);
        assertEquals(200, r.statusCode(), r.body());
        JsonNode answer = Json.MAPPER.readTree(r.body());
        assertEquals(i, answer.path("id").asInt());
        assertFalse(answer.path("result").path("isError").asBoolean(), r.body());
      }
    } finally {
      cluster.reviews.setAccessReviewLatency(Duration.ZERO);
    }
  }

  @Test
  void aRefusedPostLeavesTheHttp11ConnectionUsable() throws Exception {
    HttpClient http11 = HttpClient.newBuilder().sslContext(cluster.http.sslContext())
        .version(HttpClient.Version.HTTP_1_1).build();
    HttpResponse<String> refused = http11.send(request(BOB).POST(HttpRequest.BodyPublishers.ofString(
        padded(1, 40 * 1024))).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(403, refused.statusCode());

    HttpResponse<String> next = http11.send(request(DANA).POST(HttpRequest.BodyPublishers.ofString(
        padded(2, 1024))).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, next.statusCode(), next.body());
  }

  @Test
  void theMcpServersResourceIsDiscoverableAndKubectlShowsIt() throws Exception {
    JsonNode discovery = Json.MAPPER.readTree(cluster.get("/apis/ai.k8s.io/v1alpha1", ADMIN).body());
    Map<String, List<String>> verbs = new LinkedHashMap<>();
    for (JsonNode r : discovery.path("resources").values()) {
      verbs.put(r.path("name").asString(), r.path("verbs").values().stream().map(JsonNode::asString).toList());
    }
    assertEquals(List.of("workloadsummaries", "workloadsummaries/evidence", "clustercontexts", "mcpservers",
        "mcpservers/proxy"), List.copyOf(verbs.keySet()));
    assertEquals(List.of("get", "list", "watch"), verbs.get("mcpservers"));
    assertEquals(List.of("create", "get", "delete"), verbs.get("mcpservers/proxy"));

    JsonNode openapi = Json.MAPPER.readTree(cluster.get("/openapi/v2", ADMIN).body());
    assertTrue(openapi.path("definitions").has("ai.k8s.io.v1alpha1.MCPServer"), "MCPServer schema");
    JsonNode proxy = openapi.path("paths").path("/apis/ai.k8s.io/v1alpha1/mcpservers/{name}/proxy");
    assertEquals(List.of("delete", "get", "parameters", "post"),
        proxy.propertyNames().stream().sorted().toList());

    Kubectl kubectl = new Kubectl("1.33", Kubectl.kubeconfig(cluster.dir, cluster.url(),
        cluster.servingCa.certificatePem(), "admin", "admin-token"));
    List<String> table = kubectl.ok("get", "mcp").lines().toList();
    assertTrue(table.get(0).matches("NAME\\s+TOOLS\\s+PROTOCOLS\\s+PATH\\s+AGE"), table.get(0));
    assertTrue(table.get(1).matches("views\\s+5\\s+2025-11-25,2025-06-18,2025-03-26,2024-11-05\\s+"
        + "/apis/ai.k8s.io/v1alpha1/mcpservers/views/proxy\\s+\\d+[sm]"), table.get(1));
    String yaml = kubectl.ok("get", "mcpservers", "views", "-o", "yaml");
    assertTrue(yaml.contains("transport: streamable-http (stateless)"), yaml);
    assertTrue(yaml.contains("name: get_workload_summary"), yaml);
  }

  private static HttpRequest.Builder request(UserInfo user) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(cluster.url() + PROXY)).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
        .header("X-Remote-User", user.name());
    user.groups().forEach(g -> b.header("X-Remote-Group", g));
    return b;
  }

  /** A tools/call of triage in shop, padded in _meta to exactly size bytes. */
  private static String padded(int id, int size) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("name", "triage");
    params.put("arguments", Map.of("namespace", "shop"));
    params.put("_meta", Map.of("pad", ""));
    int unpadded = json(rpc(id, "tools/call", params)).length();
    params.put("_meta", Map.of("pad", "x".repeat(size - unpadded)));
    String message = json(rpc(id, "tools/call", params));
    assertEquals(size, message.getBytes(StandardCharsets.UTF_8).length);
    return message;
  }

  static Map<String, Object> rpc(Object id, String method, Object params) {
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("jsonrpc", "2.0");
    if (id != null) {
      message.put("id", id);
    }
    message.put("method", method);
    if (params != null) {
      message.put("params", params);
    }
    return message;
  }

  static String json(Object value) {
    return Json.MAPPER.writeValueAsString(value);
  }

  private static void assertRpcError(HttpResponse<String> r, int status, Object id, int code) {
    assertEquals(status, r.statusCode(), r.body());
    JsonNode body = Json.MAPPER.readTree(r.body());
    assertEquals("2.0", body.path("jsonrpc").asString(), r.body());
    assertTrue(body.has("id"), "an error answer carries the id, null if unknown: " + r.body());
    if (id == null) {
      assertTrue(body.get("id").isNull(), r.body());
    } else {
      assertEquals(String.valueOf(id), body.get("id").asString(), r.body());
    }
    assertEquals(code, body.path("error").path("code").asInt(), r.body());
  }

  private static void assertStatus(HttpResponse<String> r, int code, String reason) {
    assertEquals(code, r.statusCode(), r.body());
    JsonNode status = Json.MAPPER.readTree(r.body());
    assertEquals("Status", status.path("kind").asString(), r.body());
    assertEquals(reason, status.path("reason").asString(), r.body());
  }

  private static String message(HttpResponse<String> r) {
    return Json.MAPPER.readTree(r.body()).path("message").asString();
  }
}
