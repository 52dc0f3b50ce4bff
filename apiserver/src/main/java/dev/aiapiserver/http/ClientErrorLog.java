package dev.aiapiserver.http;

import org.slf4j.Logger;

/**
 * Lines about requests the client got wrong (a malformed URL, refused credentials, a header list
 * too long): one line each, never a stack trace, and at most {@link #PER_SECOND} a second, because
 * any client can send them as fast as it likes. Lines over the budget are counted and the count is
 * reported ({@code suppressed=N}) on the next line written, so the log says that more happened.
 */
public final class ClientErrorLog {
  static final int PER_SECOND = 20;

  private final Logger log;
  private final LogBudget budget = new LogBudget(PER_SECOND);

  public ClientErrorLog(Logger log) {
    this.log = log;
  }

  /** Logs {@code event=<event> <fields>} at INFO, within the budget. Client values go through {@link #clean}. */
  public void info(String event, String fields) {
    if (!log.isInfoEnabled() || !budget.tryAcquire()) {
      return;
    }
    long dropped = budget.takeSuppressed();
    log.info(dropped == 0 ? "event={} {}" : "event={} {} suppressed=" + dropped, event, fields);
  }

  /** A client-supplied value fit for one log line: quoted, control characters replaced, at most 200 characters. */
  public static String clean(String value) {
    if (value == null) {
      return "\"\"";
    }
    String cut = value.length() > 200 ? value.substring(0, 200) + "..." : value;
    StringBuilder out = new StringBuilder(cut.length() + 2).append('"');
    cut.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) || c == '"' ? '?' : c));
    return out.append('"').toString();
  }
}
