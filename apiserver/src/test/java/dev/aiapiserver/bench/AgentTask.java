package dev.aiapiserver.bench;

import java.util.List;

/**
 * What an agent is asked to do, and the planted faults a complete answer must name with their cause.
 *
 * @param namespace the namespace triaged, or the failing workload's (null for the overview)
 * @param fault the failing workload to explain (only for EXPLAIN)
 */
record AgentTask(Kind kind, String namespace, PlantedFault fault, List<PlantedFault> expected) {
  enum Kind {
    /** Which workloads of a namespace are unhealthy, and why? */
    TRIAGE,
    /** Why is this workload failing? */
    EXPLAIN,
    /** What state is the cluster in, and what needs attention? */
    OVERVIEW
  }

  static AgentTask triage(Scenario s, String namespace) {
    return new AgentTask(Kind.TRIAGE, namespace, null, s.faultsIn(namespace));
  }

  static AgentTask explain(PlantedFault f) {
    return new AgentTask(Kind.EXPLAIN, f.namespace(), f, List.of(f));
  }

  static AgentTask overview(Scenario s) {
    return new AgentTask(Kind.OVERVIEW, null, null, s.faults());
  }

  @Override
  public String toString() {
    return switch (kind) {
      case TRIAGE -> "triage " + namespace;
      case EXPLAIN -> "explain " + fault.namespace() + "/" + fault.summaryName();
      case OVERVIEW -> "overview";
    };
  }
}
