package dev.aiapiserver.views;

import dev.aiapiserver.api.WorkloadSummary.Verdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The one sentence of {@code health.message}: the headline of the kind (e.g. "2/3 ready"), then the
 * worst cause on the workload and the worst pod with its evidence.
 */
final class HealthMessage {
  private HealthMessage() {}

  static String compose(Observed o, VerdictRules.Judgement j, PodEvidence pods, Redaction redaction) {
    if (j.verdict() == Verdict.Unknown) {
      return FreeText.clip("cannot judge: " + o.unknownWhy, FreeText.SENTENCE);
    }
    List<String> parts = new ArrayList<>();
    if (j.verdict() != Verdict.Healthy && j.verdict() != Verdict.Completed && j.verdict() != Verdict.Suspended) {
      Cause top = j.decidingCause() != null ? j.decidingCause()
          : o.causes.stream().min(Comparator.comparing(Cause::reason)).orElse(null);
      if (top != null) {
        parts.add(top.detail() == null ? top.reason().name()
            : top.reason() + ": " + FreeText.clip(withoutFinalStop(top.detail()), 120));
      }
      PodFinding worst = pods.worstWithCode();
      if (worst != null) {
        int others = pods.unhealthy() - 1;
        parts.add(worst.phrase() + (others > 0 ? " (and " + others + " more unhealthy " + (others == 1 ? "pod)" : "pods)") : ""));
      }
    }
    String sentence = parts.isEmpty() ? o.headline
        : o.headline + ": " + String.join("; ", parts.stream().map(HealthMessage::withoutFinalStop).toList());
    return redaction.clean(sentence, FreeText.SENTENCE);
  }

  /** Messages from Kubernetes often end in a full stop; the sentence goes on after them. */
  private static String withoutFinalStop(String text) {
    return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
  }
}
