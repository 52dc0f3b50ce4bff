package dev.aiapiserver.views;

import dev.aiapiserver.api.WorkloadSummary.Autoscaler;
import dev.aiapiserver.api.WorkloadSummary.Related;
import dev.aiapiserver.api.WorkloadSummary.RelatedObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Objects besides pods, judged as causes of the workload's state: the claims its pending pods wait
 * for ({@link ClaimRules}), the quota or webhook behind a FailedCreate ({@link AdmissionRules}), its
 * autoscaler ({@link AutoscalerRules}), the disruption budgets over its pods
 * ({@link DisruptionBudgetRules}). Adds the causes to what was observed, and returns the facts the
 * summary shows.
 */
final class RelatedObjects {
  static final int MAX_LISTED = 5;

  private RelatedObjects() {}

  /** The summary's {@code autoscaler} and {@code related}. */
  record Judged(Autoscaler autoscaler, Related related) {}

  static Judged judge(WorkloadInputs in, Map<String, String> podLabels, Observed observed, Redaction redaction) {
    List<RelatedObject> items = new ArrayList<>();
    for (ClaimRules.Waiting w : ClaimRules.judge(in, redaction)) {
      observed.cause(w.cause());
      items.add(w.claim());
    }
    AdmissionRules.behind(List.copyOf(observed.causes), in, redaction).forEach(observed::cause);
    Autoscaler autoscaler = AutoscalerRules.judge(in, redaction).map(j -> {
      observed.cause(j.cause());
      return j.autoscaler();
    }).orElse(null);
    items.addAll(DisruptionBudgetRules.judge(in, podLabels));
    List<RelatedObject> listed = items.subList(0, Math.min(MAX_LISTED, items.size()));
    return new Judged(autoscaler, listed.isEmpty() ? null : new Related(List.copyOf(listed), items.size() - listed.size()));
  }
}
