package dev.aiapiserver.replicas;

import static dev.aiapiserver.replicas.ServerReplicas.TOKEN;
import static dev.aiapiserver.replicas.ServerReplicas.WLS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiapiserver.e2e.Kubectl;
import dev.aiapiserver.request.Json;
import dev.aiapiserver.store.ResourceVersions;
import dev.aiapiserver.testing.Await;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Given two replicas of the server on one cluster, behind a front door that sends each request to
 * the next replica (kube-apiserver with --enable-aggregator-routing), when kubectl, raw clients and
 * a fabric8 informer list, page and watch, then they behave as with one kube-apiserver: no page,
 * token or watch position handed out by one replica fails on the other.
 */
class ReplicasE2ETest {
  static final List<String> NAMESPACES = List.of("batch", "payments", "shop");
  static ServerReplicas replicas;
  static RoundRobinProxy proxy;
  static Path dir;

  @BeforeAll
  static void start() throws Exception {
    replicas = new ServerReplicas(2, NAMESPACES, 5);
    proxy = new RoundRobinProxy(replicas.ports(), replicas.cert.certificatePem(), replicas.cert.privateKeyPem());
    dir = Files.createTempDirectory("replicas");
    for (int i = 0; i < 2; i++) {
      int replica = i;
      Await.until("replica " + i + " lists every pod", Duration.ofSeconds(30),
          () -> names(json(replicas.url(replica), WLS)).size() == 15);
    }
  }

  @AfterAll
  static void stop() throws Exception {
    proxy.close();
    replicas.close();
  }

  @Test
  void chunkedListsSpreadOverBothReplicasNeverFailAndMatchAnUnpagedList() throws Exception {
    List<String> unpaged = names(json(proxy.url(), WLS));
    int failed = 0;
    for (int i = 0; i < 100; i++) {
      List<String> paged = new ArrayList<>();
      String token = "";
      do {
        HttpResponse<String> page = replicas.get(proxy.url(), WLS + "?limit=2"
            + (token.isEmpty() ? "" : "&continue=" + token));
        if (page.statusCode() != 200) {
          failed++;
          break;
        }
        JsonNode list = Json.MAPPER.readTree(page.body());
        paged.addAll(names(list));
        token = list.path("metadata").path("continue").asString("");
      } while (!token.isEmpty());
      assertEquals(unpaged, paged, "pages of list " + i);
    }
    System.out.println("replicas: 100 chunked lists (limit=2, 8 pages each) over 2 replicas, one request per"
        + " replica in turn: " + failed + " failed");
    assertEquals(0, failed);

    Kubectl kubectl = kubectl();
    for (int i = 0; i < 5; i++) {
      assertEquals(unpaged, kubectl.ok("get", "wls", "-A", "--chunk-size=2", "--no-headers", "-o",
          "custom-columns=NS:.metadata.namespace,NAME:.metadata.name").lines()
          .map(l -> l.trim().replaceAll("\\s+", "/")).toList());
    }
  }

  @Test
  void aContinueTokenAndAVersionFromOneReplicaAreServedByTheOther() throws Exception {
    JsonNode first = json(replicas.url(0), WLS + "?limit=4");
    String token = first.path("metadata").path("continue").asString();
    long version = Long.parseLong(first.path("metadata").path("resourceVersion").asString());
    List<String> all = new ArrayList<>(names(first));
    while (!token.isEmpty()) {
      HttpResponse<String> page = replicas.get(replicas.url(1), WLS + "?limit=4&continue=" + token);
      assertEquals(200, page.statusCode(), page.body());
      JsonNode list = Json.MAPPER.readTree(page.body());
      assertEquals(Long.toString(version), list.path("metadata").path("resourceVersion").asString(),
          "the other replica's page is at the same version");
      all.addAll(names(list));
      token = list.path("metadata").path("continue").asString("");
    }
    assertEquals(names(json(replicas.url(0), WLS)), all);

    JsonNode notOlder = json(replicas.url(1), WLS + "?resourceVersion=" + version
        + "&resourceVersionMatch=NotOlderThan");
    assertTrue(ResourceVersions.revision(Long.parseLong(notOlder.path("metadata").path("resourceVersion")
        .asString())) >= ResourceVersions.revision(version));
    JsonNode exact = json(replicas.url(1), WLS + "?resourceVersion=" + version + "&resourceVersionMatch=Exact");
    assertEquals(all, names(exact));
  }

  @Test
  void aVersionNoReplicaHasReachedIsWaitedForThenTooLargeAsKubeApiserverSays() throws Exception {
    long version = Long.parseLong(json(replicas.url(0), WLS).path("metadata").path("resourceVersion").asString());
    long far = ResourceVersions.end(ResourceVersions.revision(version) + 1_000_000);
    long started = System.nanoTime();
    HttpResponse<String> r = replicas.get(replicas.url(1), WLS + "?resourceVersion=" + far);
    assertTrue(System.nanoTime() - started >= TimeUnit.MILLISECONDS.toNanos(2900), "waited for the cache");
    assertEquals(504, r.statusCode(), r.body());
    JsonNode status = Json.MAPPER.readTree(r.body());
    assertEquals("Timeout", status.path("reason").asString());
    assertTrue(status.path("message").asString().startsWith("Timeout: Too large resource version: " + far),
        r.body());
    assertEquals("ResourceVersionTooLarge", status.path("details").path("causes").get(0).path("reason").asString());
  }

  @Test
  void aClientTimeoutShorterThanTheWaitEndsTheRequestFirst() throws Exception {
    // kubectl --request-timeout=1s sends timeout=1s: the wait for a version ends at the client's deadline
    long version = Long.parseLong(json(replicas.url(0), WLS).path("metadata").path("resourceVersion").asString());
    long far = ResourceVersions.end(ResourceVersions.revision(version) + 1_000_000);
    long started = System.nanoTime();
    HttpResponse<String> r = replicas.get(replicas.url(1), WLS + "?resourceVersion=" + far + "&timeout=1s");
    long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    assertEquals(504, r.statusCode(), r.body());
    assertTrue(waited >= 900 && waited < 2900, "waited " + waited + " ms");
    assertEquals("request did not complete within requested timeout - context deadline exceeded",
        Json.MAPPER.readTree(r.body()).path("message").asString());
  }

  @Test
  void aWatchFromOneReplicasListResumesOnTheOther() throws Exception {
    String version = json(replicas.url(0), WLS).path("metadata").path("resourceVersion").asString();
    replicas.crashLoop("shop", "p1", 3);
    JsonNode changed;
    String eventVersion;
    try (Watch w = Watch.open(replicas, replicas.url(1), WLS + "?watch=true&resourceVersion=" + version)) {
      changed = w.await(e -> named(e, "pod.p1") && restarts(e) == 3);
      eventVersion = changed.path("object").path("metadata").path("resourceVersion").asString();
    }
    assertEquals("CrashLoopBackOff", changed.path("object").path("health").path("reasons").get(0).asString());

    // and back: from the version of an event the second replica sent, on the first
    replicas.crashLoop("shop", "p1", 4);
    try (Watch w = Watch.open(replicas, replicas.url(0), WLS + "?watch=true&resourceVersion=" + eventVersion)) {
      w.await(e -> named(e, "pod.p1") && restarts(e) == 4);
    }
    replicas.recover("shop", "p1");
  }

  @Test
  void listThenWatchSequencesSpreadOverBothReplicasWhileTheClusterChanges() throws Exception {
    // the cluster changes at a fixed pace (every 20 ms) on its own thread while the sequences run
    AtomicInteger step = new AtomicInteger();
    ScheduledExecutorService churn = Executors.newSingleThreadScheduledExecutor();
    churn.scheduleWithFixedDelay(() -> {
      int i = step.getAndIncrement();
      String pod = "p" + (i % 5);
      try {
        if (i % 2 == 0) {
          replicas.crashLoop("batch", pod, i);
        } else {
          replicas.recover("batch", pod);
        }
      } catch (RuntimeException e) {
        // the mock is busy: try the next change
      }
    }, 0, 20, TimeUnit.MILLISECONDS);
    int failed = 0;
    List<String> failures = new ArrayList<>();
    try {
      for (int i = 0; i < 100; i++) {
        HttpResponse<String> list = replicas.get(proxy.url(), WLS);
        if (list.statusCode() != 200) {
          failed++;
          failures.add("list " + list.statusCode());
          continue;
        }
        String version = Json.MAPPER.readTree(list.body()).path("metadata").path("resourceVersion").asString();
        try (Watch w = Watch.open(replicas, proxy.url(), WLS + "?watch=true&timeoutSeconds=5&resourceVersion="
            + version)) {
          if (w.status() != 200) {
            failed++;
            failures.add("watch " + w.status());
            continue;
          }
          JsonNode first = w.next(Duration.ofSeconds(5));
          if (first == null || first.path("type").asString().equals("ERROR")) {
            failed++;
            failures.add("watch event " + first);
          }
        }
      }
    } finally {
      churn.shutdownNow();
      churn.awaitTermination(10, TimeUnit.SECONDS);
    }
    System.out.println("replicas: 100 list-then-watch sequences over 2 replicas, one request per replica in"
        + " turn, the cluster changing every ~20 ms: " + failed + " failed " + failures);
    assertEquals(0, failed, failures.toString());
  }

  @Test
  void aClientThatListsOneReplicaAndWatchesTheOtherEndsInTheSameState() throws Exception {
    JsonNode list = json(replicas.url(0), WLS);
    Map<String, String> state = new HashMap<>();
    list.path("items").forEach(i -> state.put(key(i), i.path("metadata").path("resourceVersion").asString()));
    try (Watch w = Watch.open(replicas, replicas.url(1), WLS + "?watch=true&resourceVersion="
        + list.path("metadata").path("resourceVersion").asString())) {
      for (int i = 0; i < 40; i++) {
        if (i % 2 == 0) {
          replicas.crashLoop("payments", "p" + (i % 5), i);
        } else {
          replicas.recover("payments", "p" + (i % 5));
        }
      }
      Await.until("the watched state equals the second replica's list", Duration.ofSeconds(20), () -> {
        for (JsonNode e = w.next(Duration.ofMillis(50)); e != null; e = w.next(Duration.ofMillis(10))) {
          assertFalse(e.path("type").asString().equals("ERROR"), e.toString());
          if (e.path("type").asString().equals("DELETED")) {
            state.remove(key(e.path("object")));
          } else {
            state.put(key(e.path("object")), e.path("object").path("metadata").path("resourceVersion").asString());
          }
        }
        Map<String, String> other = new HashMap<>();
        json(replicas.url(1), WLS).path("items").forEach(i -> other.put(key(i),
            i.path("metadata").path("resourceVersion").asString()));
        return other.equals(state);
      });
    }
  }

  @Test
  void kubectlWatchesThroughThePairWhileTheOtherReplicaRestarts() throws Exception {
    try (Kubectl.Streaming w = kubectl().stream("get", "wls", "-n", "shop", "-w")) {
      w.await("pod\\.p4\\s+Pod\\s+1/1\\s+Healthy.*");
      Await.until("kubectl's watch is open", Duration.ofSeconds(10), () -> !proxy.watchingReplicas().isEmpty());
      int watching = replicas.ports().indexOf(proxy.watchingReplicas().get(0));
      replicas.restart(1 - watching, proxy);
      replicas.crashLoop("shop", "p2", 5);
      w.await("pod\\.p2\\s+Pod\\s+0/1\\s+\\w+\\s+CrashLoopBackOff\\s+5\\s.*");
      replicas.recover("shop", "p2");
      w.await("pod\\.p2\\s+Pod\\s+1/1\\s+Healthy.*");
    }
    assertEquals(15, kubectl().ok("get", "wls", "-A", "--chunk-size=2", "--no-headers").lines().count());
  }

  @Test
  void aFabric8InformerOnTheViewsStaysSyncedAcrossReplicaSwitchesAndARestart() throws Exception {
    ResourceDefinitionContext wls = new ResourceDefinitionContext.Builder().withGroup("ai.k8s.io")
        .withVersion("v1alpha1").withKind("WorkloadSummary").withPlural("workloadsummaries").withNamespaced(true)
        .build();
    int listsBefore = proxy.summaryLists();
    try (KubernetesClient views = new KubernetesClientBuilder().withConfig(new ConfigBuilder()
        .withMasterUrl(proxy.url()).withOauthToken(TOKEN)
        .withCaCertData(Base64.getEncoder().encodeToString(replicas.ca.certificatePem()
            .getBytes(StandardCharsets.UTF_8))).build()).build()) {
      SharedIndexInformer<GenericKubernetesResource> informer = views.genericKubernetesResources(wls)
          .inAnyNamespace().inform();
      for (int i = 1; i <= 10; i++) {
        int restarts = 10 + i;
        replicas.crashLoop("payments", "p3", restarts);
        Await.until("the informer sees restart " + restarts, Duration.ofSeconds(20), () -> {
          GenericKubernetesResource r = informer.getIndexer().getByKey("payments/pod.p3");
          return r != null && restarts == ((Number) ((Map<?, ?>) r.getAdditionalProperties().get("pods"))
              .get("restarts")).intValue();
        });
        proxy.endWatches(); // the informer watches again, on the other replica
        if (i == 5) {
          replicas.restart(1, proxy);
        }
      }
      int relists = proxy.summaryLists() - listsBefore - 1;
      System.out.println("replicas: a fabric8 informer over 2 replicas, 10 watch switches and one replica"
          + " restart: " + relists + " relists");
      assertTrue(relists <= 1, relists + " relists");
      informer.stop();
    }
    replicas.recover("payments", "p3");
  }

  static Kubectl kubectl() throws Exception {
    return new Kubectl("1.33", Kubectl.kubeconfig(dir, proxy.url(), replicas.ca.certificatePem(), "dana", TOKEN));
  }

  static JsonNode json(String base, String path) throws Exception {
    HttpResponse<String> r = replicas.get(base, path);
    assertEquals(200, r.statusCode(), r.body());
    return Json.MAPPER.readTree(r.body());
  }

  static List<String> names(JsonNode list) {
    List<String> names = new ArrayList<>();
    list.path("items").forEach(i -> names.add(key(i)));
    return names;
  }

  static String key(JsonNode object) {
    return object.path("metadata").path("namespace").asString() + "/" + object.path("metadata").path("name")
        .asString();
  }

  static boolean named(JsonNode event, String name) {
    return event.path("object").path("metadata").path("name").asString().equals(name);
  }

  static int restarts(JsonNode event) {
    return event.path("object").path("pods").path("restarts").asInt(-1);
  }

  /** A raw watch: its events as they arrive; closing it ends the connection. */
  static final class Watch implements AutoCloseable {
    private final HttpResponse<InputStream> response;
    private final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();

    private Watch(HttpResponse<InputStream> response) {
      this.response = response;
      Thread reader = new Thread(() -> {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
          for (String line = in.readLine(); line != null; line = in.readLine()) {
            events.add(Json.MAPPER.readTree(line));
          }
        } catch (Exception e) {
          // closed
        }
      });
      reader.setDaemon(true);
      reader.start();
    }

    static Watch open(ServerReplicas replicas, String base, String path) throws Exception {
      return new Watch(replicas.http.send(HttpRequest.newBuilder(URI.create(base + path))
          .timeout(Duration.ofSeconds(20)).header("Authorization", "Bearer " + TOKEN).build(),
          HttpResponse.BodyHandlers.ofInputStream()));
    }

    int status() {
      return response.statusCode();
    }

    JsonNode next(Duration wait) throws InterruptedException {
      return events.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    JsonNode await(Predicate<JsonNode> wanted) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      List<String> seen = new ArrayList<>();
      while (System.nanoTime() < deadline) {
        JsonNode e = events.poll(100, TimeUnit.MILLISECONDS);
        if (e != null) {
          assertFalse(e.path("type").asString().equals("ERROR"), e.toString());
          if (wanted.test(e)) {
            return e;
          }
          seen.add(e.path("type").asString() + " " + e.path("object").path("metadata").path("name").asString());
        }
      }
      throw new AssertionError("no matching watch event (status " + response.statusCode() + ") in " + seen);
    }

    @Override
    public void close() throws Exception {
      response.body().close();
    }
  }
}
