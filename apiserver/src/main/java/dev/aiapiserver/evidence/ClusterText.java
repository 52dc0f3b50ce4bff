package dev.aiapiserver.evidence;

import java.util.regex.Pattern;

/**
 * The one door every text copied from the cluster into evidence goes through (log lines, event and
 * pod messages): secret-shaped values redacted first, then cut, because cutting first could leave
 * half a secret behind.
 */
final class ClusterText {
  static final String MARK = "[redacted]";
  /** Interim rules until the shared redactor (package redact) is on main: key=value and bearer tokens. */
  private static final Pattern KEYED = Pattern.compile(
      "(?i)((?:password|passwd|pwd|secret|token|api[_-]?key|access[_-]?key|client[_-]?secret)[\"']?\\s*[=:]\\s*[\"']?)"
          + "[^\\s\"',;&]{4,}");
  private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[A-Za-z0-9._~+/=-]{8,}");
  private static final Pattern URL_PASSWORD = Pattern.compile("(://[^/\\s:@]+:)[^/\\s@]+@");

  private ClusterText() {}

  /** The text with every secret-shaped value replaced by [redacted]; null stays null. */
  static String redact(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String out = KEYED.matcher(text).replaceAll("$1" + MARK);
    out = BEARER.matcher(out).replaceAll("$1" + MARK);
    return URL_PASSWORD.matcher(out).replaceAll("$1" + MARK + "@");
  }

  /** Redacted, then cut to at most max characters (the cut marked with an ellipsis). */
  static String bounded(String text, int max) {
    String clean = redact(text);
    if (clean == null || clean.length() <= max) {
      return clean;
    }
    return clean.substring(0, max - 1) + "…";
  }
}
