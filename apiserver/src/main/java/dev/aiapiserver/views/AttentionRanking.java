package dev.aiapiserver.views;

import dev.aiapiserver.api.ClusterContext.Attention;
import dev.aiapiserver.api.ClusterContext.AttentionItem;
import dev.aiapiserver.api.WorkloadSummary;
import dev.aiapiserver.api.WorkloadSummary.Verdict;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The workloads most in need of attention across the cluster: Failing, then Degraded, then
 * Unknown; within a verdict, by the severity of the first reason, then by restarts, then by name.
 * Progressing, Suspended, Completed and Healthy workloads need none.
 */
final class AttentionRanking {
  static final int MAX_LISTED = 10;
  private static final Set<Verdict> NEEDS_ATTENTION = Set.of(Verdict.Failing, Verdict.Degraded, Verdict.Unknown);

  static final Comparator<WorkloadSummary> WORST_FIRST =
      Comparator.comparingInt((WorkloadSummary s) -> s.health().verdict().ordinal())
          .thenComparingInt(AttentionRanking::firstReasonRank)
          .thenComparing(Comparator.comparingInt(AttentionRanking::restarts).reversed())
          .thenComparing(s -> String.valueOf(s.metadata().namespace()))
          .thenComparing(s -> s.metadata().name());

  private AttentionRanking() {}

  static Attention of(Collection<WorkloadSummary> summaries) {
    List<WorkloadSummary> needy = summaries.stream()
        .filter(s -> s.health() != null && s.health().verdict() != null && NEEDS_ATTENTION.contains(s.health().verdict()))
        .sorted(WORST_FIRST)
        .toList();
    List<AttentionItem> items = needy.stream()
        .limit(MAX_LISTED)
        .map(s -> new AttentionItem(s.metadata().namespace(), s.metadata().name(), s.health().verdict().name(),
            firstReason(s), s.health().message()))
        .toList();
    return new Attention(items, needy.size() - items.size());
  }

  private static String firstReason(WorkloadSummary s) {
    List<String> reasons = s.health().reasons();
    return reasons == null || reasons.isEmpty() ? null : reasons.get(0);
  }

  private static int firstReasonRank(WorkloadSummary s) {
    String first = firstReason(s);
    if (first == null) {
      return Reason.values().length;
    }
    try {
      return Reason.valueOf(first).ordinal();
    } catch (IllegalArgumentException e) {
      return Reason.values().length;
    }
  }

  private static int restarts(WorkloadSummary s) {
    return s.pods() == null ? 0 : s.pods().restarts();
  }
}
