package dev.aiapiserver.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The whole benchmark in one run (not in the default test run; {@code -Pbench}):
 *
 * <pre>mvn -q -o -pl apiserver -am test -Pbench -Dbench.size=large</pre>
 *
 * <p>Draws a seeded cluster, seeds the mock, starts the whole server on it, then measures what agents
 * read for three tasks and how the server performs. Prints the tables and writes them to
 * apiserver/target/bench/benchmark-SIZE.md. Options: bench.size (tiny, small, large), bench.seed,
 * bench.clientLoad (also time creating the cluster through the API), and {@link ServerPerformance.Settings}.
 */
@Timeout(value = 2, unit = TimeUnit.HOURS)
class ViewsBenchmark {
  @Test
  void givenASyntheticClusterWhenAgentsAndLoadHitTheServerThenEveryFigureIsReportedAgainstItsTarget()
      throws Exception {
    ClusterShape shape = ClusterShape.named(System.getProperty("bench.size", "large"));
    // One audit line per request would go through Maven's console pipe and time that instead of the server.
    ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("audit")).setLevel(ch.qos.logback.classic.Level.OFF);
    long seed = Long.getLong("bench.seed", 20261124L);
    StringBuilder report = new StringBuilder();
    List<Figure> figures = new ArrayList<>();

    ServerPerformance.progress("drawing a " + shape.name() + " cluster");
    long t = System.nanoTime();
    Scenario scenario = SyntheticCluster.draw(shape, seed, Instant.now());
    long drawn = System.nanoTime() - t;
    report.append(setup(scenario, drawn));

    if (Boolean.getBoolean("bench.clientLoad")) {
      ServerPerformance.progress("creating the cluster through the API");
      try (BenchCluster other = new BenchCluster()) {
        long took = new ThroughTheApi().create(other.client(), scenario.objects(), 16);
        figures.add(Figure.of("creating the cluster through the API (fabric8 client, 16 threads, owners first)",
            seconds(took), scenario.objects().size() + " objects", "-", null));
      }
    }
    try (BenchCluster cluster = new BenchCluster()) {
      ServerPerformance.progress("seeding the mock");
      t = System.nanoTime();
      cluster.seed(scenario.objects());
      figures.add(Figure.of("seeding the mock's store directly", seconds(System.nanoTime() - t),
          scenario.objects().size() + " objects", "-", null));
      ServerPerformance.progress("listing every pod from the mock with a plain fabric8 client, for comparison");
      t = System.nanoTime();
      int listed = cluster.client().pods().inAnyNamespace().list().getItems().size();
      figures.add(Figure.of("for comparison: one plain fabric8 list of every pod from the mock (no informer)",
          seconds(System.nanoTime() - t), listed + " pods", "-", null));
      long before = LiveHeap.bytes();
      HeapHistogram histogramBefore = HeapHistogram.take();
      ServerPerformance.progress("starting ai-apiserver");
      try (ViewsServer views = new ViewsServer(cluster)) {
        ServerPerformance.progress("waiting for the mock's watch replay to settle");
        Quiet.await();
        long after = LiveHeap.bytes();
        report.append("\n## What the server added to the heap, by class (top 25)\n\n")
            .append(HeapHistogram.take().growthSince(histogramBefore, 25));
        long pods = scenario.count("Pod");
        figures.add(Figure.of("start -> listening (HTTPS up; informers started)",
            seconds(views.listeningNanos - views.startedNanos), "", "-", null));
        figures.add(Figure.of("cache sync, the server's first start (cold JVM): start -> every informer synced (/readyz)",
            seconds(views.syncedNanos - views.startedNanos), pods + " pods", pods >= 10_000 ? "<= 5 s" : "-",
            pods >= 10_000 ? views.syncedNanos - views.startedNanos <= TimeUnit.SECONDS.toNanos(5) : null));
        ServerPerformance.progress("timing 3 more syncs of fresh caches (warm JVM)");
        long warmSync = CacheFootprint.warmSyncNanos(cluster.client(), 3);
        figures.add(Figure.of("cache sync in a warm JVM: fresh caches, start -> every informer synced (median of 3)",
            seconds(warmSync), pods + " pods", pods >= 10_000 ? "<= 5 s" : "-",
            pods >= 10_000 ? warmSync <= TimeUnit.SECONDS.toNanos(5) : null));
        figures.add(Figure.of("start -> ready (informers synced and first views built)",
            seconds(views.readyNanos - views.startedNanos), pods + " pods", "-", null));
        ServerPerformance.progress("measuring the caches and views (JOL)");
        Map<String, Long> cacheBytes = CacheFootprint.informerCaches(cluster.client());
        long caches = cacheBytes.get("all");
        report.append("\n## Informer caches by source (JOL; what each adds to the others: parts shared with other caches not included)\n\n")
            .append(perSource(cacheBytes, scenario));
        long viewBytes = CacheFootprint.views(views.server.served());
        double perPod = (caches + viewBytes) / (double) pods;
        long together = CacheFootprint.serverCachesAndViews(views.server);
        double perPodTogether = together / (double) pods;
        figures.add(Figure.of("retained heap per pod: the server's informer caches + views, one object graph (JOL)",
            String.format(Locale.ROOT, "%.0f KiB per 1,000 pods (%.2f KiB per pod; %s)",
                perPodTogether * 1000 / 1024, perPodTogether / 1024, mib(together)), pods + " pods",
            "<= 1 KiB per pod", perPodTogether <= 1024));
        figures.add(Figure.of("the same, caches and views measured apart (what they share counted in both)",
            String.format(Locale.ROOT, "%.0f KiB per 1,000 pods (%.2f KiB per pod; caches %s, views %s)",
                perPod * 1000 / 1024, perPod / 1024, mib(caches), mib(viewBytes)), pods + " pods", "-", null));
        figures.add(Figure.of("retained heap after full GC: the whole server (used heap after minus before it started)",
            String.format(Locale.ROOT, "%s (%.2f KiB per pod, fixed costs included)", mib(after - before),
                (after - before) / 1024.0 / pods), pods + " pods", "-", null));

        if ("heap".equals(System.getProperty("bench.parts"))) {
          report.append("\n## Server\n\n").append(render(figures));
          System.out.println(report);
          return;
        }
        ServerPerformance.progress("agent tasks");
        List<AgentEfficiency.Row> rows = new AgentEfficiency(scenario, List.of(new RawApiAgent(cluster),
            new KubectlTableAgent(cluster), new ViewsAgent(views, ViewsAgent.Form.JSON, false),
            new ViewsAgent(views, ViewsAgent.Form.TABLE, false), new ViewsAgent(views, ViewsAgent.Form.JSON, true)))
            .run();
        report.append("\n## Agent efficiency\n\n").append(AgentEfficiency.render(rows))
            .append("\n").append(render(EfficiencyTargets.check(rows)));
        for (AgentEfficiency.Row r : rows) {
          if (r.agent().contains("views")) {
            assertEquals(List.of(), r.missed(), r.agent() + " on " + r.task());
          }
        }

        ServerPerformance performance = new ServerPerformance(scenario, cluster, views,
            ServerPerformance.Settings.fromSystemProperties());
        figures.addAll(performance.measure());
        if (!"false".equals(System.getProperty("bench.profile"))) {
          report.append(profiles(cluster, performance));
        }
      }
    }
    report.append("\n## Server\n\n").append(render(figures));
    System.out.println(report);
    Path out = Path.of("target", "bench", "benchmark-" + shape.name() + ".md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report);
  }

  /** JFR profiles of the two steps that miss their targets: the first sync, and a namespace list. */
  private static String profiles(BenchCluster cluster, ServerPerformance performance) throws Exception {
    StringBuilder out = new StringBuilder("\n## Profiles (JFR, taken after the measurements)\n\n");
    ServerPerformance.progress("profile: a second server syncing the same cluster");
    Quiet.await();
    JfrProfile sync = JfrProfile.start("sync");
    String syncProfile;
    try (ViewsServer second = new ViewsServer(cluster)) {
      syncProfile = sync.stop(15);
      out.append("### Start to ready (").append(seconds(second.readyNanos - second.startedNanos))
          .append(" under JFR)\n\n").append(syncProfile);
      Quiet.await();
    }
    ServerPerformance.progress("profile: namespace lists");
    Quiet.await();
    out.append("\n### 2,000 namespace lists, JSON, HTTP/1.1\n\n").append(performance.profileNamespaceList(2000));
    return out.toString();
  }

  private static String perSource(Map<String, Long> bytes, Scenario s) {
    Map<String, String> kinds = Map.ofEntries(Map.entry("pods", "Pod"), Map.entry("replicasets", "ReplicaSet"),
        Map.entry("deployments", "Deployment"), Map.entry("statefulsets", "StatefulSet"),
        Map.entry("daemonsets", "DaemonSet"), Map.entry("jobs", "Job"), Map.entry("cronjobs", "CronJob"),
        Map.entry("events", "Event"), Map.entry("services", "Service"), Map.entry("nodes", "Node"),
        Map.entry("namespaces", "Namespace"), Map.entry("persistentvolumeclaims", "PersistentVolumeClaim"),
        Map.entry("horizontalpodautoscalers", "HorizontalPodAutoscaler"),
        Map.entry("poddisruptionbudgets", "PodDisruptionBudget"), Map.entry("ingresses", "Ingress"),
        Map.entry("resourcequotas", "ResourceQuota"), Map.entry("endpointslices", "EndpointSlice"));
    TextTable t = new TextTable("cache", "objects in the cluster", "bytes it alone adds", "bytes per object");
    bytes.forEach((name, b) -> {
      long n = kinds.containsKey(name) ? s.count(kinds.get(name)) : s.objects().size();
      t.row(name, n, b, n == 0 ? "-" : String.valueOf(b / n));
    });
    return t.render();
  }

  static String mib(long bytes) {
    return String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
  }

  private static String setup(Scenario s, long drawNanos) {
    Map<String, Long> kinds = new TreeMap<>(s.objects().stream()
        .collect(Collectors.groupingBy(o -> o.getKind(), Collectors.counting())));
    Map<String, Long> faults = new TreeMap<>(s.faults().stream()
        .collect(Collectors.groupingBy(f -> f.kind().name(), Collectors.counting())));
    int broken = s.faults().stream().mapToInt(f -> f.pods().size()).sum();
    Runtime rt = Runtime.getRuntime();
    return "# ai-apiserver benchmark, " + s.shape().name() + " cluster\n\n"
        + "- date: " + Instant.now() + "; machine: " + rt.availableProcessors() + " CPUs, max heap "
        + rt.maxMemory() / 1048576 + " MiB, Java " + System.getProperty("java.version") + ", load average "
        + String.format(Locale.ROOT, "%.2f", java.lang.management.ManagementFactory.getOperatingSystemMXBean()
            .getSystemLoadAverage()) + "\n"
        + "- seed " + s.seed() + ", drawn in " + seconds(drawNanos) + ": " + kinds + "\n"
        + "- planted faults: " + s.faults().size() + " workloads " + faults + ", " + broken + " broken pods ("
        + String.format(Locale.ROOT, "%.1f%%", 100.0 * broken / s.count("Pod")) + " of pods)\n";
  }

  static String render(List<Figure> figures) {
    TextTable table = new TextTable("measure", "value", "basis", "target", "verdict");
    figures.forEach(f -> table.row(f.what(), f.value(), f.basis(), f.target().text(), f.verdict()));
    return table.render();
  }

  static String seconds(long nanos) {
    return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
  }
}
