package dev.aiapiserver.demo;

import dev.aiapiserver.AiApiServer;
import dev.aiapiserver.Logs;
import dev.aiapiserver.ServingCertificate;
import dev.aiapiserver.auth.AuthenticationFlags;
import dev.aiapiserver.config.ServerOptions;
import dev.aiapiserver.sources.SourceOptions;
import io.vertx.core.Vertx;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.stream.Collectors;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ai-apiserver demo}: an embedded cluster seeded with a realistic scenario and kept in
 * motion, this server in front of it with authentication and RBAC on, and the cluster's front
 * door (the kubeconfig's server) that answers native resources and proxies ai.k8s.io here as
 * kube-apiserver would.
 */
final class DemoCommand {
  private static final Logger LOG = LoggerFactory.getLogger(DemoCommand.class);
  private static final Duration READY_WITHIN = Duration.ofSeconds(60);

  private DemoCommand() {}

  /** Runs until stopped (Ctrl-C or SIGTERM); returns the process exit code. */
  static int run(ServerOptions server, DemoOptions demo, PrintStream err) {
    RunningDemo running;
    try {
      running = start(server, demo, Clock.systemUTC());
    } catch (PortsInUse.PortInUseException e) {
      LOG.error("event=demo_start_failed error=\"{}\"", e.getMessage());
      err.println("error: " + e.getMessage());
      return 1;
    } catch (Exception e) {
      LOG.error("event=demo_start_failed error=\"{}\"", e.toString());
      err.println("error: the demo could not start: " + e.getMessage());
      return 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      LOG.info("event=demo_stopping");
      running.close();
      Logs.flush(); // the JVM halts when this hook returns
      stopped.countDown();
    }, "demo-shutdown"));
    running.printWelcome(System.out);
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  /** Starts every part, in order, and writes the kubeconfig once the views are ready. */
  static RunningDemo start(ServerOptions options, DemoOptions demo, Clock clock) throws Exception {
    String host = options.serving().bindAddress();
    PortsInUse.requireFree(host, options.serving().securePort(), "--secure-port");
    PortsInUse.requireFree(host, demo.frontDoorPort(), "--front-door-port");
    RunningDemo running = new RunningDemo();
    try {
      DemoUsers users = DemoUsers.generate();
      DemoPki pki = DemoPki.generate();
      DemoCluster cluster = running.add(DemoCluster.start(users));
      DemoScenario.seed(cluster.client(), clock);
      DemoLogs.serve(cluster.client(), cluster.logs());
      cluster.publishAuthentication(pki);
      List<AiApiServer> servers = new ArrayList<>();
      for (int i = 0; i < demo.replicas(); i++) {
        // the first on the port asked for, the others on free ports, all on the one cluster
        ServerOptions replica = i == 0 ? options : withFreePort(options);
        servers.add(running.add(AiApiServer.start(replica, new AiApiServer.Wiring(
            cluster.client(), cluster.client(), SourceOptions.forMockServer(),
            AuthenticationFlags.none(), ServingCertificate.of(pki.viewsServing().certificatePem(),
                pki.viewsServing().privateKeyPem())))));
      }
      servers.forEach(DemoCommand::awaitReady);
      AiApiServer server = servers.get(0);
      Vertx vertx = Vertx.vertx();
      running.add(() -> vertx.close().toCompletionStage().toCompletableFuture()
          .get(10, TimeUnit.SECONDS));
      List<URI> replicas = servers.stream().map(s -> URI.create("https://127.0.0.1:" + s.port())).toList();
      URI views = replicas.get(0);
      FrontDoor door = running.add(FrontDoor.start(vertx, new FrontDoor.Settings(
          options.serving().bindAddress(), demo.frontDoorPort(), pki.frontDoorServing(), users,
          cluster.endpoint(), replicas, pki.clusterCa().certificatePem(), pki.frontProxyClient())));
      // Stopped first: no change is in flight when the watches close.
      running.add(DemoMotion.start(cluster.client(), clock, DemoMotion.DEFAULT_PERIOD));
      String endpoint = "https://127.0.0.1:" + door.port();
      Path kubeconfig = demo.kubeconfigOut().toAbsolutePath();
      DemoKubeconfig.write(kubeconfig,
          DemoKubeconfig.of(endpoint, pki.clusterCa().certificatePem(), users));
      boolean mcp = server.routePaths().stream().anyMatch(p -> p.contains("mcpservers"));
      running.describe(endpoint, replicas.stream().map(URI::toString).collect(Collectors.joining(" ")),
          kubeconfig, users, mcp);
      LOG.info("event=demo_ready endpoint={} views={} kubeconfig={}", endpoint, views, kubeconfig);
      return running;
    } catch (Exception | Error e) {
      running.close();
      throw e;
    }
  }

  private static ServerOptions withFreePort(ServerOptions o) {
    ServerOptions.Serving s = o.serving();
    return new ServerOptions(new ServerOptions.Serving(0, s.bindAddress(), s.tlsCertFile(), s.tlsPrivateKeyFile(),
        s.certDir(), s.maxRequestBodyBytes()), o.kubeconfig(), o.authentication(), o.authorization(), o.views(),
        o.verbosity());
  }

  private static void awaitReady(AiApiServer server) {
    long deadline = System.nanoTime() + READY_WITHIN.toNanos();
    while (!server.ready()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "the views were not built within " + READY_WITHIN.toSeconds() + "s");
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
    }
  }

  /** Every started part, stopped in reverse order, once. */
  static final class RunningDemo implements AutoCloseable {
    private final Deque<AutoCloseable> parts = new ArrayDeque<>();
    private String endpoint;
    private String views;
    private Path kubeconfig;
    private DemoUsers users;
    private boolean mcp;

    <T extends AutoCloseable> T add(T part) {
      parts.push(part);
      return part;
    }

    void describe(String endpoint, String views, Path kubeconfig, DemoUsers users, boolean mcp) {
      this.mcp = mcp;
      this.endpoint = endpoint;
      this.views = views;
      this.kubeconfig = kubeconfig;
      this.users = users;
    }

    String endpoint() {
      return endpoint;
    }

    /** The first replica's address (the one on --secure-port). */
    String views() {
      return views.split(" ")[0];
    }

    /** Every replica's address. */
    List<String> replicas() {
      return List.of(views.split(" "));
    }

    Path kubeconfig() {
      return kubeconfig;
    }

    DemoUsers users() {
      return users;
    }

    void printWelcome(PrintStream out) {
      out.print(DemoWelcome.text(endpoint, views, kubeconfig, mcp));
      out.flush();
    }

    @Override
    public synchronized void close() {
      while (!parts.isEmpty()) {
        AutoCloseable part = parts.pop();
        try {
          part.close();
        } catch (Exception e) {
          LOG.warn("event=demo_part_stop_failed part={} error=\"{}\"",
              part.getClass().getSimpleName(), e.toString());
        }
      }
    }
  }
}
