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
    if (j.verdict() == Verdict.Healthy || j.verdict() == Verdict.Completed || j.verdict() == Verdict.Suspended) {
      return redaction.clean(o.headline, FreeText.SENTENCE);
    }
    Cause top = j.decidingCause() != null ? j.decidingCause()
        : o.causes.stream().min(Comparator.comparing(Cause::reason)).orElse(null);
    String detail = top == null || top.detail() == null ? null : withoutFinalStop(top.detail());
    PodFinding worst = pods.worstWithCode();
    int others = pods.unhealthy() - 1;
    String more = others > 0 ? " (and " + others + " more unhealthy " + (others == 1 ? "pod)" : "pods)") : "";
    int podQuote = worst == null || worst.quoted() == null ? 0 : worst.quoted().length();
    int causeQuote = detail == null ? 0 : Math.min(detail.length(), FreeText.ITEM);
    // Too long: shorten the pod's quoted message, then the cause's (each head … tail), so that
    // the sentence is never cut a second time in the middle of a quote.
    int over = sentence(o, top, detail, causeQuote, worst, podQuote, more).length() - FreeText.SENTENCE;
    if (over > 0 && podQuote > MIN_QUOTE) {
      int cut = Math.min(over, podQuote - MIN_QUOTE);
      podQuote -= cut;
      over -= cut;
    }
    if (over > 0 && causeQuote > MIN_QUOTE) {
      causeQuote -= Math.min(over, causeQuote - MIN_QUOTE);
    }
    return redaction.clean(sentence(o, top, detail, causeQuote, worst, podQuote, more), FreeText.SENTENCE);
  }

  private static String sentence(Observed o, Cause top, String detail, int causeQuote, PodFinding worst,
      int podQuote, String more) {
    List<String> parts = new ArrayList<>();
    if (top != null) {
      parts.add(detail == null ? top.reason().name() : top.reason() + ": " + FreeText.clip(detail, causeQuote));
    }
    if (worst != null) {
      parts.add(withoutFinalStop(worst.phrase(Math.max(podQuote, 1))) + more);
    }
    return parts.isEmpty() ? o.headline : o.headline + ": " + String.join("; ", parts);
  }

  /** Messages from Kubernetes often end in a full stop; the sentence goes on after them. */
  private static String withoutFinalStop(String text) {
    return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
  }
}
