package dev.aiapiserver.engine;

import dev.aiapiserver.api.ClusterContext;
import dev.aiapiserver.api.WorkloadSummary;
import dev.aiapiserver.views.ClusterContexts;
import dev.aiapiserver.views.ClusterInputs;
import dev.aiapiserver.views.WorkloadInputs;
import dev.aiapiserver.views.WorkloadSummaries;
import java.util.function.Function;

/** The pure functions the engine applies: from one workload's inputs, and from the whole cluster. */
public record Derivations(
    Function<WorkloadInputs, WorkloadSummary> workload, Function<ClusterInputs, ClusterContext> cluster) {

  /** The server's own derivations (package views). */
  public static Derivations real() {
    return new Derivations(WorkloadSummaries::derive, ClusterContexts::derive);
  }
}
