package dev.aiapiserver.redact;

import java.util.List;

/**
 * Marks secret-shaped values in free text copied from the cluster — container and termination
 * messages, events, conditions, log lines — before the text enters any view: values of keys and
 * flags that name a secret, URL user-info, Authorization values, JWTs, PEM private keys and the
 * credential formats of gitleaks' rule set. The key stays visible ({@code --db-password=[redacted]})
 * so the message still says what was wrong.
 *
 * <p>Pure and thread-safe; time is linear in the length of the text (every expression runs on
 * re2j); never throws: should a rule ever fail, the whole text is withheld rather than shown.
 */
public final class SecretRedactor {
  /** What replaces a secret; the same mark the views use for the workload's own env values. */
  public static final String MARK = "[redacted]";

  private static final class Standard {
    static final SecretRedactor INSTANCE = new SecretRedactor(List.of(
        GitleaksRules.load(), TokenFormats.load(), new PrivateKeyBlocks(), new UrlCredentials(),
        new AuthorizationValues(), new KeyValues()));
  }

  private final List<Detector> detectors;

  private SecretRedactor(List<Detector> detectors) {
    this.detectors = detectors;
  }

  /** The redactor with the vendored rules, loaded once. */
  public static SecretRedactor standard() {
    return Standard.INSTANCE;
  }

  /** The text with every secret-shaped value replaced by {@link #MARK}; null stays null. */
  public String redact(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    try {
      String lower = asciiLower(text);
      Spans spans = new Spans();
      for (Detector d : detectors) {
        d.find(text, lower, spans);
      }
      return spans.applyTo(text, MARK);
    } catch (RuntimeException | StackOverflowError e) {
      return MARK;
    }
  }

  /** Lower case for ASCII letters only, so that indices into it are indices into the text. */
  private static String asciiLower(String text) {
    char[] chars = text.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      char c = chars[i];
      if (c >= 'A' && c <= 'Z') {
        chars[i] = (char) (c + 32);
      }
    }
    return new String(chars);
  }
}
