package dev.aiapiserver.bench;

import java.util.List;

/**
 * The faults a synthetic cluster plants, each with the kind of workload it lives in, how many of
 * its pods it breaks (a range the generator draws from), and the words that name its cause. An output "names the cause" of a planted
 * fault when one of its records (a JSON item, a table line) names the workload and one of these
 * words: the reason code an agent can act on, or for an unschedulable or not-ready pod the
 * scheduler's or the probe's own words, since "Pending" or "0/1" alone do not say why.
 */
enum FaultKind {
  /** Every replica crash-loops; the last termination was the OOM killer. */
  OOM_CRASH_LOOP("Deployment", 2, 5, List.of("OOMKilled")),
  /** A rollout to an image tag that does not exist: one new pod stuck pulling, the old ones serve. */
  IMAGE_PULL_BACK_OFF("Deployment", 1, 1, List.of("ImagePullBackOff")),
  /** A StatefulSet pod whose image the registry refuses. */
  ERR_IMAGE_PULL("StatefulSet", 1, 1, List.of("ErrImagePull")),
  /** A rollout whose new pod refers to a ConfigMap that is missing. */
  CREATE_CONTAINER_CONFIG_ERROR("Deployment", 1, 2, List.of("CreateContainerConfigError")),
  /** A scale-up beyond the cluster's free CPU: pods pending with the scheduler's message. */
  UNSCHEDULABLE("Deployment", 2, 4, List.of("Insufficient cpu")),
  /** A running pod whose readiness probe fails. */
  NOT_READY("Deployment", 1, 2, List.of("Readiness probe failed")),
  /** A pod the kubelet evicted under memory pressure, left behind as Failed. */
  EVICTED("Deployment", 1, 3, List.of("Evicted")),
  /** A Job whose pods failed until the backoff limit. */
  BACKOFF_LIMIT_EXCEEDED("Job", 2, 2, List.of("BackoffLimitExceeded"));

  private final String workloadKind;
  private final int fewestFaultyPods;
  private final int mostFaultyPods;
  private final List<String> causeWords;

  FaultKind(String workloadKind, int fewestFaultyPods, int mostFaultyPods, List<String> causeWords) {
    this.workloadKind = workloadKind;
    this.fewestFaultyPods = fewestFaultyPods;
    this.mostFaultyPods = mostFaultyPods;
    this.causeWords = causeWords;
  }

  String workloadKind() {
    return workloadKind;
  }

  int fewestFaultyPods() {
    return fewestFaultyPods;
  }

  int mostFaultyPods() {
    return mostFaultyPods;
  }

  List<String> causeWords() {
    return causeWords;
  }
}
