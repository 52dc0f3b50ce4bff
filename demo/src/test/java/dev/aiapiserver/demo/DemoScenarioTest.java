package dev.aiapiserver.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.authentication.TokenReview;
import io.fabric8.kubernetes.api.model.authentication.TokenReviewBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Given the embedded demo cluster, seeded, when someone reads it with a plain Kubernetes client,
 * then it looks like a real cluster a controller manager left behind: owners and owner
 * references, statuses as kubelet and scheduler write them, events about the right objects, and
 * the demo's users and policy.
 */
class DemoScenarioTest {
  static DemoUsers users = DemoUsers.generate();
  static DemoCluster cluster;
  static KubernetesClient client;

  @BeforeAll
  static void seed() {
    cluster = DemoCluster.start(users);
    client = cluster.client();
    DemoScenario.seed(client, Clock.systemUTC());
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  @Test
  void itAnswersVersionAndDiscoveryAsAV132ApiServer() {
    assertEquals("v1.32.3", client.getKubernetesVersion().getGitVersion());
    assertEquals("linux/amd64", client.getKubernetesVersion().getPlatform());
    List<String> groups = client.getApiGroups().getGroups().stream()
        .map(g -> g.getName()).toList();
    assertTrue(groups.containsAll(List.of("apps", "batch", "rbac.authorization.k8s.io")), groups.toString());
    assertTrue(client.getApiResources("v1").getResources().stream()
        .anyMatch(r -> r.getName().equals("pods") && r.getShortNames().contains("po")));
  }

  @Test
  void threeNodesWithRolesOneWithAGpuAndOneNotReady() {
    List<Node> nodes = client.nodes().list().getItems();
    assertEquals(3, nodes.size());
    Map<String, String> ready = nodes.stream().collect(Collectors.toMap(n -> n.getMetadata().getName(),
        n -> n.getStatus().getConditions().stream().filter(c -> c.getType().equals("Ready"))
            .findFirst().orElseThrow().getStatus()));
    assertEquals(Map.of("demo-control-plane", "True", "demo-worker", "True", "demo-worker2", "Unknown"), ready);
    assertTrue(nodes.stream().anyMatch(n -> n.getStatus().getCapacity().containsKey("nvidia.com/gpu")));
    assertTrue(nodes.stream().allMatch(n -> n.getMetadata().getLabels().keySet().stream()
        .anyMatch(l -> l.startsWith("node-role.kubernetes.io/"))));
  }

  @Test
  void podsBelongToTheirReplicaSetsWhichBelongToTheirDeployments() {
    for (Pod pod : client.pods().inAnyNamespace().list().getItems()) {
      if (pod.getMetadata().getName().equals("debug-shell")) {
        assertTrue(pod.getMetadata().getOwnerReferences().isEmpty());
        continue;
      }
      OwnerReference owner = controller(pod);
      HasMetadata parent = client.genericKubernetesResources(
              owner.getKind().equals("Job") ? "batch/v1" : "apps/v1", owner.getKind())
          .inNamespace(pod.getMetadata().getNamespace()).withName(owner.getName()).get();
      assertNotNull(parent, "owner of " + pod.getMetadata().getName());
      assertEquals(parent.getMetadata().getUid(), owner.getUid());
      if (owner.getKind().equals("ReplicaSet")) {
        ReplicaSet rs = client.apps().replicaSets().inNamespace(pod.getMetadata().getNamespace())
            .withName(owner.getName()).get();
        String hash = rs.getMetadata().getLabels().get("pod-template-hash");
        assertEquals(hash, pod.getMetadata().getLabels().get("pod-template-hash"));
        assertTrue(rs.getMetadata().getName().endsWith("-" + hash));
        Deployment deployment = client.apps().deployments().inNamespace(rs.getMetadata().getNamespace())
            .withName(controller(rs).getName()).get();
        assertEquals(deployment.getMetadata().getUid(), controller(rs).getUid());
      }
    }
  }

  @Test
  void checkoutCrashLoopsAfterBeingOomKilled() {
    List<Pod> pods = client.pods().inNamespace("shop").withLabel("app", "checkout").list().getItems();
    assertEquals(2, pods.size());
    for (Pod pod : pods) {
      ContainerStatus status = pod.getStatus().getContainerStatuses().get(0);
      assertEquals("CrashLoopBackOff", status.getState().getWaiting().getReason());
      assertEquals("OOMKilled", status.getLastState().getTerminated().getReason());
      assertEquals(137, status.getLastState().getTerminated().getExitCode());
      assertTrue(status.getRestartCount() > 10);
      assertTrue(warningsAbout(pod).contains("BackOff"));
    }
  }

  @Test
  void theBrokenWorkloadsLookAsKubernetesReportsThem() {
    Pod pulling = client.pods().inNamespace("shop").withLabel("app", "recommendations").list().getItems().get(0);
    assertEquals("ImagePullBackOff",
        pulling.getStatus().getContainerStatuses().get(0).getState().getWaiting().getReason());
    assertTrue(warningsAbout(pulling).containsAll(List.of("Failed", "BackOff")));

    Pod pending = client.pods().inNamespace("payments").withLabel("app", "fraud-scorer").list().getItems().get(0);
    PodCondition scheduled = pending.getStatus().getConditions().get(0);
    assertEquals(List.of("PodScheduled", "False", "Unschedulable", "0/3 nodes are available: 3 Insufficient cpu."),
        List.of(scheduled.getType(), scheduled.getStatus(), scheduled.getReason(), scheduled.getMessage()));
    assertTrue(warningsAbout(pending).contains("FailedScheduling"));

    Deployment cart = client.apps().deployments().inNamespace("shop").withName("cart").get();
    assertTrue(cart.getStatus().getUpdatedReplicas() < cart.getStatus().getReplicas());
    DeploymentCondition progressing = cart.getStatus().getConditions().stream()
        .filter(c -> c.getType().equals("Progressing")).findFirst().orElseThrow();
    assertEquals("ReplicaSetUpdated", progressing.getReason());
    assertEquals(2, client.apps().replicaSets().inNamespace("shop").withLabel("app", "cart").list().getItems().size());

    Job report = client.batch().v1().jobs().inNamespace("batch").withName("nightly-report").get();
    assertTrue(report.getStatus().getConditions().stream()
        .anyMatch(c -> c.getType().equals("Failed") && c.getReason().equals("BackoffLimitExceeded")));
    assertTrue(client.batch().v1().cronjobs().inNamespace("batch").withName("cleanup-tmp").get().getSpec().getSuspend());
    assertNotNull(client.apps().statefulSets().inNamespace("payments").withName("ledger-db").get());
    assertEquals(1, client.apps().daemonSets().inNamespace("kube-system").withName("kube-proxy").get()
        .getStatus().getNumberUnavailable());
  }

  @Test
  void theSecretsArePlantedWhereClustersKeepThem() {
    assertNotNull(client.secrets().inNamespace("shop").withName("shop-db").get());
    String web = Serialization.asJson(client.apps().deployments().inNamespace("shop").withName("web").get());
    for (String canary : List.of(SecretCanaries.SESSION_SECRET, SecretCanaries.API_TOKEN_FLAG,
        SecretCanaries.DATABASE_PASSWORD)) {
      assertTrue(web.contains(canary), canary);
    }
    assertTrue(web.contains("secretKeyRef"));
    assertTrue(web.contains("kubectl.kubernetes.io/last-applied-configuration"));
  }

  @Test
  void theClusterKnowsTheDemoUsersAndTheirPolicy() {
    TokenReview admin = client.authentication().v1().tokenReviews().create(new TokenReviewBuilder()
        .withNewSpec().withToken(users.adminToken()).endSpec().build());
    assertEquals("admin", admin.getStatus().getUser().getUsername());
    TokenReview stranger = client.authentication().v1().tokenReviews().create(new TokenReviewBuilder()
        .withNewSpec().withToken("not-a-demo-token").endSpec().build());
    assertFalse(stranger.getStatus().getAuthenticated());

    assertTrue(allowed("agent", "list", "ai.k8s.io", "workloadsummaries", "shop", null));
    assertFalse(allowed("agent", "list", "ai.k8s.io", "workloadsummaries", "payments", null));
    assertFalse(allowed("agent", "list", "ai.k8s.io", "workloadsummaries", null, null));
    assertTrue(allowed("agent", "create", "ai.k8s.io", "mcpservers", null, "views"));
    assertTrue(allowed("admin", "list", "ai.k8s.io", "workloadsummaries", null, null));
    assertTrue(allowed("admin", "watch", "", "pods", null, null));
    assertTrue(allowed("admin", "delete", "", "pods", "shop", null), "admin writes too");
    assertFalse(allowed("agent", "delete", "", "pods", "shop", null));
    assertFalse(allowed("agent", "create", "apps", "deployments", "shop", null));
    assertEquals(List.of("agent-workload-reader"), client.rbac().roleBindings().inAnyNamespace().list()
        .getItems().stream().map(b -> b.getMetadata().getName()).toList());
  }

  private static boolean allowed(String user, String verb, String group, String resource,
      String namespace, String mcpServer) {
    SubjectAccessReview review = client.authorization().v1().subjectAccessReview().create(
        new SubjectAccessReviewBuilder().withNewSpec().withUser(user)
            .withGroups(users.tokens().values().stream().filter(u -> u.name().equals(user))
                .findFirst().orElseThrow().groups())
            .withNewResourceAttributes().withVerb(verb)
            .withGroup(group).withResource(resource).withNamespace(namespace)
            .withSubresource(mcpServer == null ? null : "proxy").withName(mcpServer)
            .endResourceAttributes().endSpec().build());
    return review.getStatus().getAllowed();
  }

  private static OwnerReference controller(HasMetadata object) {
    return object.getMetadata().getOwnerReferences().stream()
        .filter(o -> Boolean.TRUE.equals(o.getController())).findFirst().orElseThrow();
  }

  private static List<String> warningsAbout(Pod pod) {
    return client.v1().events().inNamespace(pod.getMetadata().getNamespace()).list().getItems().stream()
        .filter(e -> "Warning".equals(e.getType())
            && pod.getMetadata().getUid().equals(e.getInvolvedObject().getUid()))
        .map(Event::getReason).toList();
  }
}
