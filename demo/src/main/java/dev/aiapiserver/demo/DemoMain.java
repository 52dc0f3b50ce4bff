package dev.aiapiserver.demo;

import dev.aiapiserver.Logs;
import dev.aiapiserver.config.UsageException;
import java.io.PrintStream;

/** Entry point of the demo jar: {@code java -jar demo/target/ai-apiserver-demo.jar [flags]}. */
public final class DemoMain {
  /** Exit code for a command line that cannot be used, as Go's flag package uses. */
  static final int USAGE_ERROR = 2;

  private DemoMain() {}

  public static void main(String[] args) {
    int code = run(args, System.out, System.err);
    Logs.flush();
    System.exit(code);
  }

  /** Runs the demo and returns the process exit code; returns when stopped. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    if (DemoCommandLine.asksForHelp(args)) {
      out.print(DemoCommandLine.help());
      return 0;
    }
    DemoCommandLine command;
    try {
      command = DemoCommandLine.parse(args);
    } catch (UsageException e) {
      err.println("error: " + e.getMessage());
      err.println("Run '" + DemoCommandLine.PROGRAM + " --help' for usage.");
      return USAGE_ERROR;
    }
    return DemoCommand.run(command.server(), command.demo(), err);
  }
}
