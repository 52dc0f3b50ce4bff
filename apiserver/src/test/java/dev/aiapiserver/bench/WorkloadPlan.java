package dev.aiapiserver.bench;

/**
 * One workload to draw: its kind, name, how many replicas it wants, and the fault planted in it
 * (null when healthy) with how many of its pods the fault breaks.
 */
record WorkloadPlan(String kind, String name, int replicas, FaultKind fault, int faultyPods, boolean sidecar) {
  WorkloadPlan withReplicas(int n) {
    return new WorkloadPlan(kind, name, n, fault, faultyPods, sidecar);
  }

  WorkloadPlan withFault(FaultKind f, int pods) {
    return new WorkloadPlan(kind, name, replicas, f, pods, sidecar);
  }

  /** Pods this workload adds beyond its replicas: a rollout's surge pods, evicted pods left behind. */
  int extraPods() {
    if (fault == null) {
      return 0;
    }
    return switch (fault) {
      case IMAGE_PULL_BACK_OFF, CREATE_CONTAINER_CONFIG_ERROR, EVICTED -> faultyPods;
      default -> 0;
    };
  }

  /** The fewest replicas the fault leaves room for: at least one pod still serving, unless all crash. */
  int fewestReplicas() {
    if (fault == FaultKind.UNSCHEDULABLE || fault == FaultKind.NOT_READY) {
      return faultyPods + 1;
    }
    return 1;
  }
}
