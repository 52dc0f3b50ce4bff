package dev.aiapiserver.request;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations written the way Kubernetes flags take them (Go's time.ParseDuration): a sequence of
 * decimal numbers with units, such as {@code 500ms}, {@code 10s}, {@code 1m30s}, {@code 1.5h}.
 */
public final class GoDuration {
  private static final Pattern PART =
      Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|μs|ms|s|m|h)");
  private static final Map<String, Long> NANOS_PER_UNIT =
      Map.of(
          "ns", 1L,
          "us", 1_000L,
          "µs", 1_000L,
          "μs", 1_000L,
          "ms", 1_000_000L,
          "s", 1_000_000_000L,
          "m", 60_000_000_000L,
          "h", 3_600_000_000_000L);

  private GoDuration() {}

  /**
   * @throws IllegalArgumentException if the text is not a Go duration
   */
  public static Duration parse(String text) {
    String rest = text;
    boolean negative = false;
    if (rest.startsWith("-") || rest.startsWith("+")) {
      negative = rest.startsWith("-");
      rest = rest.substring(1);
    }
    if (rest.equals("0")) {
      return Duration.ZERO;
    }
    Matcher part = PART.matcher(rest);
    BigDecimal nanos = BigDecimal.ZERO;
    int end = 0;
    while (end < rest.length() && part.find(end) && part.start() == end) {
      String number = part.group(1);
      BigDecimal amount = new BigDecimal(number.endsWith(".") ? number + "0" : number);
      nanos = nanos.add(amount.multiply(BigDecimal.valueOf(NANOS_PER_UNIT.get(part.group(2)))));
      end = part.end();
    }
    if (rest.isEmpty() || end != rest.length()) {
      throw new IllegalArgumentException(
          "not a duration (use a number with a unit: 500ms, 10s, 1m, 1h)");
    }
    Duration duration;
    try {
      duration = Duration.ofNanos(nanos.setScale(0, RoundingMode.DOWN).longValueExact());
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("duration out of range (at most about 292 years)");
    }
    return negative ? duration.negated() : duration;
  }

  /** The shortest exact form in the largest whole unit, e.g. 10s, 20ms, 8760h. */
  public static String format(Duration duration) {
    long nanos = duration.toNanos();
    if (nanos == 0) {
      return "0s";
    }
    for (String unit : new String[] {"h", "m", "s", "ms", "us"}) {
      long perUnit = NANOS_PER_UNIT.get(unit);
      if (nanos % perUnit == 0) {
        return nanos / perUnit + unit;
      }
    }
    return nanos + "ns";
  }
}
