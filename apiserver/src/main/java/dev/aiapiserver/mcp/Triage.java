package dev.aiapiserver.mcp;

import dev.aiapiserver.api.NamespaceSummary;
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
    return of(summaries, namespace, limit, null);
  }

  /**
   * @param namespaceSummary the namespace's NamespaceSummary, when the caller may read it (its
   *     Services, Ingresses, claims, quotas and stray warnings are causes no workload list shows)
   */
  static CallToolResult of(List<StoredView> summaries, String namespace, int limit, StoredView namespaceSummary) {
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
    Map<String, Integer> verdicts = new LinkedHashMap<>();
    counts.forEach((verdict, n) -> verdicts.put(verdict.name(), n));
    out.put("verdicts", verdicts);
    out.put("items", listed.stream().map(n -> ToolResults.json(n.view())).toList());
    out.put("omitted", needy.size() - listed.size());
    out.put("healthyOmitted", fine);
    String text = text(namespace, summaries.size(), needy.size(), fine, listed);
    if (namespaceSummary != null) {
      out.put("namespaceSummary", ToolResults.json(namespaceSummary));
      List<String> lines = NamespaceLines.of((NamespaceSummary) namespaceSummary.object());
      if (!lines.isEmpty()) {
        text += "\nBesides workloads, in the namespace (the NamespaceSummary is in the structured result):\n- "
            + String.join("\n- ", lines);
      }
    }
    return ToolResults.ok(out, text);
  }

  private static String text(String namespace, int total, int needy, int fine, List<Needy> listed) {
    String scope = namespace.isEmpty() ? "Whole cluster" : "Namespace \"" + namespace + "\"";
    if (total == 0) {
      return scope + ": no workloads.";
    }
    if (needy == 0) {
      return scope + ": nothing needs attention; all " + total + " workloads are Healthy or succeeded Jobs.";
    }
    StringBuilder out = new StringBuilder(scope).append(": ").append(needy).append(" of ").append(total)
        .append(" workloads need attention (").append(fine).append(" Healthy or succeeded not listed).\n");
    int i = 1;
    for (Needy n : listed) {
      out.append(i++).append(". ").append(SummaryLines.headline(n.summary())).append('\n');
    }
    if (needy > listed.size()) {
      out.append(needy - listed.size()).append(" more not listed (raise limit, or use list_workload_summaries with a"
          + " verdict).\n");
    }
    return out.append("The complete summaries are in the structured result; get_workload_summary returns one.")
        .toString();
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
