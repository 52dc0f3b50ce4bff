package dev.aiapiserver.config;

import java.util.Arrays;
import java.util.List;

/** Turns the program arguments into a {@link Command}: {@code ai-apiserver <command> [flags]}. */
public final class CommandLine {
  public static final String PROGRAM = "ai-apiserver";

  private static final String OVERVIEW =
      PROGRAM
          + " is a Kubernetes aggregated API server for ai.k8s.io/v1alpha1: compact,\n"
          + "read-only, RBAC-checked views of workloads (WorkloadSummary) and of the cluster\n"
          + "(ClusterContext).\n"
          + "\n"
          + "Usage: "
          + PROGRAM
          + " <command> [flags]\n"
          + "\n"
          + "Commands:\n"
          + "  serve   Serve the views of a real cluster (--kubeconfig or the in-cluster config).\n"
          + "  certs   Write a CA, a serving certificate, their Secret and the APIService caBundle"
          + " patch.\n"
          + "  help    Show the help of a command: "
          + PROGRAM
          + " help <command>.\n"
          + "\n"
          + "Run '"
          + PROGRAM
          + " <command> --help' for the flags of a command.\n";

  private static final String COMMANDS = "serve, certs";

  private CommandLine() {}

  /**
   * @throws UsageException for an unknown command or flag, a missing value or a bad value
   */
  public static Command parse(String... args) {
    if (args.length == 0) {
      throw new UsageException("no command given; expected one of " + COMMANDS);
    }
    String command = args[0];
    List<String> rest = Arrays.asList(args).subList(1, args.length);
    switch (command) {
      case "-h", "--help" -> {
        return new Command.Help(OVERVIEW);
      }
      case "help" -> {
        if (rest.isEmpty()) {
          return new Command.Help(OVERVIEW);
        }
        if (rest.size() > 1) {
          throw new UsageException("help takes one command, got " + String.join(" ", rest));
        }
        return new Command.Help(flagsOf(rest.get(0)).help());
      }
      default -> {
        if (command.startsWith("-")) {
          throw new UsageException(
              "expected a command before the flags, got " + command + "; commands: " + COMMANDS);
        }
      }
    }
    FlagSet flags = flagsOf(command);
    if (FlagSet.asksForHelp(rest)) {
      return new Command.Help(flags.help());
    }
    ParsedFlags parsed = flags.parse(rest);
    return switch (command) {
      case "serve" ->
          new Command.Serve(ServerFlags.read(parsed, ServerOptions.DEFAULT_BIND_ADDRESS));
      default -> new Command.Certs(CertsOptions.read(parsed));
    };
  }

  static FlagSet flagsOf(String command) {
    return switch (command) {
      case "serve" ->
          ServerFlags.define(
              new FlagSet(
                  PROGRAM + " serve [flags]",
                  "Serves the ai.k8s.io views of a real cluster over TLS, behind kube-apiserver as"
                      + " an aggregated API server, with delegated authentication and"
                      + " authorization."),
              ServerOptions.DEFAULT_BIND_ADDRESS,
              false);
      case "certs" ->
          CertsOptions.define(
              new FlagSet(
                  PROGRAM + " certs --out DIR [flags]",
                  "Writes a new CA and a serving certificate for the Service the APIService points"
                      + " at: ca.crt, ca.key, tls.crt, tls.key, secret.yaml (Secret"
                      + " ai-apiserver-tls) and apiservice-patch.yaml (the APIService caBundle)."));
      default ->
          throw new UsageException(
              "unknown command \"" + command + "\"; expected one of " + COMMANDS);
    };
  }
}
