package dev.aiapiserver.redact;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Values given to a key that names a secret: {@code key=value}, {@code key: value},
 * {@code --flag=value}, {@code --flag value}, {@code "key":"value"} (also JSON quoted inside a
 * message, {@code \"key\":\"value\"}). Only the value is marked, so the message still says which
 * setting was wrong. Keys that only hint at a credential ({@code key}, {@code api}, {@code client},
 * {@code access}) count when their value looks random, as gitleaks' generic rule judges it.
 *
 * <p>A single forward scan: each key-like word is looked at once, so the time is linear.
 */
final class KeyValues implements Detector {
  /** Words that say something about a secret rather than being it: "(using password: YES)". */
  private static final Set<String> STATES = Set.of("yes", "no", "true", "false", "none", "null", "nil", "empty",
      "required", "missing", "invalid", "incorrect", "expired", "unset", "set");
  private static final java.util.regex.Pattern WORD = java.util.regex.Pattern.compile("[A-Z]?[a-z]+");
  /** Where an unquoted value ends: in query strings and connection strings these separate pairs. */
  private static final String STOPS = "\"'`,;&\\";
  /** Where a flag's unquoted value ends: the shell already split the command line at spaces. */
  private static final String FLAG_STOPS = "\"'`\\";
  /** Trailing punctuation that belongs to the sentence, not to the value. */
  private static final String TRAILING = ":.,)]}";
  private static final List<String> QUOTES = List.of("\\\"", "\\'", "\"", "'", "`");

  @Override
  public void find(String text, String lower, Spans out) {
    int n = text.length();
    int i = 0;
    while (i < n) {
      if (!isKeyChar(text.charAt(i)) || (i > 0 && isKeyChar(text.charAt(i - 1)))) {
        i++;
        continue;
      }
      int end = i;
      while (end < n && isKeyChar(text.charAt(end))) {
        end++;
      }
      i = Math.max(end, pair(text, i, end, out));
    }
  }

  private static boolean isKeyChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-'
        || c == '.';
  }

  /** Looks at the key text[ks, ke); marks its value if it has one and the key names a secret. */
  private static int pair(String text, int ks, int ke, Spans out) {
    int n = text.length();
    if (ks > 0 && text.charAt(ks - 1) == '/') {
      return ke; // a URL path segment (".../oauth2/token: 403"), not a key
    }
    boolean quotedKey = ks > 0 && (text.charAt(ks - 1) == '"' || text.charAt(ks - 1) == '\'');
    int p = ke;
    if (p < n && (text.charAt(p) == '"' || text.charAt(p) == '\'')) {
      quotedKey = true;
      p++;
    } else if (p + 1 < n && text.charAt(p) == '\\' && (text.charAt(p + 1) == '"' || text.charAt(p + 1) == '\'')) {
      quotedKey = true;
      p += 2;
    }
    int q = skipBlanks(text, p);
    boolean spaceBefore = q > p;
    char sep = q < n ? text.charAt(q) : 0;
    int dashes = 0;
    while (ks + dashes < ke && text.charAt(ks + dashes) == '-') {
      dashes++;
    }
    if (sep == '=' || sep == ':') {
      if (sep == ':' && text.startsWith("//", q + 1)) {
        return ke; // a URL scheme
      }
      q = skipBlanks(text, q + 1);
    } else if (spaceBefore && dashes > 0 && !quotedKey) {
      sep = ' ';
    } else {
      return ke;
    }
    String name = text.substring(ks + dashes, ke);
    boolean secretKey = SecretKeys.namesSecret(name);
    boolean hintKey = !secretKey && SecretKeys.hintsSecret(name);
    if (!secretKey && !hintKey) {
      return ke;
    }
    int[] value = value(text, q, dashes > 0 ? FLAG_STOPS : STOPS);
    if (value == null) {
      return ke;
    }
    String v = text.substring(value[0], value[1]);
    boolean quotedValue = value[2] == 1;
    if (v.equals(SecretRedactor.MARK)) {
      return value[1];
    }
    if (sep == ' ' && v.startsWith("-")) {
      return ke; // the next flag, not this flag's value
    }
    if (!quotedValue && (v.startsWith("{") || v.startsWith("[") || STATES.contains(v.toLowerCase(Locale.ROOT)))) {
      return ke; // a nested object (its own keys are looked at next), or a statement about the secret
    }
    if (sep == ':' && !quotedValue && WORD.matcher(v).matches() && !SecretKeys.namesPassword(name)) {
      // Prose after a colon: "failed to get token: serviceaccounts ...". Tokens and keys are never
      // plain words; passwords may be, so a password key's word value is still marked.
      return ke;
    }
    if (sep == ':' && quotedKey && spaceBefore && !quotedValue) {
      return ke; // the kubelet's `volume "db-token" : secret "db-token" not found`
    }
    if (hintKey && !Entropy.looksRandom(v)) {
      return ke;
    }
    out.add(value[0], value[1]);
    return value[1];
  }

  private static int skipBlanks(String text, int p) {
    while (p < text.length() && (text.charAt(p) == ' ' || text.charAt(p) == '\t')) {
      p++;
    }
    return p;
  }

  /** [start, end, quoted?1:0] of the value at position p, or null when there is none. */
  private static int[] value(String text, int p, String stops) {
    if (p >= text.length()) {
      return null;
    }
    for (String quote : QUOTES) {
      if (text.startsWith(quote, p)) {
        int start = p + quote.length();
        int close = text.indexOf(quote, start);
        int end = close >= 0 ? close : unquotedEnd(text, start, stops);
        return end > start ? new int[] {start, end, 1} : null;
      }
    }
    int end = unquotedEnd(text, p, stops);
    while (end > p + 1 && TRAILING.indexOf(text.charAt(end - 1)) >= 0) {
      end--;
    }
    return end > p ? new int[] {p, end, 0} : null;
  }

  private static int unquotedEnd(String text, int p, String stops) {
    int i = p;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || stops.indexOf(c) >= 0) {
        break;
      }
      i++;
    }
    return i;
  }
}
