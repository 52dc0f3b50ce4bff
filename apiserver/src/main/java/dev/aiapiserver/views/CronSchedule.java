package dev.aiapiserver.views;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A CronJob schedule as the CronJob controller reads it (robfig/cron's standard parser): five
 * fields (minute hour day-of-month month day-of-week) with lists, ranges, steps and names, the
 * descriptors @yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly and @every, and an
 * optional CRON_TZ= or TZ= prefix. Day-of-month and day-of-week match either when both are
 * restricted, both when one is "*".
 */
final class CronSchedule {
  private static final Map<String, String> DESCRIPTORS = Map.of(
      "@yearly", "0 0 1 1 *", "@annually", "0 0 1 1 *", "@monthly", "0 0 1 * *", "@weekly", "0 0 * * 0",
      "@daily", "0 0 * * *", "@midnight", "0 0 * * *", "@hourly", "0 * * * *");
  private static final List<String> MONTHS =
      List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
  private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");
  /** Looking further than this for a next run means the schedule never fires (e.g. Feb 30). */
  private static final int HORIZON_YEARS = 5;

  private final BitSet minutes;
  private final BitSet hours;
  private final BitSet daysOfMonth;
  private final BitSet months;
  private final BitSet daysOfWeek;
  private final boolean anyDayOfMonth;
  private final boolean anyDayOfWeek;
  private final Duration every;
  private final ZoneId zone;

  private CronSchedule(Field[] f, Duration every, ZoneId zone) {
    this.minutes = f == null ? null : f[0].bits;
    this.hours = f == null ? null : f[1].bits;
    this.daysOfMonth = f == null ? null : f[2].bits;
    this.months = f == null ? null : f[3].bits;
    this.daysOfWeek = f == null ? null : f[4].bits;
    this.anyDayOfMonth = f != null && f[2].star;
    this.anyDayOfWeek = f != null && f[4].star;
    this.every = every;
    this.zone = zone;
  }

  /** The schedule, or empty when it cannot be read (derivation then falls back to events). */
  static Optional<CronSchedule> parse(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      String spec = text.strip();
      ZoneId zone = null;
      if (spec.startsWith("CRON_TZ=") || spec.startsWith("TZ=")) {
        int space = spec.indexOf(' ');
        if (space < 0) {
          return Optional.empty();
        }
        zone = ZoneId.of(spec.substring(spec.indexOf('=') + 1, space));
        spec = spec.substring(space + 1).strip();
      }
      if (spec.startsWith("@every ")) {
        Duration every = GoDuration.parse(spec.substring(7).strip());
        return every.isZero() || every.isNegative() ? Optional.empty()
            : Optional.of(new CronSchedule(null, every, zone));
      }
      spec = DESCRIPTORS.getOrDefault(spec.toLowerCase(Locale.ROOT), spec);
      String[] parts = spec.split("\\s+");
      if (parts.length != 5) {
        return Optional.empty();
      }
      Field[] fields = {
          Field.parse(parts[0], 0, 59, List.of()),
          Field.parse(parts[1], 0, 23, List.of()),
          Field.parse(parts[2], 1, 31, List.of()),
          Field.parse(parts[3], 1, 12, MONTHS),
          Field.parse(parts[4], 0, 7, DAYS)};
      if (fields[4].bits.get(7)) {
        fields[4].bits.set(0);
      }
      return Optional.of(new CronSchedule(fields, null, zone));
    } catch (IllegalArgumentException | DateTimeException e) {
      return Optional.empty();
    }
  }

  /**
   * The first run strictly after the given instant, or null if none within five years.
   *
   * @param timeZone the CronJob's spec.timeZone, or null for UTC; a CRON_TZ prefix wins
   */
  Instant next(Instant after, ZoneId timeZone) {
    if (every != null) {
      return after.plus(every);
    }
    ZoneId z = zone != null ? zone : timeZone != null ? timeZone : ZoneOffset.UTC;
    ZonedDateTime t = after.atZone(z).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
    int lastYear = t.getYear() + HORIZON_YEARS;
    while (t.getYear() <= lastYear) {
      if (!months.get(t.getMonthValue())) {
        t = t.withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS).plusMonths(1);
      } else if (!dayMatches(t)) {
        t = t.truncatedTo(ChronoUnit.DAYS).plusDays(1);
      } else if (!hours.get(t.getHour())) {
        t = t.truncatedTo(ChronoUnit.HOURS).plusHours(1);
      } else if (!minutes.get(t.getMinute())) {
        t = t.plusMinutes(1);
      } else {
        return t.toInstant();
      }
    }
    return null;
  }

  private boolean dayMatches(ZonedDateTime t) {
    boolean dom = daysOfMonth.get(t.getDayOfMonth());
    boolean dow = daysOfWeek.get(t.getDayOfWeek().getValue() % 7);
    return anyDayOfMonth || anyDayOfWeek ? dom && dow : dom || dow;
  }

  /** One field: the values it allows, and whether it was a bare "*" or "?". */
  private record Field(BitSet bits, boolean star) {
    static Field parse(String text, int min, int max, List<String> names) {
      BitSet bits = new BitSet(max + 1);
      boolean star = false;
      for (String item : text.split(",", -1)) {
        String[] rangeStep = item.split("/", -1);
        if (rangeStep.length > 2) {
          throw new IllegalArgumentException("bad step: " + item);
        }
        String range = rangeStep[0];
        int low;
        int high;
        boolean itemStar = range.equals("*") || range.equals("?");
        if (itemStar) {
          low = min;
          high = max == 7 ? 6 : max;
        } else {
          String[] lowHigh = range.split("-", -1);
          if (lowHigh.length > 2) {
            throw new IllegalArgumentException("bad range: " + item);
          }
          low = value(lowHigh[0], names, min);
          high = lowHigh.length == 2 ? value(lowHigh[1], names, min) : low;
          if (lowHigh.length == 1 && rangeStep.length == 2) {
            high = max == 7 ? 6 : max; // "N/step" means "N-max/step"
          }
        }
        int step = rangeStep.length == 2 ? Integer.parseInt(rangeStep[1]) : 1;
        if (low < min || high > max || low > high || step < 1) {
          throw new IllegalArgumentException("out of range: " + item);
        }
        for (int v = low; v <= high; v += step) {
          bits.set(v);
        }
        star |= itemStar && step == 1;
      }
      return new Field(bits, star);
    }

    private static int value(String text, List<String> names, int min) {
      int named = names.indexOf(text.toUpperCase(Locale.ROOT));
      if (named >= 0) {
        return named + (names.size() == 12 ? 1 : 0);
      }
      return Integer.parseInt(text);
    }
  }
}
