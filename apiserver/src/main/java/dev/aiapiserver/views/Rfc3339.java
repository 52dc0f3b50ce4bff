package dev.aiapiserver.views;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** Kubernetes timestamps: parsed leniently, written in whole seconds, UTC. */
final class Rfc3339 {
  private Rfc3339() {}

  /** The instant, or null when absent or unreadable (a bad timestamp must not fail a view). */
  static Instant parse(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  static String format(Instant instant) {
    return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  /** Normalizes a timestamp to whole seconds in UTC; returns unreadable input unchanged. */
  static String normalize(String text) {
    Instant instant = parse(text);
    return instant == null ? text : format(instant);
  }
}
