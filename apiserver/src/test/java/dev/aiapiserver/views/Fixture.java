package dev.aiapiserver.views;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiapiserver.api.WorkloadSummary;
import dev.aiapiserver.api.WorkloadSummary.Health;
import dev.aiapiserver.api.WorkloadSummary.Verdict;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.function.Executable;
import tools.jackson.databind.JsonNode;

/**
 * One table row of a derivation test, read from a YAML file: the story, the clock, the source
 * objects (the first is the workload), and what the summary must say.
 *
 * @param given the user story this case protects
 * @param now the injected clock
 * @param previous the verdict and since of the summary derived last time, if any
 * @param expect the expected outcome
 * @param objects the workload first, then its ReplicaSets, Jobs, Pods, Events, Services, Nodes, and the related
 *     PersistentVolumeClaims, HorizontalPodAutoscalers and PodDisruptionBudgets
 */
record Fixture(String given, String now, Previous previous, Expect expect, List<HasMetadata> objects) {

  record Previous(Verdict verdict, String since) {}

  /**
   * @param verdict expected verdict
   * @param reasons expected reasons, in order
   * @param message expected message, exactly (optional)
   * @param messageContains fragments the message must contain (optional)
   * @param fields JSON pointer into the serialized summary to expected value (optional)
   * @param absent JSON pointers that must not be present (optional)
   */
  record Expect(Verdict verdict, List<String> reasons, String message, List<String> messageContains,
      Map<String, Object> fields, List<String> absent) {}

  WorkloadInputs inputs() {
    HasMetadata workload = objects.get(0);
    List<HasMetadata> rest = objects.subList(1, objects.size());
    Map<String, Node> nodes = new LinkedHashMap<>();
    of(rest, Node.class).forEach(n -> nodes.put(n.getMetadata().getName(), n));
    List<Pod> pods = new ArrayList<>(of(rest, Pod.class));
    return new WorkloadInputs(workload, of(rest, ReplicaSet.class), of(rest, Job.class), pods, of(rest, Event.class),
        of(rest, Service.class), nodes, previousSummary(), Instant.parse(now),
        new WorkloadInputs.Related(of(rest, PersistentVolumeClaim.class), of(rest, HorizontalPodAutoscaler.class),
            of(rest, PodDisruptionBudget.class)));
  }

  private WorkloadSummary previousSummary() {
    if (previous == null) {
      return null;
    }
    return new WorkloadSummary(WorkloadSummary.API_VERSION, WorkloadSummary.KIND, null, null,
        new Health(previous.verdict(), List.of(), "", previous.since()), null, null, null, null, null, null, null,
        null, null);
  }

  void verify(WorkloadSummary summary) {
    JsonNode json = Json.MAPPER.valueToTree(summary);
    List<Executable> checks = new ArrayList<>();
    checks.add(() -> assertEquals(expect.verdict(), summary.health().verdict(), "verdict; message was: "
        + summary.health().message()));
    checks.add(() -> assertEquals(expect.reasons() == null ? List.of() : expect.reasons(), summary.health().reasons(),
        "reasons"));
    if (expect.message() != null) {
      checks.add(() -> assertEquals(expect.message(), summary.health().message(), "message"));
    }
    if (expect.messageContains() != null) {
      for (String fragment : expect.messageContains()) {
        checks.add(() -> assertTrue(summary.health().message().contains(fragment),
            "message should contain \"" + fragment + "\" but was: " + summary.health().message()));
      }
    }
    if (expect.fields() != null) {
      expect.fields().forEach((pointer, value) -> checks.add(() -> assertEquals(Json.MAPPER.valueToTree(value),
          json.at(pointer), pointer + " in " + json)));
    }
    if (expect.absent() != null) {
      for (String pointer : expect.absent()) {
        checks.add(() -> assertTrue(json.at(pointer).isMissingNode(), pointer + " should be absent in " + json));
      }
    }
    assertAll(given, checks);
  }

  private static <T> List<T> of(List<HasMetadata> objects, Class<T> type) {
    return objects.stream().filter(type::isInstance).map(type::cast).toList();
  }
}
