package dev.aiapiserver.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiapiserver.api.WorkloadSummary;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The size promise of API.md: a typical summary under 2 KB of JSON, the worst case under 8 KB. */
class SummarySizeTest {
  private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
  private static final String LONG = "x".repeat(2000);

  @Test
  void givenTypicalWorkloadsWhenSerializedThenEachStaysUnderTwoKilobytes() {
    for (String fixture : List.of("deployment/healthy.yaml", "deployment/crashloop-oomkilled.yaml",
        "deployment/progress-deadline-exceeded.yaml", "job/backofflimitexceeded.yaml", "cronjob/last-run-failed.yaml",
        "statefulset/healthy.yaml", "pod/failed.yaml")) {
      int size = Json.size(WorkloadSummaries.derive(Fixtures.load(fixture).inputs()));
      System.out.println("event=typical_summary fixture=" + fixture + " bytes=" + size);
      assertTrue(size < 2048, fixture + " is " + size + " bytes");
    }
  }

  @Test
  void givenFiveHundredCrashLoopingPodsAndAThousandWarningsWhenSummarizedThenTheJsonStaysUnderEightKilobytesWithHonestOmittedCounts() {
    String name = "checkout-service-frontend-with-a-rather-long-name";
    List<Pod> pods = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      pods.add(crashLooping(name + "-7d9f8c6b5-" + String.format("%05d", i), i));
    }
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      // 250 distinct pods x 4 reasons: every event is its own reason+object pair.
      String pod = pods.get(i % 250).getMetadata().getName();
      String reason = List.of("BackOff", "Unhealthy", "FailedMount", "FailedScheduling").get(i / 250);
      events.add(new EventBuilder().withNewMetadata().withName("e" + i).withNamespace("shop").endMetadata()
          .withType("Warning").withReason(reason).withMessage(LONG).withCount(i + 1)
          .withLastTimestamp(NOW.minusSeconds(i).toString())
          .withNewInvolvedObject().withKind("Pod").withName(pod).withNamespace("shop").endInvolvedObject()
          .build());
    }
    List<Service> services = new ArrayList<>();
    for (int i = 0; i < 15; i++) {
      services.add(new ServiceBuilder().withNewMetadata().withName("svc-" + i).withNamespace("shop").endMetadata()
          .withNewSpec().withSelector(Map.of("app", name)).endSpec().build());
    }

    WorkloadSummary summary = WorkloadSummaries.derive(new WorkloadInputs(deployment(name), List.of(), List.of(),
        pods, events, services, Map.of(), null, NOW));

    int size = Json.size(summary);
    System.out.println("event=worst_case_summary bytes=" + size);
    assertTrue(size < 8192, "worst case is " + size + " bytes: " + Json.write(summary));
    assertEquals(500, summary.pods().total());
    assertEquals(5, summary.pods().unhealthy().size());
    assertEquals(495, summary.pods().omitted());
    assertEquals(5, summary.events().items().size());
    assertEquals(995, summary.events().omitted());
    assertEquals("BackOff", summary.events().items().get(0).reason(), "the newest event comes first");
    assertEquals(10, summary.services().items().size());
    assertEquals(5, summary.services().omitted());
    assertEquals(8, summary.containers().items().size());
    assertEquals(4, summary.containers().omitted());
    assertEquals(List.of("OOMKilled", "CrashLoopBackOff"), summary.health().reasons());
    assertTrue(summary.health().message().length() <= FreeText.SENTENCE);
  }

  private static Deployment deployment(String name) {
    DeploymentBuilder d = new DeploymentBuilder().withNewMetadata().withName(name).withNamespace("shop")
        .withUid("uid-big").withGeneration(3L).withCreationTimestamp("2024-04-01T00:00:00Z")
        .withLabels(Map.of("app", name, "team", "checkout", "tier", "frontend", "env", "production",
            "app.kubernetes.io/part-of", "checkout", "app.kubernetes.io/managed-by", "helm"))
        .addToAnnotations("deployment.kubernetes.io/revision", "3")
        .endMetadata();
    var spec = d.withNewSpec().withReplicas(500).withNewTemplate().withNewMetadata().withLabels(Map.of("app", name))
        .endMetadata().withNewSpec();
    for (int c = 0; c < 12; c++) {
      spec.addToContainers(new ContainerBuilder().withName("container-number-" + c)
          .withImage("registry.example.com/checkout/frontend-component-" + c + ":1.2.3-build-45678")
          .withNewResources()
          .withRequests(Map.of("cpu", new Quantity("250m"), "memory", new Quantity("512Mi")))
          .withLimits(Map.of("memory", new Quantity("1Gi"), "nvidia.com/gpu", new Quantity("1")))
          .endResources().build());
    }
    return spec.endSpec().endTemplate().endSpec()
        .withNewStatus().withObservedGeneration(3L).withReplicas(500).withUpdatedReplicas(500)
        .withReadyReplicas(0).withAvailableReplicas(0)
        .addNewCondition().withType("Available").withStatus("False").withReason("MinimumReplicasUnavailable")
        .withMessage(LONG).withLastTransitionTime("2024-05-01T11:00:00Z").endCondition()
        .addNewCondition().withType("Progressing").withStatus("True").withReason("NewReplicaSetAvailable")
        .withMessage(LONG).withLastTransitionTime("2024-05-01T11:00:00Z").endCondition()
        .addNewCondition().withType("ReplicaFailure").withStatus("False").withReason("Whatever")
        .withMessage(LONG).withLastTransitionTime("2024-05-01T11:00:00Z").endCondition()
        .endStatus().build();
  }

  private static Pod crashLooping(String name, int i) {
    return new PodBuilder().withNewMetadata().withName(name).withNamespace("shop").endMetadata()
        .withNewSpec().withNodeName("worker-node-in-a-big-pool-" + (i % 50)).endSpec()
        .withNewStatus().withPhase("Running")
        .addNewContainerStatus().withName("container-number-0").withReady(false).withRestartCount(i % 40)
        .withNewState().withNewWaiting().withReason("CrashLoopBackOff").withMessage(LONG).endWaiting().endState()
        .withNewLastState().withNewTerminated().withExitCode(137).withReason("OOMKilled")
        .withFinishedAt("2024-05-01T11:59:00Z").endTerminated().endLastState()
        .endContainerStatus()
        .endStatus().build();
  }
}
