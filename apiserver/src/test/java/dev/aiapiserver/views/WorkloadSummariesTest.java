package dev.aiapiserver.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.aiapiserver.api.WorkloadSummary;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The door of the views package: naming, identity, and a derivation the store can compare. */
class WorkloadSummariesTest {

  @Test
  void givenAWorkloadKindAndNameWhenNamingItsSummaryThenItIsTheLowerCaseKindDotName() {
    assertEquals("deployment.web", WorkloadSummaries.summaryName("Deployment", "web"));
    assertEquals("cronjob.backup", WorkloadSummaries.summaryName("CronJob", "backup"));
    assertEquals("pod.debug-shell", WorkloadSummaries.summaryName(
        new PodBuilder().withNewMetadata().withName("debug-shell").endMetadata().build()));
    assertEquals("cronjob.nightly", WorkloadSummaries.summaryName(
        new CronJobBuilder().withNewMetadata().withName("nightly").endMetadata().build()));
    assertEquals(List.of("Deployment", "StatefulSet", "DaemonSet", "CronJob", "Job", "ReplicaSet", "Pod"),
        WorkloadSummaries.KINDS);
  }

  @Test
  void givenAWorkloadUidWhenDerivingTheSummaryUidThenEveryReplicaAndRestartAgrees() {
    String uid = WorkloadSummaries.summaryUid("0c6e1b52-0000-4000-8000-000000000001");
    assertEquals(uid, WorkloadSummaries.summaryUid("0c6e1b52-0000-4000-8000-000000000001"));
    assertNotEquals(uid, WorkloadSummaries.summaryUid("0c6e1b52-0000-4000-8000-000000000002"));
    assertNotEquals("0c6e1b52-0000-4000-8000-000000000001", uid, "a view has its own identity");
  }

  @Test
  void givenSomethingThatIsNotAWorkloadWhenDerivingThenItIsRefused() {
    WorkloadInputs in = new WorkloadInputs(new ConfigMapBuilder().withNewMetadata().withName("x").endMetadata().build(),
        List.of(), List.of(), List.of(), List.of(), List.of(), Map.of(), null, java.time.Instant.EPOCH);
    assertThrows(IllegalArgumentException.class, () -> WorkloadSummaries.derive(in));
  }

  static Stream<String> fixtures() {
    return Stream.of("deployment", "statefulset", "daemonset", "replicaset", "job", "cronjob", "pod")
        .flatMap(kind -> Fixtures.files(kind).stream().map(p -> kind + "/" + p.getFileName()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void givenTheSameSourcesInAnotherOrderWhenDerivedAgainThenTheSummaryIsEqual(String fixture) {
    WorkloadInputs in = Fixtures.load(fixture).inputs();
    WorkloadInputs shuffled = new WorkloadInputs(in.workload(), shuffle(in.replicaSets()), shuffle(in.jobs()),
        shuffle(in.pods()), shuffle(in.events()), shuffle(in.services()), in.nodes(), in.previous(), in.now());

    assertEquals(Json.write(WorkloadSummaries.derive(in)), Json.write(WorkloadSummaries.derive(shuffled)),
        "the store tells an unchanged view by comparing; cache order must not matter");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void givenNothingChangedWhenDerivedAMinuteLaterThenTheSummaryIsEqual(String fixture) {
    WorkloadInputs in = Fixtures.load(fixture).inputs();
    WorkloadSummary first = WorkloadSummaries.derive(in);
    WorkloadInputs later = new WorkloadInputs(in.workload(), in.replicaSets(), in.jobs(), in.pods(), in.events(),
        in.services(), in.nodes(), first, in.now().plus(Duration.ofMinutes(1)));

    assertEquals(first, WorkloadSummaries.derive(later), "no watch event without a change");
  }

  @Test
  void givenADeploymentBuiltWithoutKindWhenDerivedThenTheKindComesFromItsType() {
    var d = new DeploymentBuilder().withNewMetadata().withName("bare").withNamespace("ns").withUid("u").endMetadata()
        .build();
    d.setKind(null);
    d.setApiVersion(null);
    WorkloadSummary s = WorkloadSummaries.derive(new WorkloadInputs(d, List.of(), List.of(), List.of(), List.of(),
        List.of(), Map.of(), null, java.time.Instant.EPOCH));
    assertEquals("deployment.bare", s.metadata().name());
    assertEquals("Deployment", s.workload().kind());
    assertEquals("apps/v1", s.workload().apiVersion());
  }

  private static <T> List<T> shuffle(List<T> list) {
    List<T> copy = new ArrayList<>(list);
    Collections.reverse(copy);
    Collections.shuffle(copy, new Random(42));
    return copy;
  }
}
