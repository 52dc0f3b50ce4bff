package dev.aiapiserver.views;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import java.util.List;
import java.util.Optional;

/** Reads a node's status conditions. */
final class NodeConditions {
  private NodeConditions() {}

  static boolean ready(Node node) {
    return find(node, "Ready").map(c -> "True".equals(c.getStatus())).orElse(false);
  }

  static boolean isTrue(Node node, String type) {
    return find(node, type).map(c -> "True".equals(c.getStatus())).orElse(false);
  }

  /** Why a node is not ready, e.g. "node n1 is not ready (NodeStatusUnknown: Kubelet stopped posting node status.)". */
  static String notReadyWhy(Node node) {
    String name = node.getMetadata() == null ? "?" : node.getMetadata().getName();
    Optional<NodeCondition> ready = find(node, "Ready");
    if (ready.isEmpty()) {
      return "node " + name + " reports no Ready condition";
    }
    NodeCondition c = ready.get();
    StringBuilder s = new StringBuilder("node ").append(name).append(" is not ready (Ready=").append(c.getStatus());
    if (c.getReason() != null) {
      s.append(", ").append(c.getReason());
    }
    if (c.getMessage() != null) {
      s.append(": ").append(c.getMessage());
    }
    return s.append(')').toString();
  }

  private static Optional<NodeCondition> find(Node node, String type) {
    if (node == null || node.getStatus() == null) {
      return Optional.empty();
    }
    List<NodeCondition> conditions = node.getStatus().getConditions();
    if (conditions == null) {
      return Optional.empty();
    }
    return conditions.stream().filter(c -> type.equals(c.getType())).findFirst();
  }
}
