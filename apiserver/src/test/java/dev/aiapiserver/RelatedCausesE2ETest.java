package dev.aiapiserver;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiapiserver.e2e.Kubectl;
import dev.aiapiserver.request.Json;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.MicroTimeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Given a namespace whose trouble lies in claims, autoscalers, budgets, Services, Ingresses and
 * quotas, written into the cluster as the controllers write them, when a user reads the views with
 * the real kubectl, then the summaries name those objects as causes and the NamespaceSummary lists
 * them.
 */
class RelatedCausesE2ETest {
  static Kubectl dana;

  @BeforeAll
  static void writeTheNamespace() throws Exception {
    ServerE2ETest.start(); // the same cluster, RBAC and server as the other end-to-end stories
    try (InputStream in = RelatedCausesE2ETest.class.getResourceAsStream("/e2e/store-causes.yaml")) {
      for (HasMetadata o : Serialization.<List<HasMetadata>>unmarshal(in)) {
        ServerE2ETest.cluster.resource(o).create();
      }
    }
    StatefulSet db = ServerE2ETest.cluster.apps().statefulSets().inNamespace("store").withName("db").get();
    Pod pod = ServerE2ETest.cluster.pods().inNamespace("store").resource(new PodBuilder()
        .withNewMetadata().withName("db-0").withNamespace("store").addToLabels("app", "db")
        .addNewOwnerReference().withApiVersion("apps/v1").withKind("StatefulSet").withName("db")
        .withUid(db.getMetadata().getUid()).withController(true).endOwnerReference().endMetadata()
        .withNewSpec().addNewContainer().withName("postgres").withImage("postgres:16.2").endContainer()
        .addNewVolume().withName("data").withNewPersistentVolumeClaim().withClaimName("data-db-0")
        .endPersistentVolumeClaim().endVolume().endSpec()
        .withNewStatus().withPhase("Pending").addNewCondition().withType("PodScheduled").withStatus("False")
        .withReason("Unschedulable").withMessage("0/3 nodes are available: pod has unbound immediate"
            + " PersistentVolumeClaims. preemption: 0/3 nodes are available: 3 Preemption is not helpful for"
            + " scheduling.").endCondition().endStatus().build()).create();
    String claimUid = ServerE2ETest.cluster.persistentVolumeClaims().inNamespace("store").withName("data-db-0").get()
        .getMetadata().getUid();
    String now = Instant.now().toString();
    // the PV controller's complaint, through core/v1
    ServerE2ETest.cluster.v1().events().inNamespace("store").resource(new EventBuilder()
        .withNewMetadata().withName("data-db-0.17c8a2f1e0b3c4d5").withNamespace("store").endMetadata()
        .withType("Warning").withReason("ProvisioningFailed")
        .withMessage("storageclass.storage.k8s.io \"fast\" not found").withCount(12)
        .withFirstTimestamp(now).withLastTimestamp(now).withNewSource().withComponent("persistentvolume-controller")
        .endSource().withNewInvolvedObject().withApiVersion("v1").withKind("PersistentVolumeClaim")
        .withName("data-db-0").withNamespace("store").withUid(claimUid).endInvolvedObject().build()).create();
    // the scheduler's, through events.k8s.io/v1 as core/v1 shows it: eventTime and series, no count
    ServerE2ETest.cluster.v1().events().inNamespace("store").resource(new EventBuilder()
        .withNewMetadata().withName("db-0.17c8a2f1e2a1b2c3").withNamespace("store").endMetadata()
        .withType("Warning").withReason("FailedScheduling").withAction("Scheduling")
        .withReportingComponent("default-scheduler").withReportingInstance("default-scheduler-cp-1")
        .withEventTime(new MicroTimeBuilder().withTime(now).build())
        .withNewSeries().withCount(4).withNewLastObservedTime(now).endSeries()
        .withMessage("0/3 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/3"
            + " nodes are available: 3 Preemption is not helpful for scheduling.")
        .withNewInvolvedObject().withApiVersion("v1").withKind("Pod").withName("db-0").withNamespace("store")
        .withUid(pod.getMetadata().getUid()).endInvolvedObject().build()).create();
    dana = new Kubectl("1.33", Kubectl.kubeconfig(ServerE2ETest.dir, ServerE2ETest.url(), ServerE2ETest.ca.certificatePem(), "dana", "dana-token"));
  }

  /** Waits until kubectl prints a line matching the pattern; fails with what it printed last. */
  private static void awaitRow(String pattern, String... args) throws Exception {
    String[] last = {""};
    try {
      ServerE2ETest.awaitTrue(() -> {
        last[0] = dana.ok(args);
        return last[0].lines().anyMatch(l -> l.matches(pattern));
      }, "a line like " + pattern);
    } catch (AssertionError | RuntimeException e) {
      throw new AssertionError("kubectl " + String.join(" ", args) + " printed:\n" + last[0], e);
    }
  }

  @AfterAll
  static void stop() {
    ServerE2ETest.stop();
  }

  @Test
  void theStatefulSetWaitingForItsClaimNamesTheClaimTheClassAndTheProvisionersComplaint() throws Exception {
    awaitRow("statefulset\\.db\\s+StatefulSet\\s+0/1\\s+Failing\\s+PersistentVolumeClaimPending\\s+.*",
        "get", "wls", "-n", "store");
    JsonNode db = Json.MAPPER.readTree(dana.ok("get", "wls", "statefulset.db", "-n", "store", "-o", "json"));
    assertAll(
        () -> assertEquals("[\"PersistentVolumeClaimPending\",\"Unschedulable\"]", db.at("/health/reasons").toString()),
        () -> assertTrue(db.at("/health/message").asString().contains(
            "claim data-db-0 (StorageClass fast) Pending: ProvisioningFailed: storageclass.storage.k8s.io \"fast\""
                + " not found"), db.at("/health/message").asString()),
        () -> assertEquals("data-db-0", db.at("/related/items/0/name").asString()),
        () -> assertEquals("Pending", db.at("/related/items/0/state").asString()),
        () -> assertTrue(db.at("/events/items").toString().contains("FailedScheduling"), db.at("/events").toString()));
  }

  @Test
  void theDeploymentPinnedAtItsMaximumSaysSoAndCarriesItsBudget() throws Exception {
    ServerE2ETest.awaitTrue(() -> dana.ok("get", "wls", "deployment.web", "-n", "store").contains("HPAAtMaxReplicas"),
        "deployment.web with HPAAtMaxReplicas");
    JsonNode web = Json.MAPPER.readTree(dana.ok("get", "wls", "deployment.web", "-n", "store", "-o", "json"));
    assertAll(
        () -> assertEquals("Degraded", web.at("/health/verdict").asString()),
        () -> assertEquals(10, web.at("/autoscaler/maxReplicas").asInt()),
        () -> assertTrue(web.at("/autoscaler/limited").asBoolean()),
        () -> assertEquals("PodDisruptionBudget", web.at("/related/items/0/kind").asString()),
        () -> assertEquals("NoDisruptionsAllowed", web.at("/related/items/0/state").asString()));
  }

  @Test
  void theNamespaceSummaryListsWhatNoWorkloadShowsAndKubectlPrintsItsTable() throws Exception {
    // NAMESPACE NAME WORKLOADS ATTENTION WORST REASON PROBLEMS WARNINGS AGE
    awaitRow("store\\s+store\\s+2\\s+2\\s+statefulset\\.db\\s+PersistentVolumeClaimPending\\s+4\\s+1\\s+.*",
        "get", "nss", "-A");
    JsonNode nss = Json.MAPPER.readTree(dana.ok("get", "namespacesummary", "store", "-n", "store", "-o", "json"));
    assertAll(
        () -> assertEquals("NamespaceSummary", nss.at("/kind").asString()),
        () -> assertEquals("storefront", nss.at("/metadata/labels/team").asString()),
        () -> assertEquals("legacy", nss.at("/services/items/0/name").asString()),
        () -> assertEquals("NoPodsSelected", nss.at("/services/items/0/reason").asString()),
        () -> assertEquals("BackendServiceNotFound", nss.at("/ingresses/items/0/reason").asString()),
        () -> assertEquals("data-db-0", nss.at("/persistentVolumeClaims/items/0/name").asString()),
        () -> assertEquals("requests.cpu", nss.at("/quotas/items/0/resource").asString()),
        () -> assertEquals(100, nss.at("/quotas/items/0/percent").asInt()),
        () -> assertEquals("ProvisioningFailed", nss.at("/events/items/0/reason").asString()));
    assertTrue(dana.ok("get", "nss", "-n", "store", "-l", "team=storefront").contains("store"));
    assertTrue(dana.ok("get", "nss", "-A", "--field-selector", "metadata.name=store").contains("store"));
    // the category lists it (dana may not list mcpservers, so kubectl also reports that denial)
    Kubectl.Result category = dana.run("get", "ai", "-n", "store");
    assertTrue(category.stdout().contains("namespacesummary.ai.k8s.io/store"), category.stdout());
  }

  @Test
  void kubectlExplainDescribesTheNamespaceSummary() throws Exception {
    String out = dana.ok("explain", "nss.services").replaceAll("\\s+", " ");
    assertTrue(out.contains("KIND: NamespaceSummary"), out);
    assertTrue(out.contains("Services that select no pods"), out);
  }

  @Test
  void bobWhoMayReadOnlyShopSummariesMayNotReadTheStoreNamespaceSummary() throws Exception {
    Kubectl bob = new Kubectl("1.27", Kubectl.kubeconfig(ServerE2ETest.dir, ServerE2ETest.url(), ServerE2ETest.ca.certificatePem(), "bob", "bob-token"));
    Kubectl.Result denied = bob.run("get", "nss", "-n", "store");
    assertTrue(denied.stderr().contains("User \"bob\" cannot list resource \"namespacesummaries\" in API group"
        + " \"ai.k8s.io\" in the namespace \"store\""), denied.stderr());
  }
}
