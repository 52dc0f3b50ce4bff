package dev.aiapiserver.bench;

/**
 * Benchmarks keep the console for their tables: the mock web server logs every request at INFO
 * through java.util.logging, which logback-test.xml does not reach.
 */
final class QuietLogs {
  /** java.util.logging holds loggers weakly: a level set on one that is collected is lost. */
  private static final java.util.logging.Logger MOCK = java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");

  private QuietLogs() {}

  static void apply() {
    MOCK.setLevel(java.util.logging.Level.WARNING);
  }
}
