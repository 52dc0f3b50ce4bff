package dev.aiapiserver.views;

import dev.aiapiserver.api.ClusterContext.Resources;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The API resources the cluster serves, by group/version, subresources left out. Built-in groups
 * come first (core, then unqualified groups like apps, then *.k8s.io), extensions after; at most
 * 40 group-versions, the rest counted.
 */
final class ServedResources {
  static final int MAX_GROUPS = 40;

  private ServedResources() {}

  static Resources of(Map<String, List<String>> byGroupVersion) {
    if (byGroupVersion == null || byGroupVersion.isEmpty()) {
      return null;
    }
    List<String> order = byGroupVersion.keySet().stream()
        .sorted(Comparator.comparingInt(ServedResources::rank).thenComparing(Comparator.naturalOrder()))
        .toList();
    Map<String, List<String>> groups = new LinkedHashMap<>();
    for (String gv : order.subList(0, Math.min(MAX_GROUPS, order.size()))) {
      List<String> names = byGroupVersion.get(gv) == null ? List.of()
          : byGroupVersion.get(gv).stream().filter(n -> !n.contains("/")).distinct().sorted().toList();
      groups.put(gv, names);
    }
    return new Resources(groups, order.size() - groups.size());
  }

  private static int rank(String groupVersion) {
    if (!groupVersion.contains("/")) {
      return 0;
    }
    String group = groupVersion.substring(0, groupVersion.indexOf('/'));
    if (!group.contains(".")) {
      return 1;
    }
    return group.endsWith(".k8s.io") ? 2 : 3;
  }
}
