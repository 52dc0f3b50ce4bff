package dev.aiapiserver.redact;

/**
 * User-info in URLs: {@code postgres://app:pw@db:5432} keeps the user and marks the password;
 * {@code https://TOKEN@host} (no colon) marks the whole user-info, since that is how tokens ride in
 * clone and registry URLs — unless it is a plain login such as {@code git@}.
 */
final class UrlCredentials implements Detector {
  /** Characters that end the authority before any '@' could make it user-info. */
  private static final String STOPS = "/?#@\"'`<>\\";

  @Override
  public void find(String text, String lower, Spans out) {
    int from = 0;
    int at;
    while ((at = text.indexOf("://", from)) >= 0) {
      from = at + 3;
      if (at == 0 || !Character.isLetter(text.charAt(at - 1))) {
        continue; // no scheme
      }
      int end = from;
      while (end < text.length() && !Character.isWhitespace(text.charAt(end))
          && STOPS.indexOf(text.charAt(end)) < 0) {
        end++;
      }
      if (end == from || end >= text.length() || text.charAt(end) != '@') {
        continue;
      }
      String info = text.substring(from, end);
      int colon = info.indexOf(':');
      if (colon >= 0) {
        out.add(from + colon + 1, end);
      } else if (!Words.isWordLike(info)) {
        out.add(from, end);
      }
      from = end;
    }
  }
}
