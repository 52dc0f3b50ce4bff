package dev.aiapiserver.views;

import dev.aiapiserver.api.ClusterContext.Events;
import dev.aiapiserver.api.ClusterContext.ReasonCount;
import io.fabric8.kubernetes.api.model.Event;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Warning events last seen in the past hour: how many (counts summed) and the top reasons. */
final class WarningTally {
  static final Duration WINDOW = Duration.ofHours(1);
  static final int MAX_REASONS = 5;

  private WarningTally() {}

  static Events of(Collection<Event> events, Instant now) {
    Instant from = now.minus(WINDOW);
    Map<String, Integer> perReason = new HashMap<>();
    int total = 0;
    for (Event e : events) {
      if (e.getType() != null && !"Warning".equals(e.getType())) {
        continue;
      }
      if (EventDigest.lastSeen(e).isBefore(from)) {
        continue;
      }
      int count = EventDigest.count(e);
      total += count;
      perReason.merge(String.valueOf(e.getReason()), count, Integer::sum);
    }
    List<ReasonCount> top = perReason.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(MAX_REASONS)
        .map(e -> new ReasonCount(e.getKey(), e.getValue()))
        .toList();
    return new Events(total, top.isEmpty() ? null : top);
  }

}
