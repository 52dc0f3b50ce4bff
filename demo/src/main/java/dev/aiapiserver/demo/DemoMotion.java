package dev.aiapiserver.demo;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the demo cluster alive, so that {@code kubectl get wls -A -w} shows motion: on every tick
 * a checkout pod goes through its next crash-loop step (restarted and running, then OOM-killed
 * and backing off, its BackOff event counting up); every third tick a web pod fails or passes
 * its readiness probe, and the web Deployment's ready count follows; at the top of each hour
 * batch/hourly-sync runs, on time.
 */
public final class DemoMotion implements AutoCloseable {
  public static final Duration DEFAULT_PERIOD = Duration.ofSeconds(5);

  private static final Logger LOG = LoggerFactory.getLogger(DemoMotion.class);

  private final ScheduledExecutorService ticks;
  private final CrashLoop crashLoop;
  private final ReadinessFlap readiness;
  private final KubernetesClient client;
  private final Clock clock;
  private final AtomicLong tick = new AtomicLong();
  private volatile boolean failing;

  private DemoMotion(KubernetesClient client, Clock clock) {
    this.crashLoop = new CrashLoop(client, clock);
    this.readiness = new ReadinessFlap(client, clock);
    this.client = client;
    this.clock = clock;
    this.ticks = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "demo-motion");
      thread.setDaemon(true);
      return thread;
    });
  }

  public static DemoMotion start(KubernetesClient client, Clock clock, Duration period) {
    DemoMotion motion = new DemoMotion(client, clock);
    motion.ticks.scheduleWithFixedDelay(motion::step, period.toMillis(), period.toMillis(),
        TimeUnit.MILLISECONDS);
    LOG.info("event=demo_motion_started periodMillis={}", period.toMillis());
    return motion;
  }

  /** How many ticks have run. */
  public long ticks() {
    return tick.get();
  }

  private void step() {
    long n = tick.incrementAndGet();
    try {
      crashLoop.step();
      if (n % 3 == 0) {
        readiness.step();
      }
      HourlySync.runIfDue(client, clock.instant());
      if (failing) {
        failing = false;
        LOG.info("event=demo_motion_recovered");
      }
    } catch (RuntimeException e) {
      if (!failing) {
        failing = true; // say it once, not every tick
        LOG.warn("event=demo_motion_failed error=\"{}\"", e.getMessage());
      }
    }
  }

  @Override
  public void close() {
    ticks.shutdownNow();
    try {
      if (!ticks.awaitTermination(10, TimeUnit.SECONDS)) {
        LOG.warn("event=demo_motion_stop_timeout");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
