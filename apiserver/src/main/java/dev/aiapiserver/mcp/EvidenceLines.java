package dev.aiapiserver.mcp;

import dev.aiapiserver.api.WorkloadEvidence;
import dev.aiapiserver.api.WorkloadSummary;

/**
 * The text of explain: our sentences (verdict, what evidence there is, revision numbers and
 * counts) and, fenced, what the cluster wrote (messages, events, images, log lines).
 */
final class EvidenceLines {
  private EvidenceLines() {}

  static String of(WorkloadSummary summary, WorkloadEvidence evidence, String evidenceWithheld) {
    FencedText text = new FencedText().line(SummaryLines.headline(summary));
    SummaryLines.message(text, "", summary);
    if (evidence == null) {
      text.line("No evidence: " + evidenceWithheld + ".");
      return text.line("The summary is in the structured result.").render();
    }
    rollout(text, evidence.rollout());
    logs(text, evidence.logs());
    if (evidence.events() != null && evidence.events().items() != null) {
      text.line("Warning events: " + evidence.events().items().size() + " (full messages in the block below).");
      for (WorkloadEvidence.Event e : evidence.events().items()) {
        text.data("event " + e.reason() + " x" + e.count() + " on " + e.object() + " (last " + e.lastSeen() + "): "
            + e.message());
      }
    }
    if (evidence.podMessages() != null && evidence.podMessages().items() != null) {
      for (WorkloadEvidence.PodMessage m : evidence.podMessages().items()) {
        text.data("pod " + m.pod() + (m.container() == null ? "" : " container " + m.container()) + " " + m.source()
            + (m.reason() == null ? "" : " " + m.reason()) + (m.message() == null ? "" : ": " + m.message()));
      }
    }
    return text.line("The summary and the evidence are in the structured result.").render();
  }

  private static void rollout(FencedText text, WorkloadEvidence.Rollout rollout) {
    if (rollout == null || rollout.revisions() == null) {
      if (rollout != null && rollout.error() != null) {
        text.line("Rollout history unavailable: " + rollout.error() + ".");
      }
      return;
    }
    StringBuilder line = new StringBuilder("Rollout, newest first:");
    for (WorkloadEvidence.Revision r : rollout.revisions()) {
      line.append(" revision ").append(r.revision()).append(" (").append(r.name()).append(r.current() ? ", current" : "")
          .append(") ").append(r.ready()).append('/').append(r.desired()).append(" ready;");
      text.data("revision " + r.revision() + " images: " + String.join(", ", r.images()));
    }
    text.line(line.substring(0, line.length() - 1) + ".");
  }

  private static void logs(FencedText text, WorkloadEvidence.Logs logs) {
    if (logs == null) {
      return;
    }
    if (logs.withheld() != null) {
      text.line("Logs withheld: " + logs.withheld() + ".");
      return;
    }
    if (logs.items() == null || logs.items().isEmpty()) {
      text.line("No container logs to show.");
      return;
    }
    text.line("Logs: " + logs.items().size() + " excerpts (the last lines, in the block below)"
        + (logs.omitted() > 0 ? "; " + logs.omitted() + " more left out for size" : "") + ".");
    for (WorkloadEvidence.ContainerLog log : logs.items()) {
      String header = "--- log of pod " + log.pod() + " container " + log.container()
          + (log.previous() ? " (previous instance)" : "") + (log.omitted() > 0 ? ", " + log.omitted()
          + " earlier lines left out" : "") + " ---";
      text.data(header);
      if (log.error() != null) {
        text.data("(not read: " + log.error() + ")");
      }
      log.lines().forEach(text::data);
    }
  }
}
