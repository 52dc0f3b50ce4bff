package dev.aiapiserver.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiapiserver.api.ClusterContext;
import dev.aiapiserver.api.ClusterContext.AttentionItem;
import dev.aiapiserver.api.ClusterContext.NodePressure;
import dev.aiapiserver.api.ClusterContext.ReasonCount;
import dev.aiapiserver.api.ObjectMeta;
import dev.aiapiserver.api.WorkloadSummary;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The ClusterContext: the first thing an agent reads, everything about the cluster at a glance. */
class ClusterContextsTest {
  private static final List<String> WORKLOADS = List.of("deployment/all-crashlooping.yaml",
      "deployment/crashloop-oomkilled.yaml", "deployment/healthy.yaml", "deployment/rollout-in-progress.yaml",
      "statefulset/failedcreate-event.yaml", "job/backofflimitexceeded.yaml", "pod/phase-unknown.yaml",
      "cronjob/suspended.yaml");

  @Test
  void givenASmallClusterWhenAnAgentReadsTheContextThenItSeesNodesNamespacesWorkloadsAndWarnings() {
    Fixture cluster = Fixtures.load("cluster/small-cluster.yaml");
    List<WorkloadSummary> summaries = WORKLOADS.stream()
        .map(f -> WorkloadSummaries.derive(Fixtures.load(f).inputs())).toList();
    Map<String, List<String>> resources = new LinkedHashMap<>();
    resources.put("cert-manager.io/v1", List.of("certificates", "issuers"));
    resources.put("ai.k8s.io/v1alpha1", List.of("workloadsummaries", "clustercontexts"));
    resources.put("apps/v1", List.of("deployments", "deployments/scale", "statefulsets"));
    resources.put("v1", List.of("pods", "pods/log", "services", "nodes"));
    resources.put("batch/v1", List.of("jobs", "cronjobs"));

    ClusterContext c = ClusterContexts.derive(new ClusterInputs("v1.32.1", "linux/amd64",
        of(cluster, Node.class), of(cluster, Namespace.class), of(cluster, Pod.class), of(cluster, Event.class),
        summaries, resources, Map.of("pods", true, "nodes", false, "events", true),
        Instant.parse("2024-05-01T11:59:58.123Z"), null, Instant.parse(cluster.now())));

    assertEquals("ai.k8s.io/v1alpha1", c.apiVersion());
    assertEquals("ClusterContext", c.kind());
    assertEquals(new ObjectMeta("current", null,
        UUID.nameUUIDFromBytes("ai.k8s.io/v1alpha1/ClusterContext/kube-system-uid".getBytes(StandardCharsets.UTF_8))
            .toString(), null, "2023-01-01T00:00:00Z", null), c.metadata(), "as old as the cluster");
    assertEquals("v1.32.1", c.kubernetes().version());
    assertEquals("linux/amd64", c.kubernetes().platform());

    var nodes = c.nodes();
    assertEquals(4, nodes.total());
    assertEquals(2, nodes.ready());
    assertEquals(List.of("edge-1", "worker-1"), nodes.notReady().items());
    assertEquals(1, nodes.unschedulable());
    assertEquals(Map.of("control-plane", 1, "gpu", 1, "worker", 2, "none", 1), nodes.roles());
    assertEquals(List.of("cpu", "memory", "pods", "ephemeral-storage", "nvidia.com/gpu"),
        List.copyOf(nodes.capacity().keySet()));
    assertEquals("46", nodes.capacity().get("cpu"));
    assertEquals("307.6Gi", nodes.capacity().get("memory"));
    assertEquals("440", nodes.capacity().get("pods"));
    assertEquals("102Gi", nodes.capacity().get("ephemeral-storage"));
    assertEquals("8", nodes.capacity().get("nvidia.com/gpu"));
    assertEquals("45300m", nodes.allocatable().get("cpu"));
    assertEquals("8", nodes.allocatable().get("nvidia.com/gpu"));
    assertEquals(List.of(new NodePressure("edge-1", List.of("PIDPressure")),
        new NodePressure("gpu-1", List.of("DiskPressure"))), nodes.pressure().items());

    assertEquals(4, c.namespaces().total());
    assertEquals(1, c.namespaces().terminating());

    assertEquals(8, c.workloads().total());
    assertEquals(List.of("Failing", "Degraded", "Unknown", "Progressing", "Suspended", "Healthy"),
        List.copyOf(c.workloads().verdicts().keySet()), "verdicts worst first");
    assertEquals(Map.of("Failing", 2, "Degraded", 2, "Unknown", 1, "Progressing", 1, "Suspended", 1, "Healthy", 1),
        c.workloads().verdicts());
    assertEquals(List.of("Deployment", "StatefulSet", "CronJob", "Job", "Pod"),
        List.copyOf(c.workloads().kinds().keySet()));
    assertEquals(4, c.workloads().kinds().get("Deployment"));

    List<String> attention = c.attention().items().stream().map(i -> i.namespace() + "/" + i.name()).toList();
    assertEquals(List.of("etl/job.import-abc", "shop/deployment.api", "data/statefulset.db", "shop/deployment.web",
        "default/pod.lost"), attention, "Failing, then Degraded, then Unknown; worst reason first within each");
    AttentionItem first = c.attention().items().get(0);
    assertEquals("Failing", first.verdict());
    assertEquals("OOMKilled", first.reason(), "the cause, before the Job controller's conclusion");
    assertTrue(first.message().startsWith("failed: 0/1 succeeded"), first.message());
    assertEquals(0, c.attention().omitted());

    assertEquals(5, c.pods().total());
    assertEquals(List.of("Pending", "Running", "Failed"), List.copyOf(c.pods().phases().keySet()));
    assertEquals(3, c.pods().phases().get("Running"));

    assertEquals(19, c.events().warningsLastHour(), "the Unhealthy warning from 10:30 is older than an hour");
    assertEquals(List.of(new ReasonCount("BackOff", 15), new ReasonCount("FailedScheduling", 3),
        new ReasonCount("FailedMount", 1)), c.events().topReasons());

    assertEquals(List.of("v1", "apps/v1", "batch/v1", "ai.k8s.io/v1alpha1", "cert-manager.io/v1"),
        List.copyOf(c.resources().groups().keySet()), "built-in groups first");
    assertEquals(List.of("deployments", "statefulsets"), c.resources().groups().get("apps/v1"), "no subresources");
    assertEquals(0, c.resources().omitted());

    assertEquals("2024-05-01T11:59:58Z", c.freshness().lastChange());
    assertFalse(c.freshness().synced());
    assertEquals(List.of("nodes"), c.freshness().notSynced());
  }

  @Test
  void givenTwelveFailingWorkloadsWhenTheContextIsDerivedThenTenAreListedAndTwoCounted() {
    WorkloadSummary failing = WorkloadSummaries.derive(Fixtures.load("deployment/all-crashlooping.yaml").inputs());
    List<WorkloadSummary> summaries = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      ObjectMeta m = failing.metadata();
      summaries.add(failing.withMetadata(new ObjectMeta(String.format("deployment.api-%02d", i), m.namespace(),
          m.uid(), null, m.creationTimestamp(), m.labels())));
    }

    ClusterContext c = ClusterContexts.derive(new ClusterInputs(null, null, List.of(), List.of(), List.of(),
        List.of(), summaries, Map.of(), Map.of(), null, null, Instant.parse("2024-05-01T12:00:00Z")));

    assertEquals(10, c.attention().items().size());
    assertEquals(2, c.attention().omitted());
    assertEquals("deployment.api-00", c.attention().items().get(0).name());
    assertTrue(c.freshness().synced());
    assertNull(c.freshness().notSynced());
    assertNull(c.nodes().notReady(), "no node is not ready");
  }

  @ParameterizedTest(name = "given {0} summing to {1}, the context shows {2}")
  @CsvSource(delimiter = '|', textBlock = """
      cpu               | 0.1        | 100m
      cpu               | 12         | 12
      cpu               | 0.0005     | 1m
      memory            | 1073741824 | 1Gi
      memory            | 1500000000 | 1.4Gi
      memory            | 1048576    | 1Mi
      memory            | 1000       | 1000
      ephemeral-storage | 1099511627776 | 1Ti
      hugepages-2Mi     | 4194304    | 4Mi
      nvidia.com/gpu    | 8          | 8
      pods              | 330        | 330
      """)
  void givenASumOfQuantitiesWhenRenderedThenItReadsLikeKubernetes(String resource, String amount, String shown) {
    ResourceSums sums = new ResourceSums();
    sums.add(Map.of(resource, new Quantity(amount)));
    assertEquals(shown, sums.rendered().get(resource));
  }

  private static <T extends HasMetadata> List<T> of(Fixture cluster, Class<T> type) {
    return cluster.objects().stream().filter(type::isInstance).map(type::cast).toList();
  }
}
