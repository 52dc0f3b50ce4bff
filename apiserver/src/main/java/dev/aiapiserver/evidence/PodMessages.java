package dev.aiapiserver.evidence;

import dev.aiapiserver.api.WorkloadEvidence.PodMessage;
import dev.aiapiserver.api.WorkloadSummary;
import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the unhealthy pods say about themselves, in full (up to 1024 characters each, redacted):
 * the pod's status message, the messages of conditions that are not True, and each container's
 * waiting and termination reasons and messages. Worst pod first (the summary's order), at most
 * {@link #MAX} messages and {@link #MAX_BYTES} of JSON. Pure.
 */
final class PodMessages {
  static final int MAX = 10;
  static final int MAX_BYTES = 3072;
  static final int MAX_MESSAGE = 1024;

  private PodMessages() {}

  static dev.aiapiserver.api.WorkloadEvidence.PodMessages of(WorkloadSummary summary, Map<String, Pod> podsByName) {
    List<PodMessage> all = new ArrayList<>();
    if (summary.pods() != null && summary.pods().unhealthy() != null) {
      for (WorkloadSummary.PodProblem problem : summary.pods().unhealthy()) {
        Pod pod = podsByName.get(problem.name());
        if (pod != null && pod.getStatus() != null) {
          add(all, pod);
        }
      }
    }
    if (all.isEmpty()) {
      return null;
    }
    List<PodMessage> kept = Budget.within(all, MAX, MAX_BYTES);
    return new dev.aiapiserver.api.WorkloadEvidence.PodMessages(kept, all.size() - kept.size());
  }

  private static void add(List<PodMessage> out, Pod pod) {
    String name = pod.getMetadata().getName();
    var status = pod.getStatus();
    if (status.getMessage() != null || status.getReason() != null) {
      out.add(message(name, null, "status", status.getReason(), status.getMessage()));
    }
    if (status.getConditions() != null) {
      for (PodCondition c : status.getConditions()) {
        if (!"True".equals(c.getStatus()) && (c.getMessage() != null || c.getReason() != null)) {
          out.add(message(name, null, "condition/" + c.getType(), c.getReason(), c.getMessage()));
        }
      }
    }
    List<ContainerStatus> containers = new ArrayList<>();
    if (status.getInitContainerStatuses() != null) {
      containers.addAll(status.getInitContainerStatuses());
    }
    if (status.getContainerStatuses() != null) {
      containers.addAll(status.getContainerStatuses());
    }
    for (ContainerStatus cs : containers) {
      state(out, name, cs.getName(), "state", cs.getState());
      state(out, name, cs.getName(), "lastState", cs.getLastState());
    }
  }

  private static void state(List<PodMessage> out, String pod, String container, String field, ContainerState s) {
    if (s == null) {
      return;
    }
    if (s.getWaiting() != null && (s.getWaiting().getMessage() != null || s.getWaiting().getReason() != null)
        && !"ContainerCreating".equals(s.getWaiting().getReason())) {
      out.add(message(pod, container, field + ".waiting", s.getWaiting().getReason(), s.getWaiting().getMessage()));
    }
    ContainerStateTerminated t = s.getTerminated();
    if (t != null && (t.getExitCode() == null || t.getExitCode() != 0 || "OOMKilled".equals(t.getReason()))) {
      String exit = "exit code " + t.getExitCode() + (t.getFinishedAt() == null ? "" : ", finished " + t.getFinishedAt());
      out.add(message(pod, container, field + ".terminated", t.getReason(), exit));
    }
  }

  private static PodMessage message(String pod, String container, String source, String reason, String message) {
    return new PodMessage(pod, container, source, reason, ClusterText.bounded(message, MAX_MESSAGE));
  }
}
