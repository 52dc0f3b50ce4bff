package dev.aiapiserver;

import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;

/** The logging system, as far as the commands need it. */
public final class Logs {
  private Logs() {}

  /**
   * Writes out the lines still queued (log lines are written from a queue of their own, see
   * logback.xml) and stops logging: the last thing a command does before the process exits.
   */
  public static void flush() {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      context.stop();
    }
  }
}
