package dev.aiapiserver.evidence;

import dev.aiapiserver.redact.SecretRedactor;

/**
 * The one door every text copied from the cluster into evidence goes through (log lines, event and
 * pod messages): secret-shaped values redacted first, by the same redactor as the views' messages,
 * then cut, because cutting first could leave half a secret behind.
 */
final class ClusterText {
  static final String MARK = SecretRedactor.MARK;
  private static final SecretRedactor REDACTOR = SecretRedactor.standard();

  private ClusterText() {}

  /** The text with every secret-shaped value replaced by [redacted]; null stays null. */
  static String redact(String text) {
    return text == null || text.isEmpty() ? text : REDACTOR.redact(text);
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
