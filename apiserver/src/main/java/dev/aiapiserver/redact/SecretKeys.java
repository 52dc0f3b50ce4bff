package dev.aiapiserver.redact;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Whether a key, flag or field name names a secret: {@code password}, {@code DB_PASSWORD},
 * {@code --db-password}, {@code client_secret}, {@code X-Api-Key}, {@code authToken}. Names that
 * only point at a secret ({@code secretName}, {@code password_file}, {@code tokenPath}) do not: their
 * values are names and paths an operator needs to see.
 */
final class SecretKeys {
  /** Found anywhere in the name once separators are dropped ("db-password" → "dbpassword"). */
  private static final List<String> CONTAINED = List.of("password", "passwd", "passphrase", "secret", "token",
      "apikey", "accesskey", "privatekey", "credential", "pwd");
  /** Whole words of the name only: "auth" but not "unauthorized", "pass" but not "bypass". */
  private static final Set<String> WORDS = Set.of("auth", "authorization", "pass", "pw", "creds", "cred",
      "authkey", "signature", "sig", "sessionid", "cookie");
  /** A last word that makes the value a reference to a secret, not the secret. */
  private static final Set<String> REFERENCES = Set.of("name", "names", "ref", "path", "file", "dir", "type",
      "ttl", "expiry", "expires", "expiration", "seconds", "length", "len", "count", "mode", "provider",
      "namespace", "url", "uri", "endpoint", "id");

  private SecretKeys() {}

  static boolean namesSecret(String rawKey) {
    List<String> words = words(rawKey);
    if (words.isEmpty()) {
      return false;
    }
    String last = words.get(words.size() - 1);
    if (REFERENCES.contains(last) && !(last.equals("id") && String.join("", words).contains("accesskey"))) {
      return false;
    }
    if (words.contains("ref") || words.contains("refs")) {
      return false; // secretKeyRef.key names the key of a Secret, it is not one
    }
    String joined = String.join("", words);
    if (joined.endsWith("pass") || joined.endsWith("pw")) {
      return true; // requirepass, dbpass, rootpw
    }
    for (String c : CONTAINED) {
      if (joined.contains(c)) {
        return true;
      }
    }
    for (String w : words) {
      if (WORDS.contains(w)) {
        return true;
      }
    }
    return false;
  }

  /** Words that only hint at a credential: their values count when they look random. */
  private static final Set<String> HINTS = Set.of("key", "api", "client", "access", "auth");

  /**
   * Whether the name hints at a credential without naming one ({@code key}, {@code api_key_id} is
   * not, {@code storage-key} is): gitleaks' generic rule keys, minus the ones {@link #namesSecret} takes.
   */
  static boolean hintsSecret(String rawKey) {
    List<String> words = words(rawKey);
    if (words.isEmpty() || REFERENCES.contains(words.get(words.size() - 1))) {
      return false;
    }
    for (String w : words) {
      if (HINTS.contains(w)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the name is a password's (whose values may be ordinary words, unlike tokens and keys). */
  static boolean namesPassword(String rawKey) {
    String joined = String.join("", words(rawKey));
    return joined.contains("password") || joined.contains("passwd") || joined.contains("passphrase")
        || joined.endsWith("pass") || joined.endsWith("pwd") || joined.endsWith("pw");
  }

  /** Lower-case words of a name split at '-', '_', '.' and camelCase humps. */
  static List<String> words(String key) {
    List<String> out = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      boolean hump = Character.isUpperCase(c) && i > 0 && Character.isLowerCase(key.charAt(i - 1));
      if (!Character.isLetterOrDigit(c) || hump) {
        flush(word, out);
      }
      if (Character.isLetterOrDigit(c)) {
        word.append(Character.toLowerCase(c));
      }
    }
    flush(word, out);
    return out;
  }

  private static void flush(StringBuilder word, List<String> out) {
    if (word.length() > 0) {
      out.add(word.toString().toLowerCase(Locale.ROOT));
      word.setLength(0);
    }
  }
}
