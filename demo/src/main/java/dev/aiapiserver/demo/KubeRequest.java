package dev.aiapiserver.demo;

import java.util.Locale;

/** Which request paths the front door accepts at all (what they ask for: RequestAttributes.resolve). */
final class KubeRequest {
  private KubeRequest() {}

  /**
   * Paths with dot segments, empty segments or encoded separators are refused: the one reviewed
   * must be the one forwarded.
   */
  static boolean isClean(String path) {
    if (path == null || !path.startsWith("/")) {
      return false;
    }
    String lower = path.toLowerCase(Locale.ROOT);
    if (lower.contains("%2e") || lower.contains("%2f") || lower.contains("%5c")
        || lower.contains("//") || lower.contains("\\")) {
      return false;
    }
    for (String segment : path.split("/")) {
      if (segment.equals(".") || segment.equals("..")) {
        return false;
      }
    }
    return true;
  }

}
