package dev.aiapiserver.bench;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A {@link BenchCluster} holding a synthetic scenario in a JVM of its own, as a real API server is
 * a process of its own: the server under test then shares its JVM (event loops, JIT, garbage
 * collector, BlockedThreadChecker) with nobody but its probes, while the mock's own event loop
 * stalls (its watches replay every stored object on open) are counted apart ({@link #blockedWarnings}).
 * The clients are built as {@code serve} builds them: one for the informers, one for the reviews.
 */
final class BenchClusterProcess implements AutoCloseable {
  private static final String READY = "bench-cluster-url ";

  private final Process process;
  private final List<String> output = Collections.synchronizedList(new ArrayList<>());
  private final String url;
  private final KubernetesClient client;
  private final KubernetesClient reviewsClient;

  BenchClusterProcess(String size, long seed, Instant now) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    process = new ProcessBuilder(java, "-Xmx8g", "-XX:+UseG1GC", "-cp", classpath, BenchClusterProcess.class.getName(),
        size, Long.toString(seed), Long.toString(now.toEpochMilli())).redirectErrorStream(true).start();
    CompletableFuture<String> ready = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader lines = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = lines.readLine()) != null; ) {
          if (line.startsWith(READY)) {
            ready.complete(line.substring(READY.length()).trim());
          } else {
            output.add(line);
          }
        }
      } catch (java.io.IOException e) {
        ready.completeExceptionally(e);
      }
      ready.completeExceptionally(new IllegalStateException("the mock cluster process ended: " + tail()));
    }, "bench-cluster-output");
    reader.setDaemon(true);
    reader.start();
    url = ready.get(5, TimeUnit.MINUTES);
    Config informers = new ConfigBuilder(Config.empty()).withMasterUrl(url).withRequestTimeout(120_000)
        .withWatchReconnectInterval(dev.aiapiserver.sources.SourceOptions.WATCH_RECONNECT_INTERVAL_MS).build();
    Config reviews = new ConfigBuilder(Config.empty()).withMasterUrl(url).withRequestRetryBackoffLimit(1).build();
    client = new KubernetesClientBuilder().withConfig(informers).build();
    reviewsClient = new KubernetesClientBuilder().withConfig(reviews).build();
  }

  KubernetesClient client() {
    return client;
  }

  KubernetesClient reviewsClient() {
    return reviewsClient;
  }

  /** What the mock process has written so far. */
  List<String> output() {
    synchronized (output) {
      return List.copyOf(output);
    }
  }

  /**
   * The BlockedThreadChecker warnings the mock process wrote after line {@code from} of its output,
   * by the first frame not of the JDK or Jackson on the blocked thread's stack (the stack comes with
   * the fifth warning of one stall onwards).
   */
  Map<String, Integer> blockedWarnings(int from) {
    List<String> lines = output();
    Map<String, Integer> where = new TreeMap<>();
    for (int i = from; i < lines.size(); i++) {
      if (!lines.get(i).contains("has been blocked for")) {
        continue;
      }
      String frame = "(no stack)";
      for (int j = i + 1; j < lines.size() && j < i + 80 && !lines.get(j).contains("has been blocked for"); j++) {
        String s = lines.get(j).trim();
        if (s.startsWith("at ") && !s.matches("at (app//)?(java|jdk|sun|tools\\.jackson)\\..*")) {
          frame = s.substring(3).replace("app//", "").replaceAll("\\(.*", "");
          break;
        }
      }
      where.merge(frame, 1, Integer::sum);
    }
    return where;
  }

  private String tail() {
    List<String> lines = output();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
  }

  @Override
  public void close() throws Exception {
    client.close();
    reviewsClient.close();
    process.getOutputStream().close(); // the mock stops when its stdin ends
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }

  /** The mock process: args are the shape's name, the seed and the scenario's now (epoch ms). */
  public static void main(String[] args) throws Exception {
    Scenario scenario = SyntheticCluster.draw(ClusterShape.named(args[0]), Long.parseLong(args[1]),
        Instant.ofEpochMilli(Long.parseLong(args[2])));
    try (BenchCluster cluster = new BenchCluster()) {
      cluster.seed(scenario.objects());
      System.out.println(READY + cluster.url());
      System.out.flush();
      while (System.in.read() >= 0) {
        // wait for the parent to close stdin (or to die)
      }
    } catch (KubernetesClientException e) {
      System.err.println("mock cluster failed: " + e);
      System.exit(1);
    }
    System.exit(0);
  }
}
