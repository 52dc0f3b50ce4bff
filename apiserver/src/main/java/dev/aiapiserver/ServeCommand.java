package dev.aiapiserver;

import dev.aiapiserver.config.ServerOptions;

/** {@code ai-apiserver serve}: serves the views of a real cluster. */
final class ServeCommand {
  private ServeCommand() {}

  /** Runs until the server stops; returns the process exit code. */
  static int run(ServerOptions options) {
    System.err.println("serve: not yet implemented");
    return 1;
  }
}
