package dev.aiapiserver;

import dev.aiapiserver.auth.AuthenticationFlags;
import dev.aiapiserver.config.ServerOptions;
import dev.aiapiserver.sources.SourceOptions;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code ai-apiserver serve}: serves the views of a real cluster until SIGTERM. */
final class ServeCommand {
  private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

  private ServeCommand() {}

  /** Runs until the server stops; returns the process exit code. */
  static int run(ServerOptions options) {
    try (KubernetesClient client = client(options.kubeconfig(), false);
        KubernetesClient reviews = client(options.authentication().kubeconfig()
            .or(() -> options.authorization().kubeconfig()).or(options::kubeconfig), true);
        ServingCertificate tls = servingCertificate(options.serving())) {
      AiApiServer server = AiApiServer.start(options, new AiApiServer.Wiring(client, reviews,
          SourceOptions.forCluster(), authenticationFlags(options), tls));
      CountDownLatch stopped = new CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        LOG.info("event=shutting_down");
        server.close();
        LOG.info("event=stopped");
        Logs.flush(); // the JVM halts when this hook returns
        stopped.countDown();
      }, "shutdown"));
      stopped.await();
      return 0;
    } catch (Exception e) {
      LOG.error("event=serve_failed error=\"{}\"", e.toString());
      System.err.println("error: " + e.getMessage());
      return 1;
    }
  }

  /**
   * A client from a kubeconfig, or in-cluster. For reviews, no long retry loop: a review has its own
   * deadline and fails closed, so retrying a 5xx for many seconds would only hold a worker.
   */
  static KubernetesClient client(Optional<Path> kubeconfig, boolean forReviews) throws java.io.IOException {
    Config config = kubeconfig.isEmpty()
        ? Config.autoConfigure(null) // in-cluster, or the default kubeconfig
        : Config.fromKubeconfig(Files.readString(kubeconfig.get()));
    if (forReviews) {
      config.setRequestRetryBackoffLimit(1);
    } else {
      config.setWatchReconnectInterval(SourceOptions.WATCH_RECONNECT_INTERVAL_MS);
    }
    return new KubernetesClientBuilder().withConfig(config).build();
  }

  static ServingCertificate servingCertificate(ServerOptions.Serving serving) throws java.io.IOException {
    if (serving.tlsCertFile().isPresent()) {
      return ServingCertificate.fromFiles(serving.tlsCertFile().get(), serving.tlsPrivateKeyFile().orElseThrow());
    }
    Path dir = serving.certDir().isPresent() ? serving.certDir().get() : Files.createTempDirectory("ai-apiserver-certs");
    return ServingCertificate.selfSigned(dir, List.of(java.net.InetAddress.getLocalHost().getHostName()));
  }

  static AuthenticationFlags authenticationFlags(ServerOptions options) {
    ServerOptions.Authentication a = options.authentication();
    ServerOptions.RequestHeader rh = a.requestHeader();
    return new AuthenticationFlags(a.clientCaFile().orElse(null), rh.clientCaFile().orElse(null),
        rh.allowedNames().orElse(List.of()), rh.usernameHeaders().orElse(List.of()),
        rh.groupHeaders().orElse(List.of()), rh.extraHeadersPrefixes().orElse(List.of()),
        rh.uidHeaders().orElse(List.of()));
  }
}
