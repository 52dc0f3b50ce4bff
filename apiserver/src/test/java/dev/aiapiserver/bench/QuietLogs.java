package dev.aiapiserver.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/**
 * Benchmarks keep the console for their tables: the mock logs every object it matches at DEBUG
 * and every connection at INFO, which at 10k pods costs more time than what is measured.
 */
final class QuietLogs {
  /** java.util.logging holds loggers weakly: a level set on one that is collected is lost. */
  private static final java.util.logging.Logger MOCK = java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");

  private QuietLogs() {}

  static void apply() {
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
    MOCK.setLevel(java.util.logging.Level.WARNING);
  }
}
