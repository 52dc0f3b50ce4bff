package dev.aiapiserver.sources;

import static dev.aiapiserver.sources.MockCluster.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openjdk.jol.info.GraphLayout;

/**
 * What the caches retain for 5,000 realistic pods (50 Deployments of 100), against a plain fabric8
 * pod informer holding full objects. Two numbers each, printed to the test's output: the object
 * graph of the caches (JOL; exact, what the caches hold) and the used-heap delta after GC (what
 * the brief asks; it also counts whatever the in-process mock server keeps per list and watch).
 * Only "reduced retains less than full" is asserted.
 */
class CacheFootprintBenchmark {
  private static final int DEPLOYMENTS = 50;
  private static final int PODS_PER_DEPLOYMENT = 100;
  private static final int PODS = DEPLOYMENTS * PODS_PER_DEPLOYMENT;

  private MockCluster cluster;

  @BeforeEach
  void givenFiveThousandPods() {
    cluster = new MockCluster();
    for (int i = 0; i < DEPLOYMENTS; i++) {
      Map<String, String> labels = Map.of("app", "web-" + i);
      Deployment d = cluster.create(Fixtures.deployment("shop", "web-" + i, PODS_PER_DEPLOYMENT, labels));
      ReplicaSet rs = cluster.create(Fixtures.replicaSet(d, "shop", "web-" + i + "-7d9", labels));
      for (int p = 0; p < PODS_PER_DEPLOYMENT; p++) {
        cluster.create(realisticPod(rs, "web-" + i, "web-" + i + "-7d9-" + p));
      }
    }
  }

  @AfterEach
  void stop() {
    cluster.close();
  }

  @Test
  void givenFiveThousandPods_thenTheReducedCachesRetainAThirdOfFullOnes_printedPerThousandPods() throws Exception {
    // a first list warms what every later one reuses (classes, Jackson deserializers, buffer pools);
    // each measurement has a client of its own, closed after it
    try (KubernetesClient warmUp = cluster.newClient()) {
      assertEquals(PODS, warmUp.pods().inAnyNamespace().list().getItems().size());
    }
    long[] reduced = reducedCaches();
    long[] full = fullPodInformer();

    System.out.printf("MEASURE cache-retained pods=%d reduced(all 11 caches, JOL)=%.1fMB perThousandPods=%.0fKB"
            + " full(pod informer, JOL)=%.1fMB perThousandPods=%.0fKB%n",
        PODS, reduced[0] / 1e6, perThousand(reduced[0]), full[0] / 1e6, perThousand(full[0]));
    System.out.printf("MEASURE heap-delta pods=%d reduced=%.1fMB perThousandPods=%.0fKB full=%.1fMB perThousandPods=%.0fKB%n",
        PODS, reduced[1] / 1e6, perThousand(reduced[1]), full[1] / 1e6, perThousand(full[1]));
    assertTrue(reduced[0] * 2 < full[0], "reduced caches " + reduced[0] + " bytes vs full pods " + full[0]);
  }

  /** Retained by the 11 reduced caches: {object graph size, used-heap delta}. */
  private long[] reducedCaches() throws Exception {
    long before = usedHeapAfterGc();
    try (KubernetesClient client = cluster.newClient()) {
      Sources sources = new Sources(client, SourceOptions.forMockServer());
      AtomicInteger podsTold = new AtomicInteger();
      sources.addListener((source, was, now) -> {
        if (WorkloadKind.POD.source().equals(source)) {
          podsTold.incrementAndGet();
        }
      });
      sources.start().get(60, TimeUnit.SECONDS);
      // until every notification is delivered, the informer's queue still holds full objects
      await("every pod was told", () -> podsTold.get() == PODS);
      long delta = usedHeapAfterGc() - before;
      long graph = GraphLayout.parseInstance(sources.indexers().values().toArray()).totalSize();
      sources.stop();
      return new long[] {graph, delta};
    }
  }

  /** Retained by a plain fabric8 pod informer: {object graph size, used-heap delta}. */
  private long[] fullPodInformer() throws Exception {
    long before = usedHeapAfterGc();
    try (KubernetesClient client = cluster.newClient()) {
      SharedIndexInformer<Pod> full = client.pods().inAnyNamespace().runnableInformer(0);
      full.start().toCompletableFuture().get(60, TimeUnit.SECONDS);
      await("the full informer holds every pod", () -> full.getIndexer().listKeys().size() == PODS);
      long delta = usedHeapAfterGc() - before;
      long graph = GraphLayout.parseInstance(full.getIndexer()).totalSize();
      full.stop();
      return new long[] {graph, delta};
    }
  }

  /** A pod about the size of a real one: probes, ports, tolerations, a token volume, full status. */
  private static Pod realisticPod(ReplicaSet owner, String app, String name) {
    return new PodBuilder(Fixtures.pod(owner, "shop", name, Map.of("app", app, "pod-template-hash", "7d9"), "node-1"))
        .editMetadata().withGenerateName(app + "-7d9-").addToAnnotations("prometheus.io/scrape", "true").endMetadata()
        .editSpec()
            .editContainer(0)
                .addNewPort().withName("http").withContainerPort(8080).withProtocol("TCP").endPort()
                .withNewReadinessProbe().withNewHttpGet().withPath("/ready").withPort(new IntOrString(8080)).endHttpGet().endReadinessProbe()
                .withNewLivenessProbe().withNewHttpGet().withPath("/live").withPort(new IntOrString(8080)).endHttpGet().endLivenessProbe()
                .addNewVolumeMount().withName("kube-api-access").withMountPath("/var/run/secrets/kubernetes.io/serviceaccount").endVolumeMount()
            .endContainer()
            .addNewToleration().withKey("node.kubernetes.io/not-ready").withOperator("Exists").withEffect("NoExecute").withTolerationSeconds(300L).endToleration()
            .addNewToleration().withKey("node.kubernetes.io/unreachable").withOperator("Exists").withEffect("NoExecute").withTolerationSeconds(300L).endToleration()
            .addNewVolume().withName("kube-api-access").withNewProjected().addNewSource().withNewServiceAccountToken()
                .withPath("token").withExpirationSeconds(3607L).endServiceAccountToken().endSource().endProjected().endVolume()
            .withServiceAccountName("default").withDnsPolicy("ClusterFirst").withSchedulerName("default-scheduler")
        .endSpec()
        .editStatus().withPodIP("10.244.1.17").withHostIP("172.18.0.3").withQosClass("Burstable").withStartTime("2025-01-01T00:00:00Z")
            .addNewCondition().withType("Initialized").withStatus("True").endCondition()
            .addNewCondition().withType("ContainersReady").withStatus("True").endCondition()
            .addNewCondition().withType("PodScheduled").withStatus("True").endCondition()
        .endStatus()
        .build();
  }

  private static double perThousand(long bytes) {
    return bytes / 1e3 / (PODS / 1000.0);
  }

  private static long usedHeapAfterGc() {
    for (int i = 0; i < 4; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
