package dev.aiapiserver.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Given the seeded demo cluster with its motion running, when time passes, then the crash loop
 * goes on (restarts count up, each death is an OOMKill, the BackOff event counts up) and a web pod
 * flaps between ready and not ready, with the Deployment following; once stopped, its thread is
 * gone.
 */
class DemoMotionTest {
  DemoCluster cluster;
  KubernetesClient client;
  DemoMotion motion;

  @BeforeEach
  void start() {
    cluster = DemoCluster.start(DemoUsers.generate());
    client = cluster.client();
    DemoScenario.seed(client, Clock.systemUTC());
    motion = DemoMotion.start(client, Clock.systemUTC(), Duration.ofMillis(100));
  }

  @AfterEach
  void stop() {
    motion.close();
    cluster.close();
  }

  @Test
  void theCrashLoopGoesOn() {
    int before = checkoutRestarts();
    int backOffsBefore = backOffCount();
    awaitTrue(() -> checkoutRestarts() >= before + 2, "restarts count up");
    awaitTrue(() -> backOffCount() > backOffsBefore, "the BackOff events count up");
    for (Pod pod : checkoutPods()) {
      ContainerStatus status = pod.getStatus().getContainerStatuses().get(0);
      assertEquals("OOMKilled", status.getLastState().getTerminated().getReason());
      assertEquals(137, status.getLastState().getTerminated().getExitCode());
    }
  }

  @Test
  void aWebPodFlapsAndTheDeploymentFollows() {
    awaitTrue(() -> webReadyReplicas() == 2, "web drops to 2 ready");
    awaitTrue(() -> webReadyReplicas() == 3, "web is back to 3 ready");
    assertTrue(client.v1().events().inNamespace("shop").list().getItems().stream()
        .anyMatch(e -> "Unhealthy".equals(e.getReason())
            && e.getMessage().startsWith("Readiness probe failed")));
  }

  @Test
  void theHourlySyncRunsOnEveryHourAndKeepsItsLastThreeRuns() {
    Instant seeded = Instant.now();
    HourlySync.runIfDue(client, seeded);
    assertEquals(1, hourlySyncRuns().size(), "nothing new is due within the seeded hour");
    Instant nextHour = seeded.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
    HourlySync.runIfDue(client, nextHour.plusSeconds(5));
    CronJob cron = client.batch().v1().cronjobs().inNamespace("batch").withName("hourly-sync").get();
    assertEquals(nextHour.toString(), cron.getStatus().getLastScheduleTime());
    assertTrue(hourlySyncRuns().contains("hourly-sync-" + nextHour.getEpochSecond() / 60));
    for (int hours = 2; hours <= 4; hours++) {
      HourlySync.runIfDue(client, nextHour.plus(Duration.ofHours(hours - 1)).plusSeconds(50));
    }
    assertEquals(3, hourlySyncRuns().size(), hourlySyncRuns().toString());
  }

  @Test
  void onceStoppedItsThreadIsGoneAndTheCountsStay() {
    awaitTrue(() -> motion.ticks() > 0, "a first tick");
    motion.close();
    long ticks = motion.ticks();
    int restarts = checkoutRestarts();
    awaitTrue(() -> Thread.getAllStackTraces().keySet().stream()
        .noneMatch(t -> t.getName().equals("demo-motion") && t.isAlive()), "the thread ends");
    assertEquals(ticks, motion.ticks());
    assertEquals(restarts, checkoutRestarts());
  }

  private List<String> hourlySyncRuns() {
    return client.batch().v1().jobs().inNamespace("batch").withLabel("app", "hourly-sync").list()
        .getItems().stream().map(j -> j.getMetadata().getName()).sorted().toList();
  }

  private List<Pod> checkoutPods() {
    return client.pods().inNamespace("shop").withLabel("app", "checkout").list().getItems();
  }

  private int checkoutRestarts() {
    return checkoutPods().stream()
        .mapToInt(p -> p.getStatus().getContainerStatuses().get(0).getRestartCount()).sum();
  }

  private int backOffCount() {
    return client.v1().events().inNamespace("shop").list().getItems().stream()
        .filter(e -> "BackOff".equals(e.getReason())
            && e.getInvolvedObject().getName().startsWith("checkout-"))
        .mapToInt(Event::getCount).sum();
  }

  private int webReadyReplicas() {
    return client.apps().deployments().inNamespace("shop").withName("web").get().getStatus()
        .getReadyReplicas();
  }

  static void awaitTrue(BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting: " + what);
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
    }
  }
}
