package dev.aiapiserver.views;

import dev.aiapiserver.api.ClusterContext.NameList;
import dev.aiapiserver.api.ClusterContext.NodePressure;
import dev.aiapiserver.api.ClusterContext.Nodes;
import dev.aiapiserver.api.ClusterContext.Pressure;
import io.fabric8.kubernetes.api.model.Node;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The nodes section of the ClusterContext: readiness, roles, summed capacity and pressure. */
final class NodeTotals {
  static final int MAX_LISTED = 10;
  static final String ROLE_PREFIX = "node-role.kubernetes.io/";
  static final String LEGACY_ROLE = "kubernetes.io/role";
  private static final List<String> PRESSURES = List.of("MemoryPressure", "DiskPressure", "PIDPressure",
      "NetworkUnavailable");

  private NodeTotals() {}

  static Nodes of(Collection<Node> nodes) {
    List<Node> sorted = new ArrayList<>(nodes);
    sorted.sort(Comparator.comparing(n -> n.getMetadata().getName()));
    int ready = 0;
    int unschedulable = 0;
    List<String> notReady = new ArrayList<>();
    Map<String, Integer> roles = new TreeMap<>();
    ResourceSums capacity = new ResourceSums();
    ResourceSums allocatable = new ResourceSums();
    List<NodePressure> pressured = new ArrayList<>();
    for (Node node : sorted) {
      String name = node.getMetadata().getName();
      if (NodeConditions.ready(node)) {
        ready++;
      } else {
        notReady.add(name);
      }
      if (node.getSpec() != null && Boolean.TRUE.equals(node.getSpec().getUnschedulable())) {
        unschedulable++;
      }
      rolesOf(node).forEach(r -> roles.merge(r, 1, Integer::sum));
      if (node.getStatus() != null) {
        capacity.add(node.getStatus().getCapacity());
        allocatable.add(node.getStatus().getAllocatable());
      }
      List<String> under = PRESSURES.stream().filter(p -> NodeConditions.isTrue(node, p)).toList();
      if (!under.isEmpty()) {
        pressured.add(new NodePressure(name, under));
      }
    }
    return new Nodes(sorted.size(), ready, names(notReady), unschedulable, roles.isEmpty() ? null : roles,
        capacity.rendered(), allocatable.rendered(),
        pressured.isEmpty() ? null : new Pressure(List.copyOf(pressured.subList(0, Math.min(MAX_LISTED, pressured.size()))),
            Math.max(0, pressured.size() - MAX_LISTED)));
  }

  /** Roles from node-role.kubernetes.io/&lt;role&gt; labels (or the legacy kubernetes.io/role), else "none". */
  static List<String> rolesOf(Node node) {
    Map<String, String> labels = node.getMetadata().getLabels();
    List<String> roles = new ArrayList<>();
    if (labels != null) {
      labels.forEach((k, v) -> {
        if (k.startsWith(ROLE_PREFIX) && k.length() > ROLE_PREFIX.length()) {
          roles.add(k.substring(ROLE_PREFIX.length()));
        } else if (k.equals(LEGACY_ROLE) && v != null && !v.isEmpty()) {
          roles.add(v);
        }
      });
    }
    return roles.isEmpty() ? List.of("none") : roles.stream().distinct().sorted().toList();
  }

  private static NameList names(List<String> names) {
    if (names.isEmpty()) {
      return null;
    }
    return new NameList(List.copyOf(names.subList(0, Math.min(MAX_LISTED, names.size()))),
        Math.max(0, names.size() - MAX_LISTED));
  }
}
