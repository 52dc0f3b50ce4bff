package dev.aiapiserver;

import dev.aiapiserver.config.DemoOptions;
import dev.aiapiserver.config.ServerOptions;

/** {@code ai-apiserver demo}: an embedded cluster and the server in front of it. */
final class DemoCommand {
  private DemoCommand() {}

  /** Runs until stopped (Ctrl-C or SIGTERM); returns the process exit code. */
  static int run(ServerOptions server, DemoOptions demo) {
    System.err.println("demo: not yet implemented");
    return 1;
  }
}
