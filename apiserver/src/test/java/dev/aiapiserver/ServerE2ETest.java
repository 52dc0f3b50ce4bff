package dev.aiapiserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiapiserver.auth.AuthenticationFlags;
import dev.aiapiserver.auth.UserInfo;
import dev.aiapiserver.certs.CertificateAuthority;
import dev.aiapiserver.certs.IssuedCertificate;
import dev.aiapiserver.certs.ServingNames;
import dev.aiapiserver.config.Command;
import dev.aiapiserver.config.CommandLine;
import dev.aiapiserver.testing.FaultyReviews;
import dev.aiapiserver.e2e.Kubectl;
import dev.aiapiserver.e2e.TlsClients;
import dev.aiapiserver.testing.Await;
import dev.aiapiserver.testing.MockServers;
import dev.aiapiserver.http.Json;
import dev.aiapiserver.sources.SourceOptions;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Given a cluster (the CRUD mock, answering TokenReview and SubjectAccessReview from its RBAC
 * objects) and the whole server in front of it, when users and agents read the views, then they see
 * the live state, only as far as RBAC allows.
 */
class ServerE2ETest {
  static KubernetesMockServer mock;
  static KubernetesClient cluster;
  static AiApiServer server;
  static CertificateAuthority ca;
  static HttpClient http;
  static Path dir;

  @BeforeAll
  static void start() throws Exception {
    FaultyReviews reviews = new FaultyReviews(new KubernetesCrudDispatcher(), Map.of(
        "dana-token", new UserInfo("dana", "", List.of(), Map.of()),
        "bob-token", new UserInfo("bob", "", List.of(), Map.of()),
        "alice-token", new UserInfo("alice", "", List.of(), Map.of())));
    mock = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), reviews, false);
    mock.init(InetAddress.getLoopbackAddress(), 0);
    cluster = mock.createClient();
    try (InputStream rbac = ServerE2ETest.class.getResourceAsStream("/rbac/cluster.yaml")) {
      for (HasMetadata o : Serialization.<List<HasMetadata>>unmarshal(rbac)) {
        cluster.resource(o).create();
      }
    }
    cluster.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("shop").endMetadata().build())
        .create();
    seedWeb(2);

    Command.Serve serve = (Command.Serve) CommandLine.parse("serve", "--secure-port=0", "--bind-address=127.0.0.1",
        "--authentication-skip-lookup", "--view-coalesce-interval=5ms");
    ca = CertificateAuthority.generate("e2e-ca");
    IssuedCertificate cert = ca.issueServing(ServingNames.forService("ai-apiserver", "ai-system"), Duration.ofDays(1));
    server = AiApiServer.start(serve.options(), new AiApiServer.Wiring(cluster, cluster,
        SourceOptions.forMockServer(), AuthenticationFlags.none(),
        ServingCertificate.of(cert.certificatePem(), cert.privateKeyPem())));
    http = HttpClient.newBuilder().sslContext(TlsClients.trusting(ca.certificatePem())).build();
    awaitTrue(() -> get("/readyz", null).statusCode() == 200, "server ready");
    dir = Files.createTempDirectory("e2e");
  }

  @AfterAll
  static void stop() {
    server.close();
    cluster.close();
    MockServers.destroy(mock);
  }

  static void seedWeb(int replicas) {
    Map<String, String> labels = Map.of("app", "web");
    Deployment d = cluster.apps().deployments().inNamespace("shop").resource(new DeploymentBuilder()
        .withNewMetadata().withName("web").withNamespace("shop").withLabels(labels).endMetadata()
        .withNewSpec().withReplicas(replicas).withNewSelector().withMatchLabels(labels).endSelector()
        .withNewTemplate().withNewMetadata().withLabels(labels).endMetadata().withNewSpec()
        .addNewContainer().withName("app").withImage("shop/web:1.4").endContainer().endSpec().endTemplate()
        .endSpec()
        .withNewStatus().withReplicas(replicas).withReadyReplicas(replicas).withAvailableReplicas(replicas)
        .withUpdatedReplicas(replicas).withObservedGeneration(1L).endStatus().build()).create();
    ReplicaSet rs = cluster.apps().replicaSets().inNamespace("shop").resource(new ReplicaSetBuilder()
        .withNewMetadata().withName("web-7d9").withNamespace("shop").withLabels(labels)
        .addNewOwnerReference().withApiVersion("apps/v1").withKind("Deployment").withName("web")
        .withUid(d.getMetadata().getUid()).withController(true).endOwnerReference().endMetadata()
        .withNewSpec().withReplicas(replicas).withNewSelector().withMatchLabels(labels).endSelector().endSpec()
        .withNewStatus().withReplicas(replicas).withReadyReplicas(replicas).withAvailableReplicas(replicas)
        .endStatus().build()).create();
    for (int i = 0; i < replicas; i++) {
      cluster.pods().inNamespace("shop").resource(new PodBuilder()
          .withNewMetadata().withName("web-7d9-" + i).withNamespace("shop").withLabels(labels)
          .addNewOwnerReference().withApiVersion("apps/v1").withKind("ReplicaSet").withName("web-7d9")
          .withUid(rs.getMetadata().getUid()).withController(true).endOwnerReference().endMetadata()
          .withNewSpec().withNodeName("node-a").addNewContainer().withName("app").withImage("shop/web:1.4")
          .endContainer().endSpec()
          .withNewStatus().withPhase("Running")
          .addNewCondition().withType("Ready").withStatus("True").endCondition()
          .addNewContainerStatus().withName("app").withReady(true).withRestartCount(0).withNewState()
          .withNewRunning().withStartedAt(Instant.now().toString()).endRunning().endState().endContainerStatus()
          .endStatus().build()).create();
    }
  }

  static String url() {
    return "https://127.0.0.1:" + server.port();
  }

  static HttpResponse<String> get(String path, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(10));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static void awaitTrue(Await.Check check, String what) throws Exception {
    Await.until(what, java.time.Duration.ofSeconds(30), check);
  }

  @Test
  void aUserWithReadEverywhereSeesTheLiveWorkloadThroughKubectl() throws Exception {
    Kubectl k = new Kubectl("1.33", Kubectl.kubeconfig(dir, url(), ca.certificatePem(), "dana", "dana-token"));
    awaitTrue(() -> k.ok("get", "wls", "-A").contains("deployment.web"), "deployment.web listed");
    String row = k.ok("get", "wls", "-n", "shop").lines().filter(l -> l.startsWith("deployment.web")).findFirst()
        .orElseThrow();
    assertTrue(row.matches("deployment.web\\s+Deployment\\s+2/2\\s+Healthy\\s+0\\s+.*"), row);
    assertTrue(k.ok("get", "cctx").contains("current"));
  }

  @Test
  void rbacDecidesWhoSeesWhatWithKubeApiserversWording() throws Exception {
    Kubectl bob = new Kubectl("1.27", Kubectl.kubeconfig(dir, url(), ca.certificatePem(), "bob", "bob-token"));
    assertTrue(bob.ok("get", "wls", "-n", "shop").contains("NAME"));
    Kubectl.Result all = bob.run("get", "wls", "-A");
    assertNotEquals(0, all.exitCode());
    assertTrue(all.stderr().contains("workloadsummaries.ai.k8s.io is forbidden: User \"bob\" cannot list resource"
        + " \"workloadsummaries\" in API group \"ai.k8s.io\" at the cluster scope"), all.stderr());
    Kubectl alice = new Kubectl("1.33", Kubectl.kubeconfig(dir, url(), ca.certificatePem(), "alice", "alice-token"));
    Kubectl.Result denied = alice.run("get", "wls", "-n", "shop");
    assertTrue(denied.stderr().contains("User \"alice\" cannot list resource \"workloadsummaries\" in API group"
        + " \"ai.k8s.io\" in the namespace \"shop\""), denied.stderr());
    Kubectl stranger = new Kubectl("1.33", Kubectl.kubeconfig(dir, url(), ca.certificatePem(), "eve", "stolen"));
    Kubectl.Result unknown = stranger.run("get", "wls", "-n", "shop");
    assertTrue(unknown.stderr().contains("You must be logged in to the server"), unknown.stderr());
  }

  @Test
  void aPodStatusChangeReachesAWatcherAndADeletionEndsIt() throws Exception {
    awaitTrue(() -> get("/apis/ai.k8s.io/v1alpha1/namespaces/shop/workloadsummaries/deployment.web", "dana-token")
        .statusCode() == 200, "summary exists");
    String rv = Json.MAPPER.readTree(get("/apis/ai.k8s.io/v1alpha1/namespaces/shop/workloadsummaries", "dana-token")
        .body()).path("metadata").path("resourceVersion").asString();
    BlockingQueue<JsonNode> events = watch("/apis/ai.k8s.io/v1alpha1/namespaces/shop/workloadsummaries?watch=true"
        + "&resourceVersion=" + rv, "dana-token");

    Pod pod = cluster.pods().inNamespace("shop").withName("web-7d9-1").get();
    pod.getStatus().getConditions().get(0).setStatus("False");
    pod.getStatus().getContainerStatuses().get(0).setReady(false);
    pod.getStatus().getContainerStatuses().get(0).setRestartCount(7);
    pod.getStatus().getContainerStatuses().get(0).getState().setRunning(null);
    pod.getStatus().getContainerStatuses().get(0).getState().setWaiting(
        new io.fabric8.kubernetes.api.model.ContainerStateWaitingBuilder().withReason("CrashLoopBackOff")
            .withMessage("back-off 5m0s restarting failed container").build());
    cluster.pods().inNamespace("shop").resource(pod).updateStatus();

    JsonNode changed = awaitEvent(events, e -> e.path("type").asString().equals("MODIFIED")
        && !e.path("object").path("health").path("verdict").asString().equals("Healthy"));
    assertEquals("CrashLoopBackOff", changed.path("object").path("health").path("reasons").get(0).asString());
    assertTrue(changed.path("object").path("health").path("message").asString().contains("web-7d9-1"));

    cluster.apps().deployments().inNamespace("shop").withName("web").delete();
    JsonNode deleted = awaitEvent(events, e -> e.path("type").asString().equals("DELETED"));
    assertEquals("deployment.web", deleted.path("object").path("metadata").path("name").asString());
    seedWebAgain();
  }

  static void seedWebAgain() {
    cluster.apps().replicaSets().inNamespace("shop").withName("web-7d9").delete();
    cluster.pods().inNamespace("shop").withName("web-7d9-0").delete();
    cluster.pods().inNamespace("shop").withName("web-7d9-1").delete();
    seedWeb(2);
  }

  static BlockingQueue<JsonNode> watch(String path, String token) throws Exception {
    return TlsClients.watch(http, HttpRequest.newBuilder(URI.create(url() + path))
        .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10)).build());
  }

  static JsonNode awaitEvent(BlockingQueue<JsonNode> events, Predicate<JsonNode> wanted) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      JsonNode e = events.poll(100, TimeUnit.MILLISECONDS);
      if (e != null && wanted.test(e)) {
        return e;
      }
    }
    throw new AssertionError("no matching watch event");
  }

  @Test
  void everyRegisteredRouteIsAuthorizedOrAlwaysAllowed() throws Exception {
    // Like kube-apiserver: only these exact paths skip authorization; /livez/<check> is reviewed.
    List<String> alwaysAllowed = List.of("/healthz", "/livez", "/readyz");
    for (String route : server.routePaths()) {
      if (route.equals("<any>")) {
        continue;
      }
      // Wildcard routes are reported as their prefix: probe a path below it.
      String path = route.replace(":check", "ping") + (route.endsWith("/") ? "workloadsummaries" : "");
      int anonymous = get(path, null).statusCode();
      int unauthenticatedToken = get(path, "stolen").statusCode();
      if (alwaysAllowed.contains(path)) {
        assertTrue(anonymous < 400, path + " is always allowed but answered " + anonymous);
      } else {
        assertEquals(403, anonymous, path + " must be refused to anonymous");
      }
      assertEquals(401, unauthenticatedToken, path + " must refuse a bad token");
    }
    assertTrue(server.routePaths().contains("/apis/ai.k8s.io/v1alpha1/"), server.routePaths().toString());
  }
}
