package dev.aiapiserver.views;

import dev.aiapiserver.api.WorkloadSummary;

/** Derives a WorkloadSummary from a snapshot of one workload's sources. Pure: no I/O, no clock. */
public final class WorkloadSummaries {
  private WorkloadSummaries() {}

  public static WorkloadSummary derive(WorkloadInputs in) {
    throw new UnsupportedOperationException("derivation not yet implemented");
  }
}
