package dev.aiapiserver.views;

import dev.aiapiserver.api.WorkloadSummary.Events;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.ObjectReference;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Warning events about a workload, boiled down: one entry per reason and object (counts summed,
 * newest message kept), newest first, at most five, with the number left out.
 */
final class EventDigest {
  static final int MAX_LISTED = 5;

  private EventDigest() {}

  static Events of(List<Event> events, Redaction redaction) {
    Map<String, Group> groups = new LinkedHashMap<>();
    for (Event e : events) {
      if (e.getType() != null && !"Warning".equals(e.getType())) {
        continue;
      }
      String object = object(e.getInvolvedObject());
      groups.computeIfAbsent(e.getReason() + "\u0000" + object, k -> new Group(e.getReason(), object)).add(e);
    }
    if (groups.isEmpty()) {
      return null;
    }
    List<Group> sorted = new ArrayList<>(groups.values());
    sorted.sort(Comparator.comparing((Group g) -> g.lastSeen).reversed()
        .thenComparing(Comparator.comparingInt((Group g) -> g.count).reversed())
        .thenComparing(g -> String.valueOf(g.reason))
        .thenComparing(g -> g.object));
    List<Group> listed = sorted.subList(0, Math.min(MAX_LISTED, sorted.size()));
    return new Events(listed.stream().map(g -> g.toEvent(redaction)).toList(), sorted.size() - listed.size());
  }

  /** When an event last occurred, whichever of the event's several time fields is set. */
  static Instant lastSeen(Event e) {
    Instant t = Rfc3339.parse(e.getLastTimestamp());
    if (t == null && e.getSeries() != null && e.getSeries().getLastObservedTime() != null) {
      t = Rfc3339.parse(e.getSeries().getLastObservedTime().getTime());
    }
    if (t == null && e.getEventTime() != null) {
      t = Rfc3339.parse(e.getEventTime().getTime());
    }
    if (t == null) {
      t = Rfc3339.parse(e.getFirstTimestamp());
    }
    if (t == null && e.getMetadata() != null) {
      t = Rfc3339.parse(e.getMetadata().getCreationTimestamp());
    }
    return t == null ? Instant.EPOCH : t;
  }

  /** How many times an event occurred. */
  static int count(Event e) {
    if (e.getSeries() != null && e.getSeries().getCount() != null) {
      return Math.max(1, e.getSeries().getCount());
    }
    return e.getCount() == null ? 1 : Math.max(1, e.getCount());
  }

  static String object(ObjectReference ref) {
    return ref == null ? "" : ref.getKind() + "/" + ref.getName();
  }

  private static final class Group {
    final String reason;
    final String object;
    int count;
    Instant lastSeen = Instant.MIN;
    String message;

    Group(String reason, String object) {
      this.reason = reason;
      this.object = object;
    }

    void add(Event e) {
      count += count(e);
      Instant seen = lastSeen(e);
      // Ties go to the smaller message, so that the digest does not depend on cache order.
      boolean newer = seen.isAfter(lastSeen);
      boolean tie = seen.equals(lastSeen) && e.getMessage() != null
          && (message == null || e.getMessage().compareTo(message) < 0);
      if (newer || tie) {
        message = e.getMessage();
      }
      if (seen.isAfter(lastSeen)) {
        lastSeen = seen;
      }
    }

    dev.aiapiserver.api.WorkloadSummary.Event toEvent(Redaction redaction) {
      return new dev.aiapiserver.api.WorkloadSummary.Event(reason, redaction.clean(message, FreeText.ITEM), count,
          lastSeen.equals(Instant.EPOCH) ? null : Rfc3339.format(lastSeen), object);
    }
  }
}
