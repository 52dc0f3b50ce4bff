package dev.aiapiserver.views;

import dev.aiapiserver.api.WorkloadSummary;
import dev.aiapiserver.api.WorkloadSummary.Replicas;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;
import java.util.Objects;

/**
 * A Pod with no controller: its own workload, of one replica. Succeeded is Completed, Failed is
 * Failing (nobody will replace it), and the rest is judged like any pod.
 */
final class BarePodView {
  private BarePodView() {}

  static WorkloadSummary derive(WorkloadInputs in) {
    Pod pod = (Pod) in.workload();
    // The pod is its own only pod, whatever the engine passed along.
    WorkloadInputs self = new WorkloadInputs(pod, List.of(), List.of(), List.of(pod), in.events(), in.services(),
        in.nodes(), in.previous(), in.now());
    SummaryDraft draft = new SummaryDraft(self, "v1", "Pod", pod.getSpec(), pod.getMetadata().getLabels());
    PodEvidence pods = draft.evidence();
    String phase = PodDiagnosis.phase(pod);
    int containers = pod.getSpec() == null || pod.getSpec().getContainers() == null ? 0 : pod.getSpec().getContainers().size();
    List<ContainerStatus> statuses = pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null
        ? List.of() : pod.getStatus().getContainerStatuses();
    long readyContainers = statuses.stream().filter(cs -> Boolean.TRUE.equals(cs.getReady())).count();
    boolean ready = pod.getStatus() != null && pod.getStatus().getConditions() != null
        && pod.getStatus().getConditions().stream()
            .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    draft.replicas(new Replicas(1, 1, ready ? 1 : 0, ready ? 1 : 0, null));
    String headline = phase + ", " + readyContainers + "/" + containers + " containers ready";
    Observed observed = new Observed(headline).counts(1, ready ? 1 : 0, ready ? 1 : 0);
    if (pod.getStatus() == null) {
      observed.unknown("the pod has no status yet");
    } else if ("Unknown".equals(phase) && !onNotReadyNode(pod, in)) {
      observed.unknown("the pod's phase is Unknown: its node stopped reporting");
    } else if ("Succeeded".equals(phase)) {
      observed.headline = "Succeeded";
      observed.completed(true, lastFinish(statuses));
    } else if ("Failed".equals(phase)) {
      observed.headline = "Failed";
      observed.failed(true);
    }
    return draft.finish(observed, pods);
  }

  private static boolean onNotReadyNode(Pod pod, WorkloadInputs in) {
    String nodeName = pod.getSpec() == null ? null : pod.getSpec().getNodeName();
    Node node = nodeName == null ? null : in.nodes().get(nodeName);
    return node != null && !NodeConditions.ready(node);
  }

  private static String lastFinish(List<ContainerStatus> statuses) {
    return statuses.stream()
        .map(cs -> cs.getState() == null || cs.getState().getTerminated() == null ? null
            : Rfc3339.normalize(cs.getState().getTerminated().getFinishedAt()))
        .filter(Objects::nonNull)
        .max(String::compareTo)
        .orElse(null);
  }
}
