package dev.aiapiserver;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiapiserver.auth.AuthenticationFlags;
import dev.aiapiserver.auth.UserInfo;
import dev.aiapiserver.certs.CertificateAuthority;
import dev.aiapiserver.certs.IssuedCertificate;
import dev.aiapiserver.certs.ServingNames;
import dev.aiapiserver.config.Command;
import dev.aiapiserver.config.CommandLine;
import dev.aiapiserver.e2e.Kubectl;
import dev.aiapiserver.e2e.TlsClients;
import dev.aiapiserver.http.Json;
import dev.aiapiserver.sources.SourceOptions;
import dev.aiapiserver.testing.Await;
import dev.aiapiserver.testing.FaultyReviews;
import dev.aiapiserver.testing.MockServers;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.EventSeries;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.MicroTime;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Given a cluster whose components quote secrets in their messages — the kubelet repeating a
 * command line in a waiting message and an event, a CSI driver's events.k8s.io/v1 note with a JWT
 * and a database URL, an admission webhook's refusal in a ReplicaSet condition and a FailedCreate
 * event — when a reader with every grant and a reader bound to one namespace ask every endpoint
 * the server serves (each resource and subresource it lists in discovery, as JSON, YAML, Table and
 * watch, through the real kubectl and directly) and call every MCP tool, then no answer holds any
 * of the secrets, and the messages that carried them are still there with the secret marked.
 */
class RedactionE2ETest {
  private static final String CANARY = "CANARY";
  private static final String GROUP_VERSION = "/apis/ai.k8s.io/v1alpha1";
  private static final UserInfo DANA = new UserInfo("dana", "", List.of(), Map.of());
  private static final UserInfo AGENT = new UserInfo("system:serviceaccount:shop:agent", "",
      List.of("system:serviceaccounts", "system:serviceaccounts:shop"), Map.of());
  private static final Map<String, UserInfo> TOKENS = Map.of("dana-token", DANA, "agent-token", AGENT);

  static KubernetesMockServer mock;
  static KubernetesClient cluster;
  static AiApiServer server;
  static CertificateAuthority ca;
  static HttpClient http;
  static Path dir;

  @BeforeAll
  static void start() throws Exception {
    mock = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
        new FaultyReviews(new KubernetesCrudDispatcher(), TOKENS), false);
    mock.init(InetAddress.getLoopbackAddress(), 0);
    cluster = mock.createClient();
    for (String file : List.of("/rbac/cluster.yaml", "/mcp/rbac.yaml", "/redact/cluster-with-secrets-in-messages.yaml")) {
      seed(load(file));
    }
    Command.Serve serve = (Command.Serve) CommandLine.parse("serve", "--secure-port=0", "--bind-address=127.0.0.1",
        "--authentication-skip-lookup", "--view-coalesce-interval=5ms", "--cluster-context-min-interval=10ms");
    ca = CertificateAuthority.generate("redaction-e2e-ca");
    IssuedCertificate cert = ca.issueServing(ServingNames.forService("ai-apiserver", "ai-system"), Duration.ofDays(1));
    server = AiApiServer.start(serve.options(), new AiApiServer.Wiring(cluster, cluster,
        SourceOptions.forMockServer(), AuthenticationFlags.none(),
        ServingCertificate.of(cert.certificatePem(), cert.privateKeyPem())));
    http = HttpClient.newBuilder().sslContext(TlsClients.trusting(ca.certificatePem())).build();
    dir = Files.createTempDirectory("redaction-e2e");
    Await.until("every planted message in the views", Duration.ofSeconds(60), () -> {
      String all = get(GROUP_VERSION + "/workloadsummaries", "dana-token").body();
      return all.contains("pod.sync") && all.contains("MountVolume.SetUp failed") && all.contains("admission webhook")
          && all.contains("executable file not found");
    }, () -> get(GROUP_VERSION + "/workloadsummaries", "dana-token").body());
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    cluster.close();
    MockServers.destroy(mock);
  }

  @Test
  void noPlantedSecretLeavesThroughAnyEndpointOrToolForAnyReader() throws Exception {
    Map<String, String> answers = new LinkedHashMap<>();
    for (String token : List.of("dana-token", "agent-token")) {
      answers.putAll(rawAnswers(token));
      answers.putAll(kubectlAnswers(token));
      answers.putAll(mcpAnswers(token));
    }

    for (Map.Entry<String, String> answer : answers.entrySet()) {
      assertFalse(answer.getValue().contains(CANARY), () -> answer.getKey() + " leaked a secret:\n" + answer.getValue());
    }
    // The answers were read, and the messages that carried the secrets are in them, marked.
    String everything = String.join("\n", answers.values());
    assertTrue(answers.size() >= 40, "answers read: " + answers.keySet());
    for (String carried : List.of("--db-password=[redacted]", "VAULT_TOKEN=[redacted]",
        "postgres://vault:[redacted]@vault-db", "executable file not found", "admission webhook")) {
      assertTrue(everything.contains(carried), carried);
    }
    assertTrue(answers.entrySet().stream().filter(a -> a.getKey().startsWith("mcp"))
        .anyMatch(a -> a.getValue().contains("--db-password=[redacted]")), "the MCP tools showed the carrier");
    assertTrue(answers.entrySet().stream().filter(a -> a.getKey().contains("agent-token"))
        .anyMatch(a -> a.getValue().contains("--db-password=[redacted]")), "the restricted reader saw the carrier");
    assertTrue(answers.entrySet().stream().filter(a -> a.getKey().contains("clustercontexts"))
        .anyMatch(a -> a.getValue().contains("VAULT_TOKEN=[redacted]")), "the attention list showed the carrier");
  }

  /** Every resource and subresource of discovery, as JSON, Table, metadata and watch, straight over HTTP. */
  private static Map<String, String> rawAnswers(String token) throws Exception {
    Map<String, String> answers = new LinkedHashMap<>();
    JsonNode resources = Json.MAPPER.readTree(get(GROUP_VERSION, token).body()).path("resources");
    List<String> names = new ArrayList<>();
    for (JsonNode r : resources) {
      names.add(r.path("name").asString());
    }
    for (JsonNode r : resources) {
      String name = r.path("name").asString();
      if (name.contains("/") || !verbs(r).contains("list")) {
        continue;
      }
      String base = GROUP_VERSION + (r.path("namespaced").asBoolean() ? "/namespaces/shop/" : "/") + name;
      answers.put(token + " GET " + base, get(base, token).body());
      answers.put(token + " GET " + base + " as Table", get(base, token,
          "application/json;as=Table;v=v1;g=meta.k8s.io").body());
      answers.put(token + " GET " + base + " as v1beta1 Table", get(base, token,
          "application/json;as=Table;v=v1beta1;g=meta.k8s.io").body());
      answers.put(token + " GET " + base + " as metadata", get(base, token,
          "application/json;as=PartialObjectMetadataList;v=v1;g=meta.k8s.io").body());
      answers.put(token + " GET " + base + " as YAML", get(base, token, "application/yaml").body());
      answers.put(token + " WATCH " + base, get(base + "?watch=true&timeoutSeconds=1", token).body());
      answers.put(token + " WATCH " + base + " as Table", get(base + "?watch=true&timeoutSeconds=1", token,
          "application/json;as=Table;v=v1;g=meta.k8s.io").body());
      for (JsonNode item : Json.MAPPER.readTree(answers.get(token + " GET " + base)).path("items")) {
        String object = base + "/" + item.path("metadata").path("name").asString();
        answers.put(token + " GET " + object, get(object, token).body());
        for (String sub : names) {
          if (sub.startsWith(name + "/") && !sub.endsWith("/proxy")) {
            String path = object + sub.substring(name.length());
            answers.put(token + " GET " + path, get(path, token).body());
          }
        }
      }
    }
    return answers;
  }

  /** What a person sees with the real kubectl: tables, wide, YAML, JSON, a single object, a watch. */
  private static Map<String, String> kubectlAnswers(String token) throws Exception {
    Map<String, String> answers = new LinkedHashMap<>();
    String user = token.replace("-token", "");
    for (String version : List.of("1.33", "1.27")) {
      Kubectl k = new Kubectl(version, Kubectl.kubeconfig(dir, url(), ca.certificatePem(), user, token));
      String prefix = "kubectl " + version + " " + token + " ";
      for (List<String> args : List.of(
          List.of("get", "wls", "-n", "shop"), List.of("get", "wls", "-n", "shop", "-o", "wide"),
          List.of("get", "wls", "-n", "shop", "-o", "yaml"), List.of("get", "wls", "-n", "shop", "-o", "json"),
          List.of("get", "wls", "deployment.api", "-n", "shop", "-o", "wide"),
          List.of("get", "wls", "deployment.billing", "-n", "shop", "-o", "yaml"),
          List.of("describe", "wls", "-n", "shop"),
          List.of("get", "cctx", "-o", "wide"), List.of("get", "cctx", "current", "-o", "yaml"),
          List.of("get", "ai", "-A", "-o", "wide"),
          List.of("get", "wls", "-n", "shop", "-o", "wide", "--watch", "--request-timeout=2s"))) {
        answers.put(prefix + String.join(" ", args), k.run(args.toArray(String[]::new)).out());
      }
    }
    return answers;
  }

  /** Every tool the MCP door lists, called with every namespace and summary it accepts. */
  private static Map<String, String> mcpAnswers(String token) throws Exception {
    Map<String, String> answers = new LinkedHashMap<>();
    List<String> shop = new ArrayList<>();
    for (JsonNode item : Json.MAPPER.readTree(get(GROUP_VERSION + "/namespaces/shop/workloadsummaries", token).body())
        .path("items")) {
      shop.add(item.path("metadata").path("name").asString());
    }
    try (McpSyncClient agent = mcpClient(token)) {
      agent.initialize();
      for (McpSchema.Tool tool : agent.listTools().tools()) {
        Object required = tool.inputSchema().get("required");
        List<Map<String, Object>> calls = new ArrayList<>();
        if (required != null && required.toString().contains("name")) {
          shop.forEach(name -> calls.add(Map.of("namespace", "shop", "name", name)));
        } else {
          calls.add(Map.of());
          calls.add(Map.of("namespace", "shop"));
        }
        for (Map<String, Object> arguments : calls) {
          McpSchema.CallToolResult result = agent.callTool(new McpSchema.CallToolRequest(tool.name(), arguments));
          answers.put("mcp " + token + " " + tool.name() + " " + arguments, text(result));
        }
      }
    }
    return answers;
  }

  private static McpSyncClient mcpClient(String token) throws Exception {
    HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(url())
        .endpoint(GROUP_VERSION + "/mcpservers/views/proxy")
        .clientBuilder(HttpClient.newBuilder().sslContext(TlsClients.trusting(ca.certificatePem())))
        .httpRequestCustomizer((request, method, uri, body, context) ->
            request.header("Authorization", "Bearer " + token))
        .build();
    return McpClient.sync(transport).requestTimeout(Duration.ofSeconds(60))
        .clientInfo(new McpSchema.Implementation("redaction-e2e", "1.0")).build();
  }

  private static String text(McpSchema.CallToolResult result) {
    return result.content().stream().filter(c -> c instanceof McpSchema.TextContent)
        .map(c -> ((McpSchema.TextContent) c).text()).reduce("", String::concat)
        + String.valueOf(result.structuredContent());
  }

  private static List<String> verbs(JsonNode resource) {
    List<String> verbs = new ArrayList<>();
    resource.path("verbs").forEach(v -> verbs.add(v.asString()));
    return verbs;
  }

  private static String url() {
    return "https://127.0.0.1:" + server.port();
  }

  private static HttpResponse<String> get(String path, String token) throws Exception {
    return get(path, token, "application/json");
  }

  private static HttpResponse<String> get(String path, String token, String accept) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(20))
        .header("Authorization", "Bearer " + token).header("Accept", accept).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static List<HasMetadata> load(String resource) throws Exception {
    try (InputStream in = RedactionE2ETest.class.getResourceAsStream(resource)) {
      return Serialization.unmarshal(in);
    }
  }

  /**
   * Creates the objects in order (owners first), pointing owner references at the uids the mock
   * gave their owners and "RECENT" times at a minute ago. An events.k8s.io/v1 Event is created as
   * kube-apiserver shows it through core/v1, where the server reads events (one object behind both
   * APIs): note becomes message, regarding becomes involvedObject, no count. The mock would store
   * the events.k8s.io form under the same name without converting it, hiding the core form.
   */
  private static void seed(List<HasMetadata> objects) {
    Map<String, String> uids = new HashMap<>();
    String recent = Instant.now().minusSeconds(60).toString();
    for (HasMetadata o : objects) {
      if (o.getMetadata().getOwnerReferences() != null) {
        for (OwnerReference owner : o.getMetadata().getOwnerReferences()) {
          owner.setUid(uids.getOrDefault(o.getMetadata().getNamespace() + "/" + owner.getKind() + "/"
              + owner.getName(), owner.getUid()));
        }
      }
      if (o instanceof Event e && "RECENT".equals(e.getLastTimestamp())) {
        e.setLastTimestamp(recent);
      }
      if (o instanceof io.fabric8.kubernetes.api.model.events.v1.Event e) {
        e.setEventTime(new MicroTime(recent));
        e.getSeries().setLastObservedTime(new MicroTime(recent));
        o = asCoreV1(e);
      }
      HasMetadata created = cluster.resource(o).create();
      uids.put(o.getMetadata().getNamespace() + "/" + o.getKind() + "/" + o.getMetadata().getName(),
          created.getMetadata().getUid());
    }
  }

  private static Event asCoreV1(io.fabric8.kubernetes.api.model.events.v1.Event e) {
    return new EventBuilder().withNewMetadata().withName(e.getMetadata().getName())
        .withNamespace(e.getMetadata().getNamespace()).endMetadata()
        .withInvolvedObject(e.getRegarding()).withType(e.getType()).withReason(e.getReason())
        .withMessage(e.getNote()).withAction(e.getAction()).withReportingComponent(e.getReportingController())
        .withReportingInstance(e.getReportingInstance()).withEventTime(e.getEventTime())
        .withSeries(new EventSeries(e.getSeries().getCount(), e.getSeries().getLastObservedTime()))
        .build();
  }
}
