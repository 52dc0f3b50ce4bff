package dev.aiapiserver.redact;

/** Whether a value reads as an ordinary word or name rather than as a credential. */
final class Words {
  private Words() {}

  /**
   * Letters only, at most one capital at the start, with '-' or '.' joining such parts
   * ("service-account", "kube-system"): credentials nearly always mix in digits or cases.
   */
  static boolean isWordLike(String value) {
    String v = value;
    while (v.endsWith("=")) {
      v = v.substring(0, v.length() - 1);
    }
    if (v.isEmpty()) {
      return true;
    }
    boolean partStart = true;
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c == '-' || c == '.' || c == '_') {
        partStart = true;
        continue;
      }
      if (c >= 'a' && c <= 'z') {
        partStart = false;
        continue;
      }
      if (c >= 'A' && c <= 'Z' && partStart) {
        partStart = false;
        continue;
      }
      return false;
    }
    return true;
  }
}
