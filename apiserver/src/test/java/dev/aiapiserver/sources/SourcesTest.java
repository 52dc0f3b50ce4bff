package dev.aiapiserver.sources;

import static dev.aiapiserver.sources.MockCluster.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SourcesTest {
  private static final Map<String, String> WEB = Map.of("app", "web");

  private MockCluster cluster;
  private Sources sources;
  private Deployment deployment;
  private ReplicaSet replicaSet;
  private Pod pod;
  private Job job;

  @BeforeEach
  void givenAClusterWithOneOfEverything() {
    cluster = new MockCluster();
    deployment = cluster.create(Fixtures.deployment("shop", "web", 1, WEB));
    replicaSet = cluster.create(Fixtures.replicaSet(deployment, "shop", "web-7d9", WEB));
    pod = cluster.create(Fixtures.pod(replicaSet, "shop", "web-7d9-x", WEB, "node-1"));
    CronJob cronJob = cluster.create(Fixtures.cronJob("shop", "backup", Map.of("app", "backup")));
    job = cluster.create(Fixtures.job(cronJob, "shop", "backup-1", Map.of("app", "backup")));
    cluster.create(Fixtures.pod(job, "shop", "backup-1-abc", Map.of("app", "backup"), "node-2"));
    cluster.create(Fixtures.service("shop", "web", WEB));
    cluster.create(Fixtures.node("node-1", true));
    cluster.create(Fixtures.event("Warning", pod, "web-7d9-x.1", "BackOff"));
    cluster.create(Fixtures.event("Normal", pod, "web-7d9-x.2", "Pulled"));
  }

  @AfterEach
  void stop() {
    if (sources != null) {
      sources.stop();
    }
    cluster.close();
  }

  private Sources started(SourceOptions options) throws Exception {
    sources = new Sources(cluster.client(), options);
    sources.start().get(MockCluster.DEADLINE.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
    return sources;
  }

  @Test
  void whenStarted_thenEveryInformerReportsSyncedByName() throws Exception {
    started(SourceOptions.forMockServer());

    // the workload kinds in the table's order, then the Warning events, the cluster objects and the causes
    assertEquals(List.of("deployments", "statefulsets", "daemonsets", "cronjobs", "jobs", "replicasets", "pods",
        "events", "services", "nodes", "namespaces", "persistentvolumeclaims", "horizontalpodautoscalers",
        "poddisruptionbudgets", "ingresses", "resourcequotas", "endpointslices"), List.copyOf(sources.synced().keySet()));
    assertTrue(sources.synced().values().stream().allMatch(Boolean::booleanValue));
    assertTrue(sources.allSynced());
  }

  @Test
  void whenStopped_thenASourceIsNoLongerCompleteButAskingDoesNotThrow() throws Exception {
    started(SourceOptions.forMockServer());
    assertEquals(Long.MAX_VALUE, sources.completeThrough("pods"));

    sources.stop();

    // the engine may commit one more batch after the sources stopped: it must get an answer
    long through = sources.completeThrough("pods");
    assertTrue(through > 0 && through < Long.MAX_VALUE, "through " + through);
    sources = null;
  }

  @Test
  void givenObjectsFullOfSecrets_thenTheCachesKeepNoneOfThem() throws Exception {
    Caches caches = started(SourceOptions.forMockServer()).caches();

    List<HasMetadata> cached = new ArrayList<>(caches.pods());
    for (WorkloadKind kind : WorkloadKind.values()) {
      cached.addAll(caches.workloads(kind));
    }
    cached.addAll(caches.warningEvents());
    cached.addAll(caches.nodes());
    cached.addAll(caches.servicesIn("shop"));
    String json = cluster.client().getKubernetesSerialization().asJson(cached);

    for (String secret : Fixtures.SECRETS) {
      assertFalse(json.contains(secret), "cache holds " + secret + ": " + json);
    }
    for (String dropped : List.of("managedFields", "last-applied", "\"env\"", "\"args\"", "\"command\"",
        "\"volumes\"", "containerd://", "big-image", "lastHeartbeatTime")) {
      assertFalse(json.contains(dropped), "cache holds " + dropped);
    }
  }

  @Test
  void givenAPod_thenTheCacheKeepsWhatDerivationReads() throws Exception {
    Caches caches = started(SourceOptions.forMockServer()).caches();

    Pod cached = caches.pod("shop", "web-7d9-x").orElseThrow();
    assertEquals(WEB, cached.getMetadata().getLabels());
    assertEquals(replicaSet.getMetadata().getUid(), cached.getMetadata().getOwnerReferences().get(0).getUid());
    assertEquals("node-1", cached.getSpec().getNodeName());
    assertEquals("registry.local/app:1", cached.getSpec().getContainers().get(0).getImage());
    assertEquals("256Mi", cached.getSpec().getContainers().get(0).getResources().getLimits().get("memory").toString());
    assertEquals("Running", cached.getStatus().getPhase());
    assertEquals(true, cached.getStatus().getContainerStatuses().get(0).getReady());
    assertEquals(Map.of("deployment.kubernetes.io/revision", "3"),
        caches.workload(WorkloadKind.DEPLOYMENT, "shop", "web").orElseThrow().getMetadata().getAnnotations());
  }

  @Test
  void givenOneOfEveryKind_thenWhatACacheGivesBackEqualsTheReducedObject() throws Exception {
    Caches caches = started(SourceOptions.forMockServer()).caches();
    var k8s = cluster.client();

    // the caches hold most kinds packed; a read must give back exactly what the reduction kept
    assertEquals(SlimPods.pod(k8s.pods().inNamespace("shop").withName("web-7d9-x").get()),
        caches.pod("shop", "web-7d9-x").orElseThrow());
    assertEquals(SlimWorkloads.replicaSet(k8s.apps().replicaSets().inNamespace("shop").withName("web-7d9").get()),
        caches.replicaSet("shop", "web-7d9").orElseThrow());
    assertEquals(SlimWorkloads.deployment(k8s.apps().deployments().inNamespace("shop").withName("web").get()),
        caches.workload(WorkloadKind.DEPLOYMENT, "shop", "web").orElseThrow());
    assertEquals(SlimWorkloads.job(k8s.batch().v1().jobs().inNamespace("shop").withName("backup-1").get()),
        caches.job("shop", "backup-1").orElseThrow());
    assertEquals(SlimWorkloads.cronJob(k8s.batch().v1().cronjobs().inNamespace("shop").withName("backup").get()),
        caches.workload(WorkloadKind.CRON_JOB, "shop", "backup").orElseThrow());
    assertEquals(SlimClusterObjects.service(k8s.services().inNamespace("shop").withName("web").get()),
        caches.servicesIn("shop").get(0));
    assertEquals(SlimClusterObjects.node(k8s.nodes().withName("node-1").get()), caches.node("node-1").orElseThrow());
    assertEquals(List.of("web-7d9-x"), caches.pods().stream().map(p -> p.getMetadata().getName())
        .filter(n -> n.startsWith("web")).toList());
  }

  @Test
  void givenWarningAndNormalEvents_thenOnlyWarningsAreCachedAndFoundByWhatTheyAreAbout() throws Exception {
    Caches caches = started(SourceOptions.forMockServer()).caches();
    List<String> told = new CopyOnWriteArrayList<>();
    sources.addListener((source, before, after) -> told.add(source));

    cluster.create(Fixtures.event("Normal", pod, "web-7d9-x.3", "Started"));
    cluster.create(Fixtures.event("Warning", pod, "web-7d9-x.4", "Unhealthy"));
    await("the second warning is told", () -> !told.isEmpty());

    assertEquals(List.of("BackOff", "Unhealthy"),
        caches.warningEventsAbout(pod).stream().map(Event::getReason).sorted().toList());
    assertTrue(caches.warningEvents().stream().allMatch(e -> "Warning".equals(e.getType())));
    assertEquals(List.of("events"), told, "a Normal event is nobody's business");
  }

  @Test
  void givenOwnedObjects_thenTheIndexesFindThemByOwnerNodeAndNamespace() throws Exception {
    Caches caches = started(SourceOptions.forMockServer()).caches();

    assertEquals(List.of("web-7d9-x"), names(caches.podsOwnedBy(replicaSet.getMetadata().getUid())));
    assertEquals(List.of("web-7d9"), names(caches.replicaSetsOwnedBy(deployment.getMetadata().getUid())));
    assertEquals(List.of("backup-1-abc"), names(caches.podsOwnedBy(job.getMetadata().getUid())));
    assertEquals(List.of("backup-1-abc"), names(caches.podsOnNode("node-2")));
    assertEquals(List.of("web"), names(caches.servicesIn("shop")));
    assertEquals(List.of("web"), names(caches.workloadsIn(WorkloadKind.DEPLOYMENT, "shop")));
    assertTrue(caches.node("node-1").isPresent());
  }

  @Test
  void whenAPodChanges_thenListenersAreToldAfterTheCacheHoldsItAndLastChangeMoves() throws Exception {
    Caches caches = started(SourceOptions.forMockServer()).caches();
    Instant before = sources.lastChange();
    List<String> phasesSeenByListener = new CopyOnWriteArrayList<>();
    sources.addListener((source, was, now) -> {
      if (WorkloadKind.POD.source().equals(source)) {
        phasesSeenByListener.add(caches.pod("shop", "web-7d9-x").orElseThrow().getStatus().getPhase());
      }
    });

    Pod failed = new PodBuilder(pod).editStatus().withPhase("Failed").endStatus().build();
    cluster.client().pods().inNamespace("shop").resource(failed).updateStatus();

    await("the listener is told", () -> !phasesSeenByListener.isEmpty());
    assertEquals("Failed", phasesSeenByListener.get(0));
    assertFalse(sources.lastChange().isBefore(before));
  }

  @Test
  void givenTheFieldSelectorOption_thenTheCrudMockAnswersNoEvents_whichIsWhyItIsOffForTheMock() throws Exception {
    Caches caches = started(SourceOptions.forCluster()).caches();

    assertTrue(caches.warningEvents().isEmpty(), "the CRUD mock ignores no field selector: it matches nothing");
    assertEquals(1, caches.pods().stream().filter(p -> p.getMetadata().getName().equals("web-7d9-x")).count());
  }

  @Test
  void givenVersionFailsAtFirst_whenStarted_thenTheClusterVersionIsFetchedOnRetry() throws Exception {
    cluster.failVersion(1);
    started(SourceOptions.forMockServer());

    await("the version is known", () -> sources.facts().gitVersion() != null);
    assertEquals(MockCluster.GIT_VERSION, sources.facts().gitVersion());
    assertEquals(MockCluster.PLATFORM, sources.facts().platform());
  }

  private static List<String> names(List<? extends HasMetadata> items) {
    return items.stream().map(i -> i.getMetadata().getName()).sorted().toList();
  }
}
