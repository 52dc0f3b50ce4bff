package dev.aiapiserver.mcp;

import dev.aiapiserver.api.NamespaceSummary;
import java.util.ArrayList;
import java.util.List;

/** A NamespaceSummary's non-workload findings as short text lines, for the triage answer. */
final class NamespaceLines {
  private NamespaceLines() {}

  static List<String> of(NamespaceSummary n) {
    List<String> lines = new ArrayList<>();
    problems(lines, "Service", n.services());
    problems(lines, "Ingress", n.ingresses());
    problems(lines, "PersistentVolumeClaim", n.persistentVolumeClaims());
    if (n.quotas() != null && n.quotas().items() != null) {
      n.quotas().items().forEach(q -> lines.add("ResourceQuota " + q.name() + ": " + q.resource() + " at " + q.percent()
          + "% (" + q.used() + " of " + q.hard() + ")"));
      if (n.quotas().omitted() > 0) {
        lines.add(n.quotas().omitted() + " more quota resources near their limits");
      }
    }
    if (n.events() != null && n.events().items() != null) {
      n.events().items().forEach(e -> lines.add("Warning " + e.reason() + " on " + e.object() + ": " + e.message()));
      if (n.events().omitted() > 0) {
        lines.add(n.events().omitted() + " more Warning events not tied to a workload");
      }
    }
    return lines;
  }

  private static void problems(List<String> lines, String kind, NamespaceSummary.Problems p) {
    if (p == null || p.items() == null) {
      return;
    }
    p.items().forEach(i -> lines.add(kind + " " + i.name() + " " + i.reason() + ": " + i.message()));
    if (p.omitted() > 0) {
      lines.add(p.omitted() + " more " + kind + " problems");
    }
  }
}
