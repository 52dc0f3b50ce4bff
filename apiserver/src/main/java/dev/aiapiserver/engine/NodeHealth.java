package dev.aiapiserver.engine;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Taint;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What of a node a workload's health depends on: its condition statuses, cordon and taints.
 * Kubelets update node status often (heartbeats); only a change here is worth recomputing the
 * workloads on the node.
 */
final class NodeHealth {
  private NodeHealth() {}

  static boolean same(Node a, Node b) {
    return conditions(a).equals(conditions(b))
        && Objects.equals(unschedulable(a), unschedulable(b))
        && taints(a).equals(taints(b));
  }

  private static Map<String, String> conditions(Node node) {
    Map<String, String> statuses = new TreeMap<>();
    if (node.getStatus() != null && node.getStatus().getConditions() != null) {
      for (NodeCondition c : node.getStatus().getConditions()) {
        statuses.put(c.getType(), c.getStatus());
      }
    }
    return statuses;
  }

  private static Boolean unschedulable(Node node) {
    return node.getSpec() == null ? null : node.getSpec().getUnschedulable();
  }

  private static List<String> taints(Node node) {
    if (node.getSpec() == null || node.getSpec().getTaints() == null) {
      return List.of();
    }
    return node.getSpec().getTaints().stream()
        .map((Taint t) -> t.getKey() + "=" + t.getValue() + ":" + t.getEffect()).sorted().toList();
  }
}
