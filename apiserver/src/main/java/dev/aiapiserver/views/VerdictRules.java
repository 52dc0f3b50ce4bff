package dev.aiapiserver.views;

import dev.aiapiserver.api.WorkloadSummary.Verdict;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The verdict rules of docs/verdicts.md, in the order they are tried; the first that matches wins.
 * Shared by every kind: each kind only says what it observed.
 */
final class VerdictRules {
  private VerdictRules() {}

  /** The verdict and the reasons shown with it, cause first. */
  record Judgement(Verdict verdict, List<Reason> reasons, Cause decidingCause) {
    List<String> reasonCodes() {
      return reasons.stream().map(Reason::name).toList();
    }
  }

  static Judgement judge(Observed o, PodEvidence pods) {
    if (o.unknownWhy != null) {
      return new Judgement(Verdict.Unknown, List.of(), null);
    }
    if (o.completed) {
      return new Judgement(Verdict.Completed, List.of(), null);
    }
    if (o.suspended) {
      return new Judgement(Verdict.Suspended, List.of(), null);
    }
    EnumSet<Reason> all = EnumSet.noneOf(Reason.class);
    o.causes.forEach(c -> all.add(c.reason()));
    all.addAll(pods.reasons());
    Cause terminal = o.causes.stream().filter(Cause::terminal)
        .min((a, b) -> a.reason().compareTo(b.reason())).orElse(null);
    if (terminal != null || o.failed) {
      return new Judgement(Verdict.Failing, withShortfall(all), terminal);
    }
    if (pods.allCrashLooping()) {
      return new Judgement(Verdict.Failing, List.copyOf(all), null);
    }
    boolean progressing = o.inProgress || (o.startingIsProgress && pods.anyStarting());
    if (progressing && !hasProblem(all)) {
      // Pods not ready yet are what a rollout looks like; they are not a reason.
      return new Judgement(Verdict.Progressing, List.of(), null);
    }
    if (o.desired > 0 && o.available == 0) {
      return new Judgement(Verdict.Failing, withShortfall(all), null);
    }
    if (!o.fullyReady() || !all.isEmpty()) {
      return new Judgement(Verdict.Degraded, withShortfall(all), null);
    }
    return new Judgement(Verdict.Healthy, List.of(), null);
  }

  private static boolean hasProblem(Set<Reason> reasons) {
    return reasons.stream().anyMatch(Reason::isProblem);
  }

  /** A shortfall with no reason found on any pod still gets a code, so REASON is never blank. */
  private static List<Reason> withShortfall(EnumSet<Reason> all) {
    if (all.isEmpty()) {
      return List.of(Reason.NotReady);
    }
    return List.copyOf(all);
  }
}
