package dev.aiapiserver.demo;

import dev.aiapiserver.config.FlagSet;
import dev.aiapiserver.config.ParsedFlags;
import dev.aiapiserver.config.ServerFlags;
import dev.aiapiserver.config.ServerOptions;
import java.util.Arrays;
import java.util.List;

/**
 * {@code ai-apiserver-demo [flags]}: the server's serving, views and logging flags (the demo brings
 * its own cluster, certificates and authentication), then the demo's own.
 *
 * @param server the options of the server in front of the embedded cluster
 * @param demo what only the demo needs
 */
record DemoCommandLine(ServerOptions server, DemoOptions demo) {
  static final String PROGRAM = "ai-apiserver-demo";

  /**
   * @throws dev.aiapiserver.config.UsageException for an unknown flag, a missing or bad value
   */
  static DemoCommandLine parse(String... args) {
    List<String> given = Arrays.asList(args);
    ParsedFlags parsed = flags().parse(given);
    return new DemoCommandLine(
        ServerFlags.read(parsed, DemoOptions.DEFAULT_BIND_ADDRESS), DemoOptions.read(parsed));
  }

  static boolean asksForHelp(String... args) {
    return FlagSet.asksForHelp(Arrays.asList(args));
  }

  static String help() {
    return flags().help();
  }

  static FlagSet flags() {
    return DemoOptions.define(ServerFlags.define(
        new FlagSet(PROGRAM + " [flags]",
            "Starts an embedded Kubernetes API server seeded with a realistic cluster, serves the"
                + " views for it with authentication and RBAC on, and writes a kubeconfig with the"
                + " users admin and agent. Stop it with Ctrl-C."),
        DemoOptions.DEFAULT_BIND_ADDRESS, true));
  }
}
