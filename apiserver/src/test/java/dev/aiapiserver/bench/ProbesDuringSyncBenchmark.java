package dev.aiapiserver.bench;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/**
 * Whether the server answers its probes while it syncs a large cluster, and whose event loop (if
 * any) Vert.x's BlockedThreadChecker reports blocked meanwhile: in the server's JVM (its own loops
 * and its fabric8 clients') and, apart, in the mock API server's, which runs in a process of its
 * own ({@link BenchClusterProcess}) as a real API server does:
 *
 * <pre>mvn -q -o -pl apiserver -am test -Pbench -Dtest=ProbesDuringSyncBenchmark -Dbench.size=large</pre>
 */
@Timeout(value = 30, unit = TimeUnit.MINUTES)
class ProbesDuringSyncBenchmark {
  @Test
  void theServerAnswersLivezAndReadyzWhileItSyncs() throws Exception {
    String size = System.getProperty("bench.size", "large");
    long seed = Long.getLong("bench.seed", 20261124L);
    Instant now = Instant.now();
    ((Logger) LoggerFactory.getLogger("audit")).setLevel(ch.qos.logback.classic.Level.OFF);
    ListAppender<ILoggingEvent> blocked = new ListAppender<>();
    blocked.start();
    Logger checker = (Logger) LoggerFactory.getLogger("io.vertx.core.impl.BlockedThreadChecker");
    checker.addAppender(blocked);
    long pods = ClusterShape.named(size).pods();
    try (BenchClusterProcess cluster = new BenchClusterProcess(size, seed, now)) {
      int mockMark = cluster.output().size();
      try (GcPauses gc = new GcPauses(); ViewsServer views = new ViewsServer(cluster.client(), cluster.reviewsClient())) {
        List<Long> probes = views.probeNanos.stream().sorted().toList();
        double max = probes.get(probes.size() - 1) / 1e6;
        double p99 = probes.get((int) Math.min(probes.size() - 1, Math.ceil(probes.size() * 0.99) - 1)) / 1e6;
        Map<String, Integer> where = new TreeMap<>();
        blocked.list.forEach(e -> where.merge(blockedWhere(e), 1, Integer::sum));
        System.out.printf("probes during a %d-pod sync (start -> ready %.2f s): %d answers to /livez and /readyz,"
            + " p99 %.1f ms, max %.1f ms; BlockedThreadChecker warnings in the server's JVM: %d %s;"
            + " in the mock API server's process: %s%n", pods,
            (views.readyNanos - views.startedNanos) / 1e9, probes.size(), p99, max, blocked.list.size(), where,
            cluster.blockedWarnings(mockMark));
        var first = views.slowProbes.stream().filter(p -> p.askedUptimeMs() <= views.firstProbeUptimeMs).toList();
        var later = views.slowProbes.stream().filter(p -> p.askedUptimeMs() > views.firstProbeUptimeMs).toList();
        long inGc = later.stream().filter(p -> gc.pausedBetween(p.askedUptimeMs(), p.askedUptimeMs() + p.tookMs()))
            .count();
        var pauses = gc.pauses().stream().filter(p -> p.startMs() >= views.firstProbeUptimeMs).toList();
        System.out.printf("first answer (the server's first TLS handshake, 20 informers starting): %s;"
            + " later answers over 100 ms: %d, %d of them during a stop-the-world GC pause %s;"
            + " GC pauses during the sync: %d, longest %d ms, %d over 100 ms%n",
            first.isEmpty() ? "under 100 ms" : first.get(0).tookMs() + " ms", later.size(), inGc, later,
            pauses.size(), pauses.stream().mapToLong(GcPauses.Pause::durationMs).max().orElse(0),
            pauses.stream().filter(p -> p.durationMs() > 100).count());
      }
    } finally {
      checker.detachAppender(blocked);
    }
  }

  /** The blocked thread and the first frame of ours or of the library that held it. */
  static String blockedWhere(ILoggingEvent e) {
    String thread = e.getFormattedMessage().replaceAll("(?s).*Thread\\[([^,\\]]+).*", "$1");
    var proxy = e.getThrowableProxy();
    String frame = "";
    if (proxy != null) {
      for (var step : proxy.getStackTraceElementProxyArray()) {
        String s = step.getStackTraceElement().toString();
        if (!s.startsWith("java.") && !s.startsWith("jdk.") && !s.startsWith("sun.")) {
          frame = s;
          break;
        }
      }
    }
    return thread + " at " + frame;
  }
}
