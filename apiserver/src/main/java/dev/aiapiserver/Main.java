package dev.aiapiserver;

import dev.aiapiserver.config.Command;
import dev.aiapiserver.config.CommandLine;
import dev.aiapiserver.config.UsageException;
import java.io.PrintStream;

/** Entry point: {@code ai-apiserver serve|certs [flags]}. */
public final class Main {
  /** Exit code for a command line that cannot be used, as Go's flag package uses. */
  static final int USAGE_ERROR = 2;

  private Main() {}

  public static void main(String[] args) {
    int code = run(args, System.out, System.err);
    Logs.flush();
    System.exit(code);
  }

  /** Runs the command and returns the process exit code; serve returns when stopped. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    Command command;
    try {
      command = CommandLine.parse(args);
    } catch (UsageException e) {
      err.println("error: " + e.getMessage());
      err.println("Run '" + CommandLine.PROGRAM + " --help' for usage.");
      return USAGE_ERROR;
    }
    if (command instanceof Command.Help help) {
      out.print(help.text());
      return 0;
    }
    if (command instanceof Command.Certs certs) {
      return CertsCommand.run(certs.options(), out, err);
    }
    return ServeCommand.run(((Command.Serve) command).options());
  }
}
