package dev.aiapiserver.mcp;

/** Caller-controlled text in a key=value log line: no quotes or control characters, bounded. */
final class LogText {
  private LogText() {}

  static String clean(String value) {
    if (value == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(Math.min(value.length(), 200));
    for (int i = 0; i < value.length() && out.length() < 200; i++) {
      char c = value.charAt(i);
      out.append(c == '"' || c == '\\' || Character.isISOControl(c) ? '_' : c);
    }
    return out.toString();
  }
}
