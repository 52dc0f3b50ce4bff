package dev.aiapiserver.demo;

import dev.aiapiserver.config.FlagSet;
import dev.aiapiserver.config.ParsedFlags;
import java.nio.file.Path;

/**
 * What only the demo needs: where its kubeconfig goes and the port of its front door (the embedded
 * cluster's endpoint, which forwards ai.k8s.io requests to this server as kube-apiserver would).
 *
 * @param kubeconfigOut the kubeconfig written for the demo's users
 * @param frontDoorPort the port the kubeconfig points at; 0 picks a free port
 * @param replicas how many servers run behind the front door, which sends each request to the
 *     next (as kube-apiserver does with --enable-aggregator-routing)
 */
public record DemoOptions(Path kubeconfigOut, int frontDoorPort, int replicas) {
  public static final int DEFAULT_REPLICAS = 1;
  public static final int MAX_REPLICAS = 5;

  /**
   * Beside kubectl's own config, in a file of its own: kubectl's default (~/.kube/config) is the
   * user's and is never touched, and nothing with bearer tokens lands in the working tree.
   */
  public static final Path DEFAULT_KUBECONFIG_OUT =
      Path.of(System.getProperty("user.home"), ".kube", "ai-apiserver-demo.kubeconfig");
  private static final String DEFAULT_KUBECONFIG_SHOWN = "~/.kube/ai-apiserver-demo.kubeconfig";
  public static final int DEFAULT_FRONT_DOOR_PORT = 0;

  /** The demo serves on loopback only unless asked otherwise. */
  public static final String DEFAULT_BIND_ADDRESS = "127.0.0.1";

  static FlagSet define(FlagSet flags) {
    return flags
        .section("Demo")
        .value(
            "kubeconfig-out",
            "file",
            DEFAULT_KUBECONFIG_SHOWN,
            "Where to write the kubeconfig for the demo users admin and agent (mode 0600; use it"
                + " with export KUBECONFIG=FILE).")
        .value(
            "front-door-port",
            "port",
            String.valueOf(DEFAULT_FRONT_DOOR_PORT),
            "Port of the demo cluster's endpoint, the server address in the kubeconfig; 0 picks"
                + " a free port.")
        .value(
            "replicas",
            "n",
            String.valueOf(DEFAULT_REPLICAS),
            "Replicas of the server behind the front door (1-" + MAX_REPLICAS + "); each request goes"
                + " to the next, as with kube-apiserver's endpoint routing.");
  }

  static DemoOptions read(ParsedFlags flags) {
    return new DemoOptions(
        flags.path("kubeconfig-out").orElse(DEFAULT_KUBECONFIG_OUT),
        flags.integer("front-door-port", DEFAULT_FRONT_DOOR_PORT, 0, 65535),
        flags.integer("replicas", DEFAULT_REPLICAS, 1, MAX_REPLICAS));
  }
}
