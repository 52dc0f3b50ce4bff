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
  /** The shortest a quoted pod message is cut to, so that it still says something. */
  private static final int MIN_QUOTE = 60;

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
            : top.reason() + ": " + FreeText.clip(withoutFinalStop(top.detail()), FreeText.ITEM));
      }
      PodFinding worst = pods.worstWithCode();
      if (worst != null) {
        int others = pods.unhealthy() - 1;
        String more = others > 0 ? " (and " + others + " more unhealthy " + (others == 1 ? "pod)" : "pods)") : "";
        String phrase = worst.phrase(Integer.MAX_VALUE) + more;
        int over = sentence(o, parts, phrase).length() - FreeText.SENTENCE;
        if (over > 0 && worst.message() != null) {
          // Shorten the pod's quoted message (head … tail) rather than cut the sentence a second time.
          phrase = worst.phrase(Math.max(MIN_QUOTE, worst.message().length() - over)) + more;
        }
        parts.add(phrase);
      }
    }
    return redaction.clean(sentence(o, parts, null), FreeText.SENTENCE);
  }

  private static String sentence(Observed o, List<String> parts, String extra) {
    List<String> all = new ArrayList<>(parts);
    if (extra != null) {
      all.add(extra);
    }
    return all.isEmpty() ? o.headline
        : o.headline + ": " + String.join("; ", all.stream().map(HealthMessage::withoutFinalStop).toList());
  }

  /** Messages from Kubernetes often end in a full stop; the sentence goes on after them. */
  private static String withoutFinalStop(String text) {
    return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
  }
}
