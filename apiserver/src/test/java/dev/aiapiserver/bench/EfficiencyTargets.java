package dev.aiapiserver.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The agent-efficiency targets, per task and for each form of the views: at least 20x fewer tokens
 * and 4x fewer requests than raw JSON; fewer tokens than kubectl's tables at a higher recall (or
 * the same, when kubectl's is already complete).
 */
final class EfficiencyTargets {
  private EfficiencyTargets() {}

  static List<Figure> check(List<AgentEfficiency.Row> rows) {
    List<Figure> figures = new ArrayList<>();
    for (String task : rows.stream().map(AgentEfficiency.Row::task).distinct().toList()) {
      AgentEfficiency.Row raw = find(rows, task, "raw JSON");
      AgentEfficiency.Row kubectl = find(rows, task, "kubectl tables");
      for (AgentEfficiency.Row ours : rows) {
        if (!ours.task().equals(task) || !ours.agent().contains("views") || ours.agent().contains("whole")) {
          continue;
        }
        double tokens = (double) raw.tokens() / ours.tokens();
        double requests = (double) raw.requests() / ours.requests();
        String who = task + ", " + ours.agent();
        figures.add(Figure.of(who + ": tokens vs raw JSON", x(tokens) + " fewer", raw.tokens() + " -> " + ours.tokens(),
            ">= 20x fewer", tokens >= 20));
        figures.add(Figure.of(who + ": requests vs raw JSON", x(requests) + " fewer",
            raw.requests() + " -> " + ours.requests(), ">= 4x fewer", requests >= 4));
        boolean recallBetter = ours.recall() > kubectl.recall() || (ours.recall() == 1 && kubectl.recall() == 1);
        figures.add(Figure.of(who + ": vs kubectl tables",
            String.format(Locale.ROOT, "%d vs %d tokens, recall %.0f%% vs %.0f%%", ours.tokens(), kubectl.tokens(),
                100 * ours.recall(), 100 * kubectl.recall()), "", "fewer tokens, higher recall",
            ours.tokens() < kubectl.tokens() && recallBetter));
      }
    }
    return figures;
  }

  private static AgentEfficiency.Row find(List<AgentEfficiency.Row> rows, String task, String agent) {
    return rows.stream().filter(r -> r.task().equals(task) && r.agent().startsWith(agent)).findFirst().orElseThrow();
  }

  private static String x(double ratio) {
    return String.format(Locale.ROOT, ratio >= 10 ? "%.0fx" : "%.1fx", ratio);
  }
}
