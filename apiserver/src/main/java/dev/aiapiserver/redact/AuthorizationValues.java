package dev.aiapiserver.redact;

import java.util.List;

/**
 * Credentials after an HTTP authentication scheme ({@code Authorization: Bearer …}, {@code Basic …},
 * {@code token …}), wherever they are quoted. Prose uses the same words ("invalid bearer token"),
 * so a value counts only when it does not read as a word.
 */
final class AuthorizationValues implements Detector {
  private static final List<String> SCHEMES = List.of("bearer", "basic", "token", "digest", "negotiate", "apikey",
      "api-key");

  @Override
  public void find(String text, String lower, Spans out) {
    for (String scheme : SCHEMES) {
      int from = 0;
      int at;
      while ((at = lower.indexOf(scheme, from)) >= 0) {
        from = at + scheme.length();
        if (at > 0 && Character.isLetterOrDigit(text.charAt(at - 1))) {
          continue;
        }
        int start = from;
        while (start < text.length() && (text.charAt(start) == ' ' || text.charAt(start) == '\t')) {
          start++;
        }
        if (start == from) {
          continue;
        }
        int end = start;
        while (end < text.length() && isTokenChar(text.charAt(end))) {
          end++;
        }
        while (end < text.length() && text.charAt(end) == '=') {
          end++;
        }
        if (end - start >= 6 && !Words.isWordLike(text.substring(start, end))) {
          out.add(start, end);
          from = end;
        }
      }
    }
  }

  /** RFC 7235 token68 characters. */
  private static boolean isTokenChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_'
        || c == '~' || c == '+' || c == '/' || c == '-';
  }
}
