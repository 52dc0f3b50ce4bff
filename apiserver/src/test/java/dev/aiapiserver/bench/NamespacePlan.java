package dev.aiapiserver.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The workloads of one namespace: a fixed mix of kinds, the faults planted in them, and Deployment
 * replicas drawn so that the namespace holds exactly its pod budget.
 */
final class NamespacePlan {
  /** Share of each kind among a namespace's workloads; Deployments take the rest. */
  private static final Map<String, Double> MIX = Map.of("StatefulSet", 0.10, "DaemonSet", 0.03, "Job", 0.10,
      "CronJob", 0.07, "Pod", 0.10);
  private static final List<String> KINDS = List.of("Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob", "Pod");
  private static final Map<String, List<String>> WORDS = Map.of(
      "Deployment", List.of("api", "web", "worker", "gateway", "cache", "auth", "search", "ingest", "render",
          "notifier", "exporter", "frontend", "backend", "queue", "checkout"),
      "StatefulSet", List.of("db", "redis", "kafka", "zookeeper", "etcd", "elastic"),
      "DaemonSet", List.of("log-agent", "node-exporter", "csi-node"),
      "Job", List.of("migrate", "reindex", "seed", "backfill"),
      "CronJob", List.of("backup", "report", "cleanup", "sync"),
      "Pod", List.of("debug-shell", "toolbox", "loadtest"));
  static final int STATEFUL_REPLICAS = 3;

  private NamespacePlan() {}

  /**
   * @param faults the faults this namespace gets, each with the number of pods it breaks
   */
  static List<WorkloadPlan> draw(ClusterShape shape, List<Map.Entry<FaultKind, Integer>> faults, Dice dice) {
    int total = shape.workloadsPerNamespace();
    List<WorkloadPlan> plans = new ArrayList<>();
    int index = 0;
    for (String kind : KINDS) {
      int n = kind.equals("Deployment") ? total - others(total) : Math.max(1, (int) Math.round(total * MIX.get(kind)));
      for (int i = 0; i < n; i++, index++) {
        String name = dice.pick(WORDS.get(kind)) + "-" + String.format("%03d", index);
        plans.add(new WorkloadPlan(kind, name, replicasOf(kind, shape), null, 0, dice.chance(0.15)));
      }
    }
    for (Map.Entry<FaultKind, Integer> f : faults) {
      List<Integer> free = new ArrayList<>();
      for (int i = 0; i < plans.size(); i++) {
        if (plans.get(i).kind().equals(f.getKey().workloadKind()) && plans.get(i).fault() == null) {
          free.add(i);
        }
      }
      if (free.isEmpty()) {
        throw new IllegalArgumentException("no free " + f.getKey().workloadKind() + " for " + f.getKey());
      }
      int i = dice.pick(free);
      plans.set(i, plans.get(i).withFault(f.getKey(), f.getValue()));
    }
    return fillDeployments(plans, shape.podsPerNamespace(), dice);
  }

  private static int others(int total) {
    return MIX.values().stream().mapToInt(share -> Math.max(1, (int) Math.round(total * share))).sum();
  }

  private static int replicasOf(String kind, ClusterShape shape) {
    return switch (kind) {
      case "StatefulSet" -> STATEFUL_REPLICAS;
      case "DaemonSet" -> shape.nodes();
      default -> 1;
    };
  }

  /** Pods a non-Deployment workload has (a CronJob's are those of its last Job). */
  static int podsOf(WorkloadPlan p) {
    if (p.fault() == FaultKind.BACKOFF_LIMIT_EXCEEDED) {
      return p.faultyPods();
    }
    return p.replicas() + p.extraPods();
  }

  private static List<WorkloadPlan> fillDeployments(List<WorkloadPlan> plans, int budget, Dice dice) {
    List<Integer> growable = new ArrayList<>();
    int used = 0;
    for (int i = 0; i < plans.size(); i++) {
      WorkloadPlan p = plans.get(i);
      if (!p.kind().equals("Deployment")) {
        used += podsOf(p);
        continue;
      }
      // Every replica of a crash-looping Deployment crashes, so its size is its fault's.
      int replicas = p.fault() == FaultKind.OOM_CRASH_LOOP ? p.faultyPods() : p.fewestReplicas();
      plans.set(i, p.withReplicas(replicas));
      used += replicas + p.extraPods();
      if (p.fault() != FaultKind.OOM_CRASH_LOOP) {
        growable.add(i);
      }
    }
    if (used > budget) {
      throw new IllegalArgumentException("pod budget " + budget + " is below the " + used + " pods the plan needs");
    }
    for (int left = budget - used; left > 0; left--) {
      int i = dice.pick(growable);
      plans.set(i, plans.get(i).withReplicas(plans.get(i).replicas() + 1));
    }
    return plans;
  }
}
