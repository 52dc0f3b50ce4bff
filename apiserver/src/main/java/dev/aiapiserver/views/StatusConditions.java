package dev.aiapiserver.views;

import dev.aiapiserver.api.WorkloadSummary.Condition;
import java.util.List;
import java.util.function.Function;

/** Copies a workload's status conditions into the summary, messages scrubbed and clipped. */
final class StatusConditions {
  static final int MAX_LISTED = 5;

  private StatusConditions() {}

  /** The reading of one fabric8 condition type (they share no interface). */
  record Fields<C>(Function<C, String> type, Function<C, String> status, Function<C, String> reason,
      Function<C, String> message, Function<C, String> lastTransitionTime) {}

  static <C> List<Condition> of(List<C> conditions, Fields<C> f, Redaction redaction) {
    if (conditions == null || conditions.isEmpty()) {
      return null;
    }
    return conditions.stream()
        .limit(MAX_LISTED)
        .map(c -> new Condition(f.type().apply(c), f.status().apply(c), f.reason().apply(c),
            redaction.clean(f.message().apply(c), FreeText.CONDITION), Rfc3339.normalize(f.lastTransitionTime().apply(c))))
        .toList();
  }
}
