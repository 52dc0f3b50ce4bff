package dev.aiapiserver.mcp;

import dev.aiapiserver.api.WorkloadSummary;
import dev.aiapiserver.api.WorkloadSummary.Verdict;
import dev.aiapiserver.http.LabelSelector;
import dev.aiapiserver.store.Snapshot;
import dev.aiapiserver.store.StoredView;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One page of list_workload_summaries: the summaries of a namespace (or all), sorted by
 * namespace and name, filtered by verdict and label selector, after the continue key. The
 * continue value is the key of the last summary returned ("namespace/name"), so the next page
 * starts right after it even if the cluster changed meanwhile.
 */
final class SummaryPage {
  /**
   * @param namespace "" for all namespaces
   * @param verdict null for any
   * @param after the continue value, "" for the first page
   */
  record Query(String namespace, Verdict verdict, LabelSelector labels, int limit, String after) {}

  private SummaryPage() {}

  static CallToolResult of(Snapshot snapshot, Query q) {
    List<StoredView> page = new ArrayList<>();
    int remaining = 0;
    for (StoredView v : snapshot.range(q.namespace(), q.after())) {
      if (!matches(v, q)) {
        continue;
      }
      if (page.size() < q.limit()) {
        page.add(v);
      } else {
        remaining++;
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("items", page.stream().map(ToolResults::json).toList());
    if (remaining > 0) {
      out.put("continue", page.get(page.size() - 1).key());
      out.put("remaining", remaining);
    }
    return ToolResults.ok(out, text(q, page, remaining));
  }

  /** Refuses a continue value that cannot come from a page of this listing. */
  static void checkContinue(String namespace, String after) {
    if (after.isEmpty()) {
      return;
    }
    boolean fits = namespace.isEmpty() ? after.indexOf('/') > 0 : after.startsWith(namespace + "/");
    if (!fits) {
      throw new ToolArguments.Invalid("continue \"" + after + "\" does not come from this listing; pass back the"
          + " continue value of the previous answer unchanged, with the same namespace");
    }
  }

  private static boolean matches(StoredView v, Query q) {
    if (q.verdict() != null && !q.verdict().name().equals(v.field("health.verdict"))) {
      return false;
    }
    return q.labels().matches(v.metadata().labels() == null ? Map.of() : v.metadata().labels());
  }

  private static String text(Query q, List<StoredView> page, int remaining) {
    String scope = q.namespace().isEmpty() ? "all namespaces" : "namespace \"" + q.namespace() + "\"";
    FencedText out = new FencedText();
    if (page.isEmpty()) {
      return out.line("No workload summaries match in " + scope + ".").render();
    }
    out.line(page.size() + (page.size() == 1 ? " summary" : " summaries") + " in " + scope + ":");
    for (StoredView v : page) {
      WorkloadSummary s = (WorkloadSummary) v.object();
      out.line("- " + SummaryLines.headline(s));
      SummaryLines.message(out, "- ", s);
    }
    if (remaining > 0) {
      out.line(remaining + " more: call list_workload_summaries again with the same arguments and continue=\""
          + page.get(page.size() - 1).key() + "\".");
    } else {
      out.line("This is the last page.");
    }
    return out.render();
  }
}
