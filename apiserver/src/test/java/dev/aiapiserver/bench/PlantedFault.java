package dev.aiapiserver.bench;

import java.util.List;

/** A fault the generator put into the cluster on purpose: where it is and what should be said about it. */
record PlantedFault(String namespace, String workloadKind, String workload, FaultKind kind, List<String> pods) {
  /** The WorkloadSummary that should report it, e.g. {@code deployment.api-007}. */
  String summaryName() {
    return workloadKind.toLowerCase(java.util.Locale.ROOT) + "." + workload;
  }

  @Override
  public String toString() {
    return namespace + "/" + summaryName() + " " + kind;
  }
}
