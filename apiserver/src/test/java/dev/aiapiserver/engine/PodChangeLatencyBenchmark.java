package dev.aiapiserver.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.aiapiserver.api.WorkloadSummary;
import dev.aiapiserver.sources.Fixtures;
import dev.aiapiserver.sources.MockCluster;
import dev.aiapiserver.store.Change;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How long after a pod's status changes on the (mock) API server its workload's summary is
 * committed to the store, over 200 updates in a cluster of 50 workloads, for the default coalescing
 * window and a 1ms one. Printed to the test's output, not asserted: the machine is shared.
 */
class PodChangeLatencyBenchmark {
  private static final int UPDATES = 200;
  private static final int WORKLOADS = 50;

  private MockCluster cluster;

  @BeforeEach
  void givenFiftyDeployments() {
    cluster = new MockCluster();
    for (int i = 0; i < WORKLOADS; i++) {
      Map<String, String> labels = Map.of("app", "web-" + i);
      Deployment deployment = cluster.create(Fixtures.deployment("shop", "web-" + i, 2, labels));
      ReplicaSet rs = cluster.create(Fixtures.replicaSet(deployment, "shop", "web-" + i + "-7d9", labels));
      for (int p = 0; p < 2; p++) {
        cluster.create(Fixtures.pod(rs, "shop", "web-" + i + "-7d9-" + p, labels, "node-1"));
      }
    }
  }

  @AfterEach
  void stop() {
    cluster.close();
  }

  @Test
  void whenAPodStatusChanges_thenItsSummaryIsCommittedWithinTheCoalescingWindowPlusTheDerivation() throws Exception {
    for (Duration coalesce : List.of(EngineSettings.defaults().coalesce(), Duration.ofMillis(1))) {
      EngineSettings settings = new EngineSettings(coalesce, Duration.ofSeconds(1), Duration.ofMinutes(1));
      SimpleDerivation derive = new SimpleDerivation();
      try (RunningEngine running = new RunningEngine(cluster, new Derivations(derive, SimpleDerivation::cluster), settings).started()) {
        AtomicInteger awaited = new AtomicInteger(-1);
        AtomicReference<CompletableFuture<Long>> committed = new AtomicReference<>(new CompletableFuture<>());
        running.summaries.watchFromNow(changes -> {
          for (Change c : changes) {
            if (c.view().object() instanceof WorkloadSummary s && s.metadata().name().equals("deployment.web-7")
                && s.pods().restarts() == awaited.get()) {
              committed.get().complete(System.nanoTime());
            }
          }
          return true;
        });
        int first = running.summary("shop", "deployment.web-7").orElseThrow().pods().restarts() + 1;
        long[] fromRequest = new long[UPDATES];
        long[] fromAnswer = new long[UPDATES];
        for (int i = 0; i < UPDATES; i++) {
          int restarts = first + i;
          committed.set(new CompletableFuture<>());
          awaited.set(restarts);
          long sent = System.nanoTime();
          cluster.client().pods().inNamespace("shop").withName("web-7-7d9-0").editStatus(p -> new PodBuilder(p)
              .editStatus().editContainerStatus(0).withRestartCount(restarts).endContainerStatus().endStatus().build());
          long answered = System.nanoTime();
          long commit = committed.get().get(MockCluster.DEADLINE.toSeconds(), TimeUnit.SECONDS);
          fromRequest[i] = commit - sent;
          fromAnswer[i] = commit - answered;
        }
        assertEquals(WORKLOADS - 1, derive.total() - derive.calls("deployment.web-7"),
            "the other workloads were derived once, at the first build, and never again");
        System.out.printf("MEASURE pod-update-to-commit coalesce=%dms updates=%d workloads=%d"
                + " fromUpdateAnswered p50=%.1fms p99=%.1fms fromRequestSent(GET+PUT on the mock) p50=%.1fms p99=%.1fms%n",
            coalesce.toMillis(), UPDATES, WORKLOADS, ms(fromAnswer, 50), ms(fromAnswer, 99),
            ms(fromRequest, 50), ms(fromRequest, 99));
      }
    }
  }

  private static double ms(long[] nanos, int percentile) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    int index = Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1);
    return sorted[index] / 1e6;
  }
}
