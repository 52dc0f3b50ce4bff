package dev.aiapiserver.engine;

import dev.aiapiserver.api.ClusterContext;
import dev.aiapiserver.api.NamespaceSummary;
import dev.aiapiserver.api.WorkloadSummary;
import dev.aiapiserver.views.ClusterContexts;
import dev.aiapiserver.views.ClusterInputs;
import dev.aiapiserver.views.NamespaceInputs;
import dev.aiapiserver.views.NamespaceSummaries;
import dev.aiapiserver.views.WorkloadInputs;
import dev.aiapiserver.views.WorkloadSummaries;
import java.util.function.Function;

/** The pure functions the engine applies: from one workload's inputs, from the whole cluster, from one namespace. */
public record Derivations(
    Function<WorkloadInputs, WorkloadSummary> workload, Function<ClusterInputs, ClusterContext> cluster,
    Function<NamespaceInputs, NamespaceSummary> namespace) {

  /** These workload and cluster derivations, and the real NamespaceSummary one. */
  public Derivations(Function<WorkloadInputs, WorkloadSummary> workload, Function<ClusterInputs, ClusterContext> cluster) {
    this(workload, cluster, NamespaceSummaries::derive);
  }

  /** The server's own derivations (package views). */
  public static Derivations real() {
    return new Derivations(WorkloadSummaries::derive, ClusterContexts::derive, NamespaceSummaries::derive);
  }
}
