package dev.aiapiserver.mcp;

import dev.aiapiserver.api.WorkloadSummary;
import dev.aiapiserver.resources.AiResources;
import java.util.List;

/** One-line renderings of a WorkloadSummary for the text part of tool answers. */
final class SummaryLines {
  private SummaryLines() {}

  /** e.g. {@code shop/deployment.api: Failing [CrashLoopBackOff] 0/2 ready — Pod api-1 ... }. */
  static String headline(WorkloadSummary s) {
    StringBuilder out = new StringBuilder(where(s)).append(": ").append(verdict(s));
    List<String> reasons = s.health() == null ? null : s.health().reasons();
    if (reasons != null && !reasons.isEmpty()) {
      out.append(" [").append(String.join(", ", reasons)).append(']');
    }
    String ready = ready(s);
    if (!ready.isEmpty()) {
      out.append(' ').append(ready).append(" ready");
    }
    String message = s.health() == null ? null : s.health().message();
    if (message != null && !message.isEmpty()) {
      out.append(" — ").append(message);
    }
    return out.toString();
  }

  static String where(WorkloadSummary s) {
    String ns = s.metadata().namespace();
    return ns == null || ns.isEmpty() ? s.metadata().name() : ns + "/" + s.metadata().name();
  }

  private static String verdict(WorkloadSummary s) {
    return s.health() == null || s.health().verdict() == null ? "Unknown" : s.health().verdict().name();
  }

  // The READY cell of kubectl get wls, so an agent and a human read the same numbers.
  private static String ready(WorkloadSummary s) {
    return AiResources.ready(s);
  }
}
