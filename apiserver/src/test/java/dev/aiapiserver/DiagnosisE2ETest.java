package dev.aiapiserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiapiserver.auth.AuthenticationFlags;
import dev.aiapiserver.request.UserInfo;
import dev.aiapiserver.certs.CertificateAuthority;
import dev.aiapiserver.certs.IssuedCertificate;
import dev.aiapiserver.certs.ServingNames;
import dev.aiapiserver.config.Command;
import dev.aiapiserver.config.CommandLine;
import dev.aiapiserver.e2e.Kubectl;
import dev.aiapiserver.request.Json;
import dev.aiapiserver.sources.SourceOptions;
import dev.aiapiserver.testing.Await;
import dev.aiapiserver.testing.FaultyReviews;
import dev.aiapiserver.testing.MockServers;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * Given the diagnosis fixtures written into a cluster (the CRUD mock) as the real components would
 * have left them — timestamps moved so that "now" is the fixture's now, in a namespace of their
 * own — when an operator reads the summary through the real kubectl, then the verdict, the reasons
 * in their order and the message are the ones the fixture promises.
 */
class DiagnosisE2ETest {
  private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");
  private static final AtomicInteger NAMESPACES = new AtomicInteger();

  static KubernetesMockServer mock;
  static KubernetesClient cluster;
  static AiApiServer server;
  static Kubectl kubectl;

  @BeforeAll
  static void start() throws Exception {
    FaultyReviews reviews = new FaultyReviews(new KubernetesCrudDispatcher(),
        Map.of("dana-token", new UserInfo("dana", "", List.of(), Map.of())));
    mock = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), reviews, false);
    mock.init(InetAddress.getLoopbackAddress(), 0);
    cluster = mock.createClient();
    try (InputStream rbac = DiagnosisE2ETest.class.getResourceAsStream("/rbac/cluster.yaml")) {
      for (HasMetadata o : Serialization.<List<HasMetadata>>unmarshal(rbac)) {
        cluster.resource(o).create();
      }
    }
    Command.Serve serve = (Command.Serve) CommandLine.parse("serve", "--secure-port=0", "--bind-address=127.0.0.1",
        "--authentication-skip-lookup", "--view-coalesce-interval=5ms");
    CertificateAuthority ca = CertificateAuthority.generate("diagnosis-e2e-ca");
    IssuedCertificate cert = ca.issueServing(ServingNames.forService("ai-apiserver", "ai-system"), Duration.ofDays(1));
    server = AiApiServer.start(serve.options(), new AiApiServer.Wiring(cluster, cluster,
        SourceOptions.forMockServer(), AuthenticationFlags.none(),
        ServingCertificate.of(cert.certificatePem(), cert.privateKeyPem())));
    Path dir = Files.createTempDirectory("diagnosis-e2e");
    kubectl = new Kubectl("1.33", Kubectl.kubeconfig(dir, "https://127.0.0.1:" + server.port(), ca.certificatePem(),
        "dana", "dana-token"));
    Await.until("the server is ready", Duration.ofSeconds(30), () -> kubectl.run("get", "--raw", "/readyz").exitCode() == 0);
  }

  @AfterAll
  static void stop() {
    server.close();
    cluster.close();
    MockServers.destroy(mock);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "deployment/crashloop-oomkilled.yaml",
      "deployment/crashloop-between-restarts.yaml",
      "deployment/liveness-probe-failed.yaml",
      "pod/startup-probe-failed.yaml",
      "deployment/readiness-probe-failed.yaml",
      "deployment/imagepull-unauthorized.yaml",
      "deployment/start-error.yaml",
      "deployment/init-container-crashloop.yaml",
      "deployment/failedmount-during-rollout.yaml",
      "statefulset/failedattachvolume.yaml",
      "deployment/new-revision-failing.yaml",
      "daemonset/new-revision-failing.yaml",
      "deployment/events-from-events-api.yaml"})
  void givenTheFixtureInTheClusterWhenReadThroughKubectlThenTheSummarySaysWhatItPromises(String fixture)
      throws Exception {
    Map<String, Object> doc = load(fixture);
    @SuppressWarnings("unchecked")
    Map<String, Object> expect = (Map<String, Object>) doc.get("expect");
    String namespace = "diag-" + NAMESPACES.incrementAndGet();
    String summary = write(doc, namespace);

    AtomicReference<JsonNode> seen = new AtomicReference<>();
    Await.until(summary + " says " + expect.get("verdict"), Duration.ofSeconds(30), () -> {
      Kubectl.Result r = kubectl.run("get", "wls", summary, "-n", namespace, "-o", "json");
      if (r.exitCode() != 0) {
        return false;
      }
      JsonNode health = Json.MAPPER.readTree(r.stdout()).path("health");
      seen.set(health);
      return expect.get("verdict").equals(health.path("verdict").asString())
          && expect.get("reasons").equals(strings(health.path("reasons")));
    }, () -> "last seen: " + seen.get());
    String message = seen.get().path("message").asString();
    if (expect.get("message") != null) {
      assertEquals(expect.get("message"), message);
    }
    @SuppressWarnings("unchecked")
    List<String> fragments = (List<String>) expect.getOrDefault("messageContains", List.of());
    for (String fragment : fragments) {
      assertTrue(message.contains(fragment), "\"" + fragment + "\" in " + message);
    }
    // a list serves the newest revision every replica has settled (docs/operations.md), which may
    // trail a get by the settle interval: wait for the row to say the same
    @SuppressWarnings("unchecked")
    List<String> reasons = (List<String>) expect.get("reasons");
    Pattern expectedRow = Pattern.compile(Pattern.quote(summary) + "\\s+\\S+\\s+\\S+\\s+" + expect.get("verdict")
        + "\\s+" + (reasons.isEmpty() ? "" : Pattern.quote(reasons.get(0)) + "\\s+") + "\\d+\\s+.*");
    AtomicReference<String> row = new AtomicReference<>();
    Await.until(summary + " listed as " + expect.get("verdict"), Duration.ofSeconds(10), () -> {
      Kubectl.Result r = kubectl.run("get", "wls", "-n", namespace);
      row.set(r.stdout().lines().filter(l -> l.startsWith(summary)).findFirst().orElse(null));
      return r.exitCode() == 0 && row.get() != null && expectedRow.matcher(row.get()).matches();
    }, () -> "last row: " + row.get());
  }

  /** Creates the fixture's objects in the namespace, moved in time; returns the summary's name. */
  @SuppressWarnings("unchecked")
  private static String write(Map<String, Object> doc, String namespace) {
    cluster.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
        .create();
    Duration shift = Duration.between(Instant.parse((String) doc.get("now")), Instant.now().truncatedTo(ChronoUnit.SECONDS));
    Map<String, String> uids = new HashMap<>();
    String summary = null;
    for (Object o : owned((List<Object>) doc.get("objects"))) {
      Map<String, Object> object = (Map<String, Object>) shifted(o, shift);
      Map<String, Object> metadata = (Map<String, Object>) object.get("metadata");
      metadata.put("namespace", namespace);
      String fixtureUid = (String) metadata.remove("uid");
      remapUids(object, uids, namespace);
      HasMetadata created = cluster.resource(Serialization.unmarshal(Json.MAPPER.writeValueAsString(object), HasMetadata.class))
          .create();
      if (fixtureUid != null) {
        uids.put(fixtureUid, created.getMetadata().getUid());
      }
      if (summary == null) {
        summary = created.getKind().toLowerCase() + "." + created.getMetadata().getName();
      }
    }
    return summary;
  }

  /**
   * The fixtures' pods name no owner where derivation does not need one; in a cluster the engine
   * finds a workload's pods by their owner references, so pods without one get the owner their
   * controller would have given them: the workload, or for a Deployment its ReplicaSet (made here
   * from the Deployment when the fixture has none).
   */
  @SuppressWarnings("unchecked")
  private static List<Object> owned(List<Object> objects) {
    List<Object> out = new ArrayList<>(objects);
    Map<String, Object> workload = (Map<String, Object>) out.get(0);
    Map<String, Object> meta = (Map<String, Object>) workload.get("metadata");
    meta.putIfAbsent("uid", "uid-e2e-" + meta.get("name"));
    String kind = (String) workload.get("kind");
    Map<String, Object> owner = workload;
    if ("Deployment".equals(kind)) {
      List<Object> replicaSets = out.stream().filter(o -> "ReplicaSet".equals(((Map<String, Object>) o).get("kind")))
          .toList();
      if (replicaSets.size() == 1) {
        owner = (Map<String, Object>) replicaSets.get(0);
      } else if (replicaSets.isEmpty()) {
        owner = replicaSetOf(workload);
        out.add(1, owner);
      } else {
        owner = null; // several: the fixture names each pod's owner
      }
    }
    if (owner == null || "Pod".equals(kind)) {
      return out;
    }
    Map<String, Object> ownerMeta = (Map<String, Object>) owner.get("metadata");
    for (Object o : out) {
      Map<String, Object> object = (Map<String, Object>) o;
      Map<String, Object> m = (Map<String, Object>) object.get("metadata");
      if ("Pod".equals(object.get("kind")) && !m.containsKey("ownerReferences")) {
        m.put("ownerReferences", List.of(new LinkedHashMap<>(Map.of("apiVersion", "apps/v1", "kind", owner.get("kind"),
            "name", ownerMeta.get("name"), "uid", ownerMeta.get("uid"), "controller", true))));
      }
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> replicaSetOf(Map<String, Object> deployment) {
    Map<String, Object> meta = (Map<String, Object>) deployment.get("metadata");
    Map<String, Object> spec = (Map<String, Object>) deployment.get("spec");
    Map<String, Object> annotations = (Map<String, Object>) meta.getOrDefault("annotations", Map.of());
    Map<String, Object> rsMeta = new LinkedHashMap<>();
    rsMeta.put("name", meta.get("name") + "-e2e");
    rsMeta.put("uid", "uid-e2e-rs-" + meta.get("name"));
    rsMeta.put("annotations", Map.of("deployment.kubernetes.io/revision",
        annotations.getOrDefault("deployment.kubernetes.io/revision", "1")));
    rsMeta.put("ownerReferences", List.of(new LinkedHashMap<>(Map.of("apiVersion", "apps/v1", "kind", "Deployment",
        "name", meta.get("name"), "uid", meta.get("uid"), "controller", true))));
    Map<String, Object> rsSpec = new LinkedHashMap<>();
    rsSpec.put("replicas", spec.getOrDefault("replicas", 1));
    rsSpec.put("template", spec.get("template"));
    Map<String, Object> rs = new LinkedHashMap<>();
    rs.put("apiVersion", "apps/v1");
    rs.put("kind", "ReplicaSet");
    rs.put("metadata", rsMeta);
    rs.put("spec", rsSpec);
    return rs;
  }

  /** Owner references and events point at the uids the cluster gave, not the fixture's. */
  @SuppressWarnings("unchecked")
  private static void remapUids(Map<String, Object> object, Map<String, String> uids, String namespace) {
    Map<String, Object> metadata = (Map<String, Object>) object.get("metadata");
    for (Map<String, Object> owner : (List<Map<String, Object>>) metadata.getOrDefault("ownerReferences", List.of())) {
      owner.computeIfPresent("uid", (k, v) -> uids.getOrDefault(v, (String) v));
    }
    Map<String, Object> about = (Map<String, Object>) object.get("involvedObject");
    if (about != null) {
      about.put("namespace", namespace);
      about.computeIfPresent("uid", (k, v) -> uids.getOrDefault(v, (String) v));
    }
  }

  /** A copy with every timestamp moved by the shift, so that the fixture's "now" is now. */
  @SuppressWarnings("unchecked")
  private static Object shifted(Object node, Duration shift) {
    if (node instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put((String) k, shifted(v, shift)));
      return copy;
    }
    if (node instanceof List<?> list) {
      List<Object> copy = new ArrayList<>();
      list.forEach(v -> copy.add(shifted(v, shift)));
      return copy;
    }
    if (node instanceof String s && TIMESTAMP.matcher(s).matches()) {
      return Instant.parse(s).plus(shift).toString();
    }
    return node;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> load(String fixture) throws Exception {
    try (InputStream in = DiagnosisE2ETest.class.getResourceAsStream("/fixtures/" + fixture)) {
      return Serialization.unmarshal(in, Map.class);
    }
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asString()));
    return out;
  }
}
