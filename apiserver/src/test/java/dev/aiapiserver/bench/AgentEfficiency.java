package dev.aiapiserver.bench;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Part 2 of the benchmark: three agent tasks, each done by every approach; what each read
 * (requests, bytes, o200k_base tokens) and which planted faults it named with their cause.
 */
final class AgentEfficiency {
  /** One approach on one kind of task, summed over the task's instances. */
  record Row(String task, String agent, int runs, long requests, long bytes, long tokens, List<PlantedFault> found,
      List<PlantedFault> missed) {
    double recall() {
      int all = found.size() + missed.size();
      return all == 0 ? 1 : (double) found.size() / all;
    }

    String missedKinds() {
      return missed.stream().map(f -> f.kind().name()).distinct().sorted().collect(Collectors.joining(","));
    }
  }

  private final Scenario scenario;
  private final List<Agent> agents;

  AgentEfficiency(Scenario scenario, List<Agent> agents) {
    this.scenario = scenario;
    this.agents = agents;
  }

  /** The tasks: triage of the first namespace, one failing workload of every fault kind, the overview. */
  Map<String, List<AgentTask>> tasks() {
    Map<String, List<AgentTask>> tasks = new LinkedHashMap<>();
    String ns = scenario.namespaces().get(0);
    tasks.put("(a) triage namespace " + ns, List.of(AgentTask.triage(scenario, ns)));
    List<AgentTask> explain = new ArrayList<>();
    EnumSet<FaultKind> seen = EnumSet.noneOf(FaultKind.class);
    for (PlantedFault f : scenario.faults()) {
      if (seen.add(f.kind())) {
        explain.add(AgentTask.explain(f));
      }
    }
    tasks.put("(b) explain a failing workload (x" + explain.size() + ", one per fault kind)", explain);
    tasks.put("(c) cluster overview", List.of(AgentTask.overview(scenario)));
    return tasks;
  }

  List<Row> run() throws Exception {
    List<Row> rows = new ArrayList<>();
    for (Map.Entry<String, List<AgentTask>> t : tasks().entrySet()) {
      for (Agent agent : agents) {
        long requests = 0;
        long bytes = 0;
        long tokens = 0;
        List<PlantedFault> found = new ArrayList<>();
        List<PlantedFault> missed = new ArrayList<>();
        for (AgentTask task : t.getValue()) {
          Reading reading = agent.read(task);
          Recall recall = Recall.of(task, reading);
          requests += reading.requests;
          bytes += reading.bytes();
          tokens += reading.tokens();
          found.addAll(recall.found());
          missed.addAll(recall.missed());
        }
        rows.add(new Row(t.getKey(), agent.name(), t.getValue().size(), requests, bytes, tokens, found, missed));
      }
    }
    return rows;
  }

  /** The table, with each approach's ratio to raw JSON (the first agent) on the same task. */
  static String render(List<Row> rows) {
    TextTable table = new TextTable("task", "approach", "requests", "bytes", "tokens (o200k)", "recall",
        "tokens vs raw", "requests vs raw", "missed");
    Map<String, Row> raw = new LinkedHashMap<>();
    for (Row r : rows) {
      raw.putIfAbsent(r.task(), r);
      Row base = raw.get(r.task());
      table.row(r.task(), r.agent(), r.requests(), r.bytes(), r.tokens(),
          r.found().size() + "/" + (r.found().size() + r.missed().size()) + " ("
              + String.format(Locale.ROOT, "%.0f%%", 100 * r.recall()) + ")",
          r == base ? "1x" : ratio(base.tokens(), r.tokens()), r == base ? "1x" : ratio(base.requests(), r.requests()),
          r.missedKinds().isEmpty() ? "-" : r.missedKinds());
    }
    return table.render();
  }

  static String ratio(long base, long ours) {
    if (ours == 0) {
      return "n/a";
    }
    double x = (double) base / ours;
    return x >= 10 ? String.format(Locale.ROOT, "%.0fx fewer", x) : x >= 1
        ? String.format(Locale.ROOT, "%.1fx fewer", x) : String.format(Locale.ROOT, "%.1fx more", 1 / x);
  }
}
