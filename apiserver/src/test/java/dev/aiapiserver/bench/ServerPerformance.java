package dev.aiapiserver.bench;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.json.JsonMapper;

/**
 * Part 3 of the benchmark: the server's latency, throughput, propagation and fan-out, measured end
 * to end over HTTPS on loopback with the JDK HttpClient, after a warm-up, as the median of several
 * runs.
 */
final class ServerPerformance {
  /** How much to measure; the defaults take a few minutes on the large cluster. */
  record Settings(int runs, int requests, int warmup, Duration throughputRun, int flips, int watchers,
      int fanOutChanges) {
    static Settings fromSystemProperties() {
      return new Settings(Integer.getInteger("bench.runs", 5), Integer.getInteger("bench.requests", 400),
          Integer.getInteger("bench.warmup", 200), Duration.ofSeconds(Integer.getInteger("bench.throughputSeconds", 10)),
          Integer.getInteger("bench.flips", 100), Integer.getInteger("bench.watchers", 500),
          Integer.getInteger("bench.fanOutChanges", 20));
    }
  }

  private static final JsonMapper JSON = JsonMapper.builder().build();
  static final String GROUP = ViewsAgent.GROUP;
  static final String TABLE = "application/json;as=Table;v=v1;g=meta.k8s.io";

  private final Scenario scenario;
  private final BenchCluster cluster;
  private final ViewsServer server;
  private final Settings settings;
  private final List<Figure> figures = new ArrayList<>();

  ServerPerformance(Scenario scenario, BenchCluster cluster, ViewsServer server, Settings settings) {
    this.scenario = scenario;
    this.cluster = cluster;
    this.server = server;
    this.settings = settings;
  }

  List<Figure> measure() throws Exception {
    String ns = scenario.namespaces().get(0);
    String healthy = healthyDeployment(ns);
    HttpClient h2 = server.client(HttpClient.Version.HTTP_2);
    HttpClient h1 = server.client(HttpClient.Version.HTTP_1_1);
    HttpRequest nsList = json(GROUP + "/namespaces/" + ns + "/workloadsummaries");
    HttpRequest allList = json(GROUP + "/workloadsummaries");
    HttpRequest allTable = server.get(GROUP + "/workloadsummaries").header("Accept", TABLE).build();
    HttpRequest get = json(GROUP + "/namespaces/" + ns + "/workloadsummaries/deployment." + healthy);
    int inNamespace = count(h2, nsList);
    int all = count(h2, allList);

    latency("namespace list, JSON, HTTP/2 (" + inNamespace + " summaries)", h2, nsList, settings.requests(),
        Figure.Target.atMost(99, 5));
    latency("namespace list, JSON, HTTP/1.1 (" + inNamespace + " summaries)", h1, nsList, settings.requests(),
        Figure.Target.atMost(99, 5));
    latency("namespace list, JSON, gzip as kubectl asks, HTTP/1.1 (" + inNamespace + " summaries)", h1,
        server.get(GROUP + "/namespaces/" + ns + "/workloadsummaries").header("Accept", "application/json")
            .header("Accept-Encoding", "gzip").build(), settings.requests(), Figure.Target.atMost(99, 5));
    try (VertxLoad vertx = new VertxLoad(server, io.vertx.core.http.HttpVersion.HTTP_2)) {
      latency("namespace list, JSON, HTTP/2, Vert.x client (" + inNamespace + " summaries)",
          n -> vertx.sequential(GROUP + "/namespaces/" + ns + "/workloadsummaries", n), settings.requests(),
          Figure.Target.atMost(99, 5));
    }
    latency("all-namespaces list, JSON, HTTP/2 (" + all + " summaries)", h2, allList,
        Math.max(20, settings.requests() / 4), Figure.Target.atMost(99, 60));
    latency("all-namespaces list, Table, HTTP/2 (" + all + " rows)", h2, allTable,
        Math.max(20, settings.requests() / 4), Figure.Target.atMost(99, 60));
    latency("get one summary, JSON, HTTP/2", h2, get, settings.requests(), Figure.Target.none());
    throughput("namespace list, 16 clients, HTTP/1.1 (16 connections)", h1, nsList);
    throughput("namespace list, 16 clients, HTTP/2 (1 connection)", h2, nsList);
    propagation(ns, healthy, h2);
    fanOut(ns, healthy);
    return figures;
  }

  /** A sequential run of n requests with some client. */
  interface SequentialRun {
    HttpLoad.Run run(int n) throws Exception;
  }

  private void latency(String what, HttpClient client, HttpRequest request, int count, Figure.Target target)
      throws Exception {
    latency(what, n -> HttpLoad.sequential(client, request, n), count, target);
  }

  private void latency(String what, SequentialRun load, int count, Figure.Target target) throws Exception {
    progress(what);
    load.run(Math.max(10, settings.warmup() * count / settings.requests()));
    List<Double> p50 = new ArrayList<>();
    List<Double> p99 = new ArrayList<>();
    long bytes = 0;
    Collections gc = Collections.now();
    for (int run = 0; run < settings.runs(); run++) {
      HttpLoad.Run r = load.run(count);
      p50.add(r.latencies().percentileMillis(50));
      p99.add(r.latencies().percentileMillis(99));
      bytes = r.bytesPerResponse();
    }
    figures.add(Figure.latency(what + ", " + bytes + " bytes", Samples.median(p50), Samples.median(p99),
        settings.runs() + " runs x " + count + "; " + Collections.now().since(gc), target));
  }

  private void throughput(String what, HttpClient client, HttpRequest request) throws Exception {
    progress(what);
    HttpLoad.concurrent(client, request, 16, settings.throughputRun().dividedBy(2));
    List<Double> rps = new ArrayList<>();
    List<Double> p99 = new ArrayList<>();
    int runs = Math.max(1, Math.min(3, settings.runs()));
    Collections gc = Collections.now();
    for (int run = 0; run < runs; run++) {
      HttpLoad.Run r = HttpLoad.concurrent(client, request, 16, settings.throughputRun());
      rps.add(r.perSecond());
      p99.add(r.latencies().percentileMillis(99));
    }
    figures.add(Figure.throughput(what, Samples.median(rps), Samples.median(p99),
        runs + " runs x " + settings.throughputRun().toSeconds() + " s; " + Collections.now().since(gc)));
  }

  /** A pod's status changes on the mock; how long until the watch on its namespace shows the new summary. */
  private void propagation(String ns, String deployment, HttpClient client) throws Exception {
    progress("propagation");
    PodFlips flips = new PodFlips(cluster, ns, podOf(ns, deployment));
    SummaryWatch watch = new SummaryWatch(client, watchRequest(ns));
    watch.awaitOpen();
    String summary = "deployment." + deployment;
    Samples fromRequest = new Samples();
    Samples fromCommit = new Samples();
    for (int i = 0; i < settings.flips() + 10; i++) {
      int from = watch.arrivals.size();
      PodFlips.Flip flip = flips.flip();
      SummaryWatch.Arrival a = watch.await(summary, from, System.nanoTime() + TimeUnit.SECONDS.toNanos(10));
      if (a == null) {
        throw new AssertionError("no watch event for " + summary + " within 10 s of a pod change");
      }
      if (i >= 10) {
        fromRequest.add(a.nanos() - flip.startNanos());
        fromCommit.add(a.nanos() - flip.committedNanos());
      }
    }
    watch.close();
    figures.add(Figure.latency("propagation: pod status change -> WorkloadSummary watch event, from the mock's commit",
        fromCommit.percentileMillis(50), fromCommit.percentileMillis(99), settings.flips() + " changes",
        Figure.Target.atMost(99, 100)));
    figures.add(Figure.latency("propagation, from the client's status update (includes the mock's own write)",
        fromRequest.percentileMillis(50), fromRequest.percentileMillis(99), settings.flips() + " changes",
        Figure.Target.none()));
  }

  /** Many watchers on one namespace; every change must reach each of them. */
  private void fanOut(String ns, String deployment) throws Exception {
    progress("fan-out to " + settings.watchers() + " watchers");
    HttpClient h1 = HttpClient.newBuilder().sslContext(server.trusting()).version(HttpClient.Version.HTTP_1_1)
        .executor(Executors.newFixedThreadPool(4)).connectTimeout(Duration.ofSeconds(30)).build();
    List<SummaryWatch> watchers = new ArrayList<>();
    for (int i = 0; i < settings.watchers(); i++) {
      watchers.add(new SummaryWatch(h1, watchRequest(ns)));
    }
    for (SummaryWatch w : watchers) {
      w.awaitOpen();
    }
    PodFlips flips = new PodFlips(cluster, ns, podOf(ns, deployment));
    String summary = "deployment." + deployment;
    Samples fromCommit = new Samples();
    Samples fromRequest = new Samples();
    for (int i = 0; i < settings.fanOutChanges() + 2; i++) {
      int[] from = watchers.stream().mapToInt(w -> w.arrivals.size()).toArray();
      PodFlips.Flip flip = flips.flip();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      for (int w = 0; w < watchers.size(); w++) {
        SummaryWatch.Arrival a = watchers.get(w).await(summary, from[w], deadline);
        if (a == null) {
          throw new AssertionError("watcher " + w + " of " + watchers.size() + " missed a change within 30 s");
        }
        if (i >= 2) {
          fromCommit.add(a.nanos() - flip.committedNanos());
          fromRequest.add(a.nanos() - flip.startNanos());
        }
      }
    }
    watchers.forEach(SummaryWatch::close);
    figures.add(Figure.latency("fan-out: " + settings.watchers() + " watchers (HTTP/1.1, one connection each), "
        + "delivery from the mock's commit", fromCommit.percentileMillis(50), fromCommit.percentileMillis(99),
        settings.fanOutChanges() + " changes x " + settings.watchers() + " watchers", Figure.Target.atMost(99, 250)));
    figures.add(Figure.latency("fan-out, from the client's status update", fromRequest.percentileMillis(50),
        fromRequest.percentileMillis(99), settings.fanOutChanges() + " changes x " + settings.watchers() + " watchers",
        Figure.Target.none()));
  }

  /** Garbage collections so far (count and accumulated time, every collector), to tell GC pauses in a run. */
  record Collections(long count, long millis) {
    static Collections now() {
      long c = 0;
      long ms = 0;
      for (var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
        c += Math.max(0, gc.getCollectionCount());
        ms += Math.max(0, gc.getCollectionTime());
      }
      return new Collections(c, ms);
    }

    String since(Collections before) {
      return "GC " + (count - before.count) + " collections, " + (millis - before.millis) + " ms";
    }
  }

  /** Profiles the namespace list, as measured above, with JFR: where a request's time goes. */
  String profileNamespaceList(int requests) throws Exception {
    String ns = scenario.namespaces().get(0);
    HttpClient h1 = server.client(HttpClient.Version.HTTP_1_1);
    HttpRequest nsList = json(GROUP + "/namespaces/" + ns + "/workloadsummaries");
    HttpLoad.sequential(h1, nsList, settings.warmup());
    JfrProfile profile = JfrProfile.start("namespace-list");
    HttpLoad.sequential(h1, nsList, requests);
    return profile.stop(15);
  }

  static void progress(String step) {
    System.out.println(java.time.LocalTime.now().withNano(0) + " bench: " + step);
  }

  private HttpRequest watchRequest(String ns) throws Exception {
    String rv = JSON.readTree(server.client(HttpClient.Version.HTTP_2)
            .send(json(GROUP + "/namespaces/" + ns + "/workloadsummaries?limit=1"),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body())
        .path("metadata").path("resourceVersion").asString();
    return server.get(GROUP + "/namespaces/" + ns + "/workloadsummaries?watch=true&resourceVersion="
        + URLEncoder.encode(rv, StandardCharsets.UTF_8)).timeout(Duration.ofHours(1)).build();
  }

  private HttpRequest json(String path) {
    return server.get(path).header("Accept", "application/json").build();
  }

  private int count(HttpClient client, HttpRequest list) throws Exception {
    return JSON.readTree(client.send(list, java.net.http.HttpResponse.BodyHandlers.ofString()).body())
        .path("items").size();
  }

  /** A Deployment of the namespace without a planted fault. */
  private String healthyDeployment(String ns) {
    return scenario.objects().stream()
        .filter(o -> o.getKind().equals("Deployment") && ns.equals(o.getMetadata().getNamespace()))
        .map(o -> o.getMetadata().getName())
        .filter(name -> scenario.faults().stream().noneMatch(f -> f.namespace().equals(ns) && f.workload().equals(name)))
        .findFirst().orElseThrow();
  }

  private String podOf(String ns, String deployment) {
    return scenario.objects().stream()
        .filter(o -> o.getKind().equals("Pod") && ns.equals(o.getMetadata().getNamespace())
            && o.getMetadata().getName().startsWith(deployment + "-"))
        .map(o -> o.getMetadata().getName()).findFirst().orElseThrow();
  }
}
