package dev.aiapiserver.evidence;

import dev.aiapiserver.api.WorkloadEvidence.Event;
import dev.aiapiserver.api.WorkloadEvidence.Events;
import io.fabric8.kubernetes.api.model.ObjectReference;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The workload's recent Warning events with their messages in full (as the cache keeps them, up
 * to 1024 characters, redacted): one per reason and object (the newest message, counts summed),
 * newest first, at most {@link #MAX} and {@link #MAX_BYTES} of text. Pure.
 */
final class WarningEvents {
  static final int MAX = 8;
  static final int MAX_BYTES = 4096;
  static final int MAX_MESSAGE = 1024;

  private WarningEvents() {}

  static Events of(List<io.fabric8.kubernetes.api.model.Event> events) {
    Map<String, List<io.fabric8.kubernetes.api.model.Event>> groups = new LinkedHashMap<>();
    for (io.fabric8.kubernetes.api.model.Event e : events) {
      if (e.getType() != null && !"Warning".equals(e.getType())) {
        continue;
      }
      groups.computeIfAbsent(e.getReason() + "\u0000" + object(e.getInvolvedObject()), k -> new ArrayList<>()).add(e);
    }
    List<Event> all = new ArrayList<>();
    for (List<io.fabric8.kubernetes.api.model.Event> group : groups.values()) {
      group.sort(Comparator.comparing(WarningEvents::lastSeen).reversed());
      io.fabric8.kubernetes.api.model.Event newest = group.get(0);
      int count = 0;
      Instant first = lastSeen(newest);
      for (io.fabric8.kubernetes.api.model.Event e : group) {
        count += count(e);
        Instant f = firstSeen(e);
        first = f.isBefore(first) ? f : first;
      }
      all.add(new Event(newest.getReason(), ClusterText.bounded(newest.getMessage(), MAX_MESSAGE), count,
          time(first), time(lastSeen(newest)), object(newest.getInvolvedObject()), reporter(newest)));
    }
    if (all.isEmpty()) {
      return null;
    }
    all.sort(Comparator.comparing(Event::lastSeen, Comparator.nullsFirst(Comparator.naturalOrder())).reversed()
        .thenComparing(Event::reason, Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(Event::object));
    List<Event> kept = Budget.within(all, MAX, MAX_BYTES);
    return new Events(kept, all.size() - kept.size());
  }

  /** When it last occurred, whichever of core/v1's and events.k8s.io/v1's time fields is set. */
  static Instant lastSeen(io.fabric8.kubernetes.api.model.Event e) {
    Instant t = parse(e.getLastTimestamp());
    if (t == null && e.getSeries() != null && e.getSeries().getLastObservedTime() != null) {
      t = parse(e.getSeries().getLastObservedTime().getTime());
    }
    if (t == null && e.getEventTime() != null) {
      t = parse(e.getEventTime().getTime());
    }
    return t != null ? t : firstSeen(e);
  }

  private static Instant firstSeen(io.fabric8.kubernetes.api.model.Event e) {
    Instant t = parse(e.getFirstTimestamp());
    if (t == null && e.getEventTime() != null) {
      t = parse(e.getEventTime().getTime());
    }
    if (t == null && e.getMetadata() != null) {
      t = parse(e.getMetadata().getCreationTimestamp());
    }
    return t == null ? Instant.EPOCH : t;
  }

  // core/v1 counts; events.k8s.io/v1 has a series (the first occurrence is not in series.count)
  private static int count(io.fabric8.kubernetes.api.model.Event e) {
    if (e.getSeries() != null && e.getSeries().getCount() != null) {
      return Math.max(1, e.getSeries().getCount());
    }
    return e.getCount() == null || e.getCount() < 1 ? 1 : e.getCount();
  }

  private static String reporter(io.fabric8.kubernetes.api.model.Event e) {
    if (e.getReportingComponent() != null && !e.getReportingComponent().isEmpty()) {
      return e.getReportingComponent();
    }
    return e.getSource() == null ? null : e.getSource().getComponent();
  }

  private static String object(ObjectReference ref) {
    return ref == null ? "" : ref.getKind() + "/" + ref.getName();
  }

  private static String time(Instant t) {
    return Instant.EPOCH.equals(t) ? null : t.toString();
  }

  private static Instant parse(String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    try {
      return java.time.OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
