package dev.aiapiserver.evidence;

import dev.aiapiserver.api.WorkloadSummary;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which logs to read: in the worst few unhealthy pods (the summary's order), the containers at
 * fault (the summary's own first), each with its current instance and, once restarted, its
 * previous one. A container that never started (waiting for its image, say) has no log. Pure.
 */
final class LogTargets {
  static final int PODS = 3;
  static final int CONTAINERS_PER_POD = 2;
  static final int MAX_TARGETS = 6;
  /** Waiting reasons of a container that is about to start, not at fault. */
  private static final Set<String> STARTING = Set.of("ContainerCreating", "PodInitializing");

  private LogTargets() {}

  static List<LogTarget> of(WorkloadSummary summary, Map<String, Pod> podsByName) {
    List<LogTarget> targets = new ArrayList<>();
    if (summary.pods() == null || summary.pods().unhealthy() == null) {
      return targets;
    }
    int pods = 0;
    for (WorkloadSummary.PodProblem problem : summary.pods().unhealthy()) {
      Pod pod = podsByName.get(problem.name());
      if (pod == null || pod.getStatus() == null || pods >= PODS) {
        continue;
      }
      pods++;
      int containers = 0;
      for (ContainerStatus cs : atFault(pod, problem.container()).values()) {
        if (containers++ >= CONTAINERS_PER_POD) {
          break;
        }
        int restarts = cs.getRestartCount() == null ? 0 : cs.getRestartCount();
        boolean started = restarts > 0 || cs.getState() == null
            || cs.getState().getRunning() != null || cs.getState().getTerminated() != null;
        String ns = pod.getMetadata().getNamespace();
        if (started) {
          targets.add(new LogTarget(ns, problem.name(), cs.getName(), false));
        }
        if (restarts > 0) {
          targets.add(new LogTarget(ns, problem.name(), cs.getName(), true));
        }
      }
    }
    return targets.size() > MAX_TARGETS ? List.copyOf(targets.subList(0, MAX_TARGETS)) : targets;
  }

  /** The pod's containers at fault, init containers included, the one the summary names first. */
  private static Map<String, ContainerStatus> atFault(Pod pod, String named) {
    List<ContainerStatus> all = new ArrayList<>();
    if (pod.getStatus().getInitContainerStatuses() != null) {
      all.addAll(pod.getStatus().getInitContainerStatuses());
    }
    if (pod.getStatus().getContainerStatuses() != null) {
      all.addAll(pod.getStatus().getContainerStatuses());
    }
    Map<String, ContainerStatus> out = new LinkedHashMap<>();
    all.stream().filter(cs -> cs.getName() != null && cs.getName().equals(named)).forEach(cs -> out.put(cs.getName(), cs));
    all.stream().filter(LogTargets::faulty).forEach(cs -> out.putIfAbsent(cs.getName(), cs));
    return out;
  }

  private static boolean faulty(ContainerStatus cs) {
    if (cs.getState() != null && cs.getState().getWaiting() != null) {
      return !STARTING.contains(cs.getState().getWaiting().getReason());
    }
    if (cs.getState() != null && cs.getState().getTerminated() != null) {
      Integer code = cs.getState().getTerminated().getExitCode();
      return code != null && code != 0;
    }
    boolean restarted = cs.getRestartCount() != null && cs.getRestartCount() > 0;
    return restarted || !Boolean.TRUE.equals(cs.getReady());
  }
}
