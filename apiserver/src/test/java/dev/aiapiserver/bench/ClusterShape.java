package dev.aiapiserver.bench;

import java.util.Locale;

/**
 * How big a synthetic cluster is. Every namespace gets the same mix of workloads; Deployments
 * absorb what is left of the pod budget, so the pod count is exact.
 */
record ClusterShape(String name, int namespaces, int workloadsPerNamespace, int podsPerNamespace, int nodes) {
  /** A smoke-sized cluster: every fault kind once, a few dozen pods. */
  static final ClusterShape TINY = new ClusterShape("tiny", 2, 24, 80, 3);
  static final ClusterShape SMALL = new ClusterShape("small", 5, 40, 200, 8);
  /** 10k pods, 2k workloads, 200 workloads per namespace: the sizes the targets speak of. */
  static final ClusterShape LARGE = new ClusterShape("large", 10, 200, 1000, 20);
  /**
   * 100k pods, 20k workloads: what a sync ten times larger does (ProbesDuringSyncBenchmark). Still
   * 20 nodes: every DaemonSet puts a pod on each node out of its namespace's pod budget.
   */
  static final ClusterShape HUGE = new ClusterShape("huge", 100, 200, 1000, 20);

  int pods() {
    return namespaces * podsPerNamespace;
  }

  int workloads() {
    return namespaces * workloadsPerNamespace;
  }

  static ClusterShape named(String size) {
    return switch (size.toLowerCase(Locale.ROOT)) {
      case "tiny" -> TINY;
      case "small" -> SMALL;
      case "large" -> LARGE;
      case "huge" -> HUGE;
      default -> throw new IllegalArgumentException("bench.size must be tiny, small, large or huge, not " + size);
    };
  }
}
