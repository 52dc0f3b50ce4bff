package dev.aiapiserver.mcp;

import dev.aiapiserver.api.ClusterContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The text part of cluster_context: a few lines that name what matters most. */
final class ClusterGlance {
  private ClusterGlance() {}

  static String of(ClusterContext c) {
    List<String> lines = new ArrayList<>();
    String version = c.kubernetes() == null || c.kubernetes().version() == null ? "unknown" : c.kubernetes().version();
    StringBuilder nodes = new StringBuilder("Kubernetes ").append(version);
    if (c.nodes() != null) {
      nodes.append("; nodes ").append(c.nodes().ready()).append('/').append(c.nodes().total()).append(" ready");
      if (c.nodes().notReady() != null && c.nodes().notReady().items() != null
          && !c.nodes().notReady().items().isEmpty()) {
        nodes.append(" (not ready: ").append(String.join(", ", c.nodes().notReady().items())).append(')');
      }
    }
    lines.add(nodes.append('.').toString());
    if (c.workloads() != null) {
      StringBuilder w = new StringBuilder().append(c.workloads().total()).append(" workloads");
      Map<String, Integer> verdicts = c.workloads().verdicts();
      if (verdicts != null && !verdicts.isEmpty()) {
        w.append(": ").append(String.join(", ", verdicts.entrySet().stream()
            .map(e -> e.getValue() + " " + e.getKey()).toList()));
      }
      lines.add(w.append('.').toString());
    }
    if (c.attention() != null && c.attention().items() != null && !c.attention().items().isEmpty()) {
      lines.add("Needs attention, worst first:");
      for (ClusterContext.AttentionItem a : c.attention().items()) {
        lines.add("- " + a.namespace() + "/" + a.name() + ": " + a.verdict()
            + (a.reason() == null ? "" : " [" + a.reason() + "]"));
      }
      if (c.attention().omitted() > 0) {
        lines.add("  and " + c.attention().omitted() + " more (call triage).");
      }
    }
    if (c.events() != null) {
      lines.add(c.events().warningsLastHour() + " Warning events in the last hour.");
    }
    lines.add("The complete ClusterContext is in the structured result.");
    return String.join("\n", lines);
  }
}
