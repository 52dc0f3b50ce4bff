package dev.aiapiserver.mcp;

import dev.aiapiserver.api.WorkloadSummary;
import dev.aiapiserver.api.WorkloadSummary.Verdict;
import dev.aiapiserver.store.StoredView;
import dev.aiapiserver.views.WorkloadSummaries;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The triage answer: the workloads that are not fine, worst first (the order of ClusterContext's
 * attention list), each as its full summary; Healthy workloads and succeeded Jobs only counted.
 * Pure: a function of the summaries it is given.
 */
final class Triage {
  /** Verdicts that need nothing: counted, not listed. */
  private static final Set<Verdict> FINE = Set.of(Verdict.Healthy, Verdict.Completed);

  private Triage() {}

  /**
   * @param summaries the summaries in scope (one namespace, or all)
   * @param namespace the namespace looked at, or "" for the whole cluster
   */
  static CallToolResult of(List<StoredView> summaries, String namespace, int limit) {
    return of(summaries, namespace, List.of(), limit);
  }

  /**
   * @param readable when namespace is "" and this is not empty: the namespaces the caller may read,
   *     which summaries cover (the caller may not list at the cluster scope)
   */
  static CallToolResult of(List<StoredView> summaries, String namespace, List<String> readable, int limit) {
    Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
    List<Needy> needy = new ArrayList<>();
    int fine = 0;
    for (StoredView v : summaries) {
      Verdict verdict = verdict(v);
      counts.merge(verdict, 1, Integer::sum);
      if (FINE.contains(verdict)) {
        fine++;
      } else {
        needy.add(new Needy(v, (WorkloadSummary) v.object())); // read back once, for ranking and text
      }
    }
    needy.sort(Triage::worstFirst);
    List<Needy> listed = needy.subList(0, Math.min(limit, needy.size()));

    Map<String, Object> out = new LinkedHashMap<>();
    if (!namespace.isEmpty()) {
      out.put("namespace", namespace);
    }
    if (namespace.isEmpty() && !readable.isEmpty()) {
      out.put("namespaces", readable);
    }
    Map<String, Integer> verdicts = new LinkedHashMap<>();
    counts.forEach((verdict, n) -> verdicts.put(verdict.name(), n));
    out.put("verdicts", verdicts);
    out.put("items", listed.stream().map(n -> ToolResults.json(n.view())).toList());
    out.put("omitted", needy.size() - listed.size());
    out.put("healthyOmitted", fine);
    return ToolResults.ok(out, text(scope(namespace, readable), summaries.size(), needy.size(), fine, listed));
  }

  private static String scope(String namespace, List<String> readable) {
    if (!namespace.isEmpty()) {
      return "Namespace \"" + namespace + "\"";
    }
    return readable.isEmpty() ? "Whole cluster"
        : "The namespaces you may read (" + String.join(", ", readable) + ")";
  }

  private static String text(String scope, int total, int needy, int fine, List<Needy> listed) {
    FencedText out = new FencedText();
    if (total == 0) {
      return out.line(scope + ": no workloads.").render();
    }
    if (needy == 0) {
      return out.line(scope + ": nothing needs attention; all " + total + " workloads are Healthy or succeeded Jobs.")
          .render();
    }
    out.line(scope + ": " + needy + " of " + total + " workloads need attention (" + fine
        + " Healthy or succeeded not listed).");
    int i = 1;
    for (Needy n : listed) {
      out.line(i + ". " + SummaryLines.headline(n.summary()));
      SummaryLines.message(out, i + ". ", n.summary());
      i++;
    }
    if (needy > listed.size()) {
      out.line((needy - listed.size()) + " more not listed (raise limit, or use list_workload_summaries with a"
          + " verdict).");
    }
    return out.line("The complete summaries are in the structured result; get_workload_summary returns one, explain"
        + " adds its logs, rollout history and full events.").render();
  }

  private static Verdict verdict(StoredView v) {
    String verdict = v.field("health.verdict");
    return verdict == null || verdict.isEmpty() ? Verdict.Unknown : Verdict.valueOf(verdict);
  }

  /** A summary that needs attention, with its stored form. */
  private record Needy(StoredView view, WorkloadSummary summary) {}

  // The ranking reads health.verdict; a summary without one (none today) goes last.
  private static int worstFirst(Needy a, Needy b) {
    boolean rankedA = ranked(a.summary());
    boolean rankedB = ranked(b.summary());
    if (rankedA && rankedB) {
      return WorkloadSummaries.worstFirst().compare(a.summary(), b.summary());
    }
    return rankedA != rankedB ? (rankedA ? -1 : 1) : a.view().key().compareTo(b.view().key());
  }

  private static boolean ranked(WorkloadSummary s) {
    return s.health() != null && s.health().verdict() != null;
  }
}
