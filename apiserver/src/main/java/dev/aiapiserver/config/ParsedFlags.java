package dev.aiapiserver.config;

import dev.aiapiserver.request.GoDuration;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The flags given on one command line, read as typed values. A value that does not convert is a
 * {@link UsageException} naming the flag; a flag not given yields the caller's default.
 */
public final class ParsedFlags {
  private final Map<String, FlagSet.Flag> defined;
  private final Map<String, List<String>> given;

  ParsedFlags(Map<String, FlagSet.Flag> defined, Map<String, List<String>> given) {
    this.defined = defined;
    this.given = given;
  }

  public boolean isSet(String name) {
    return given.containsKey(name);
  }

  public Optional<String> string(String name) {
    return raw(name).map(value -> nonEmpty(name, value));
  }

  public String string(String name, String defaultValue) {
    return string(name).orElse(defaultValue);
  }

  public Optional<Path> path(String name) {
    return string(name).map(value -> convert(name, value, "a file path", Path::of));
  }

  public int integer(String name, int defaultValue, int min, int max) {
    return raw(name)
        .map(
            value ->
                convert(
                    name,
                    value,
                    "an integer from " + min + " to " + max,
                    text -> inRange(Integer.parseInt(text.trim()), min, max)))
        .orElse(defaultValue);
  }

  public long longInteger(String name, long defaultValue, long min) {
    return raw(name)
        .map(
            value ->
                convert(
                    name,
                    value,
                    "an integer of at least " + min,
                    text -> inRange(Long.parseLong(text.trim()), min, Long.MAX_VALUE)))
        .orElse(defaultValue);
  }

  /** A non-negative duration such as 500ms, 10s or 1h; {@code allowZero} false demands more. */
  public Duration duration(String name, Duration defaultValue, boolean allowZero) {
    String expected = allowZero ? "a duration such as 500ms, 10s or 1h" : "a positive duration";
    return raw(name)
        .map(
            value ->
                convert(
                    name,
                    value,
                    expected,
                    text -> {
                      Duration duration = GoDuration.parse(text.trim());
                      if (duration.isNegative() || (!allowZero && duration.isZero())) {
                        throw new IllegalArgumentException();
                      }
                      return duration;
                    }))
        .orElse(defaultValue);
  }

  /** Go's strconv.ParseBool spellings, as pflag accepts them. */
  public boolean toggle(String name) {
    return raw(name)
        .map(
            value ->
                switch (value) {
                  case "1", "t", "T", "true", "TRUE", "True" -> true;
                  case "0", "f", "F", "false", "FALSE", "False" -> false;
                  default -> throw invalid(name, value, "true or false");
                })
        .orElse(false);
  }

  /**
   * All comma-separated values of a list flag, in order, over every time it was given. Present
   * (possibly empty, as {@code --flag=}) when the flag was given, so an explicit empty list is
   * distinguishable from "not given".
   */
  public Optional<List<String>> list(String name) {
    List<String> values = given.get(name);
    if (values == null) {
      return Optional.empty();
    }
    List<String> items = new ArrayList<>();
    for (String value : values) {
      for (String item : value.split(",")) {
        if (!item.isBlank()) {
          items.add(item.trim());
        }
      }
    }
    return Optional.of(List.copyOf(items));
  }

  public List<String> list(String name, List<String> defaultValue) {
    return list(name).orElse(defaultValue);
  }

  /** An error about a value that converted but does not fit with the rest, e.g. a missing pair. */
  public UsageException invalid(String name, String value, String expected) {
    return new UsageException(
        "invalid value \"" + value + "\" for flag " + display(name) + ": expected " + expected);
  }

  public String display(String name) {
    FlagSet.Flag flag = defined.get(name);
    return flag == null ? "--" + name : flag.display();
  }

  private Optional<String> raw(String name) {
    List<String> values = given.get(name);
    return values == null ? Optional.empty() : Optional.of(values.get(values.size() - 1));
  }

  private String nonEmpty(String name, String value) {
    if (value.isBlank()) {
      throw new UsageException("flag " + display(name) + " needs a non-empty value");
    }
    return value;
  }

  private <T> T convert(String name, String value, String expected, Function<String, T> parse) {
    try {
      return parse.apply(value);
    } catch (RuntimeException e) {
      throw invalid(name, value, expected);
    }
  }

  private static <N extends Comparable<N>> N inRange(N value, N min, N max) {
    if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw new IllegalArgumentException();
    }
    return value;
  }
}
