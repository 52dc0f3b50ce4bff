package dev.aiapiserver.redact;

import java.util.HashMap;
import java.util.Map;

/** Shannon entropy in bits per character, as gitleaks computes it for its entropy floors. */
final class Entropy {
  private Entropy() {}

  static double shannon(String s) {
    if (s.isEmpty()) {
      return 0;
    }
    Map<Integer, Integer> counts = new HashMap<>();
    int total = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      counts.merge(cp, 1, Integer::sum);
      total++;
      i += Character.charCount(cp);
    }
    double bits = 0;
    for (int n : counts.values()) {
      double p = (double) n / total;
      bits -= p * (Math.log(p) / Math.log(2));
    }
    return bits;
  }

  /** gitleaks' test for its generic rule: 10+ characters, more than 3.5 bits each, and a digit. */
  static boolean looksRandom(String value) {
    return value.length() >= 10 && shannon(value) > 3.5 && value.chars().anyMatch(Character::isDigit);
  }
}
