package dev.aiapiserver.mcp;

import dev.aiapiserver.api.WorkloadSummary;
import dev.aiapiserver.resources.AiResources;
import java.util.List;

/**
 * Renderings of a WorkloadSummary for the text part of tool answers: the headline is ours (names,
 * verdict, reason codes, counts); the messages are the cluster's and go into the fenced block.
 */
final class SummaryLines {
  private SummaryLines() {}

  /** e.g. {@code shop/deployment.api: Failing [CrashLoopBackOff] 0/2 ready}. */
  static String headline(WorkloadSummary s) {
    StringBuilder out = new StringBuilder(where(s)).append(": ").append(verdict(s));
    List<String> reasons = s.health() == null ? null : s.health().reasons();
    if (reasons != null && !reasons.isEmpty()) {
      out.append(" [").append(String.join(", ", reasons)).append(']');
    }
    String ready = AiResources.ready(s);
    if (!ready.isEmpty()) {
      out.append(' ').append(ready).append(" ready");
    }
    return out.toString();
  }

  /** The summary's one-sentence message, as a line of cluster data labelled with prefix. */
  static void message(FencedText text, String prefix, WorkloadSummary s) {
    String message = s.health() == null ? null : s.health().message();
    if (message != null && !message.isEmpty()) {
      text.data(prefix + where(s) + ": " + message);
    }
  }

  /** Everything the summary quotes from the cluster: message, pods, events, rollout conditions. */
  static void details(FencedText text, WorkloadSummary s) {
    message(text, "", s);
    if (s.pods() != null && s.pods().unhealthy() != null) {
      for (WorkloadSummary.PodProblem p : s.pods().unhealthy()) {
        if (p.message() != null) {
          text.data("pod " + p.name() + (p.container() == null ? "" : " container " + p.container()) + " "
              + (p.reason() == null ? "" : p.reason() + ": ") + p.message());
        }
      }
    }
    if (s.events() != null && s.events().items() != null) {
      for (WorkloadSummary.Event e : s.events().items()) {
        text.data("event " + e.reason() + " x" + e.count() + " on " + e.object() + ": " + e.message());
      }
    }
    if (s.rollout() != null && s.rollout().conditions() != null) {
      for (WorkloadSummary.Condition c : s.rollout().conditions()) {
        if (c.message() != null) {
          text.data("condition " + c.type() + "=" + c.status() + " " + (c.reason() == null ? "" : c.reason() + ": ")
              + c.message());
        }
      }
    }
  }

  static String where(WorkloadSummary s) {
    String ns = s.metadata().namespace();
    return ns == null || ns.isEmpty() ? s.metadata().name() : ns + "/" + s.metadata().name();
  }

  private static String verdict(WorkloadSummary s) {
    return s.health() == null || s.health().verdict() == null ? "Unknown" : s.health().verdict().name();
  }
}
