package dev.aiapiserver.engine;

import dev.aiapiserver.sources.Sources;
import dev.aiapiserver.sources.WorkloadKind;
import dev.aiapiserver.views.WorkloadInputs;
import dev.aiapiserver.store.ViewStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the views in step with the caches, incrementally. A cache change marks only the
 * workloads it affects; marked workloads gather for {@link EngineSettings#coalesce()} and are then
 * recomputed on the engine's one thread and committed to the WorkloadSummary store in one batch.
 * The ClusterContext follows at most once per {@link EngineSettings#clusterMinInterval()}.
 *
 * <p>Start it once; it is ready when every informer has synced and the first views are built.
 */
public final class ViewEngine {
  private static final Logger log = LoggerFactory.getLogger(ViewEngine.class);

  private final Sources sources;
  private final EngineSettings settings;
  private final WorkloadRecompute workloads;
  private final ClusterRecompute cluster;
  private final WorkloadCatalog catalog;
  private final WorkloadSnapshots snapshots;
  private final Clock clock;
  private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "view-engine");
    t.setDaemon(true);
    return t;
  });
  private final Set<WorkloadKey> dirty = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean flushScheduled = new AtomicBoolean();
  private final AtomicBoolean clusterDirty = new AtomicBoolean();
  private final AtomicBoolean clusterScheduled = new AtomicBoolean();
  private final CompletableFuture<Void> ready = new CompletableFuture<>();
  private volatile boolean built;
  private volatile long lastClusterNanos;

  public ViewEngine(Sources sources, ViewStore workloadSummaries, ViewStore clusterContexts,
      Derivations derivations, EngineSettings settings, Clock clock) {
    this.sources = sources;
    this.settings = settings;
    this.workloads = new WorkloadRecompute(new WorkloadSnapshots(sources.caches()), derivations.workload(),
        workloadSummaries, clock);
    this.cluster = new ClusterRecompute(sources, workloadSummaries, clusterContexts, derivations.cluster(), clock);
    this.catalog = new WorkloadCatalog(sources.caches(), workloadSummaries);
    this.snapshots = new WorkloadSnapshots(sources.caches());
    this.clock = clock;
    sources.addListener(new ChangeRouter(sources.caches(), this::markDirty, this::markClusterDirty));
  }

  /** Starts the sources and the engine; the future completes when the engine is ready. */
  public CompletableFuture<Void> start() {
    sources.start().whenComplete((synced, error) -> {
      if (error != null) {
        ready.completeExceptionally(error);
      } else {
        schedule("first_build", this::buildFirstViews, Duration.ZERO);
      }
    });
    return ready;
  }

  /**
   * What derivation would read about one top-level workload right now (for the evidence
   * subresource), or empty when it does not exist as one. Reads the caches only; any thread.
   */
  public Optional<WorkloadInputs> inputs(WorkloadKind kind, String namespace, String name) {
    return snapshots.take(new WorkloadKey(kind, namespace, name), null, clock.instant());
  }

  /** Every informer has synced and the first views are built. */
  public boolean ready() {
    return built && sources.allSynced();
  }

  /** Stops the sources, lets the batch in progress finish, then stops the engine thread. */
  public void stop() {
    sources.stop();
    thread.shutdown();
    try {
      if (!thread.awaitTermination(5, TimeUnit.SECONDS)) {
        thread.shutdownNow();
      }
    } catch (InterruptedException e) {
      thread.shutdownNow();
      Thread.currentThread().interrupt();
    }
    log.info("event=engine_stopped");
  }

  private void buildFirstViews() {
    long started = System.nanoTime();
    // the informers have delivered their initial lists (fabric8 completes start() after that), and
    // every cache change precedes its mark: the caches read below already hold all that is marked
    drain();
    List<WorkloadKey> all = catalog.all();
    workloads.recompute(all, catalog.viewsOtherThan(all));
    log.info("event=first_build workloads={} millis={}", all.size(), (System.nanoTime() - started) / 1_000_000);
    built = true;
    clusterDirty.set(true);
    recomputeCluster();
    thread.scheduleWithFixedDelay(guarded("clock_tick", this::clockTick),
        settings.clockTick().toMillis(), settings.clockTick().toMillis(), TimeUnit.MILLISECONDS);
    ready.complete(null);
  }

  private void markDirty(WorkloadKey key) {
    dirty.add(key);
    if (flushScheduled.compareAndSet(false, true)) {
      schedule("flush", this::flush, settings.coalesce());
    }
  }

  private void flush() {
    flushScheduled.set(false);
    List<WorkloadKey> batch = drain();
    // before the first build, marks are dropped: the first build reads every cache after them
    if (built && !batch.isEmpty()) {
      workloads.recompute(batch);
    }
  }

  private List<WorkloadKey> drain() {
    List<WorkloadKey> batch = new ArrayList<>();
    for (var it = dirty.iterator(); it.hasNext(); ) {
      batch.add(it.next());
      it.remove();
    }
    return batch;
  }

  private void markClusterDirty() {
    clusterDirty.set(true);
    if (built && clusterScheduled.compareAndSet(false, true)) {
      long waitNanos = lastClusterNanos + settings.clusterMinInterval().toNanos() - System.nanoTime();
      schedule("cluster", this::recomputeCluster, Duration.ofNanos(Math.max(0, waitNanos)));
    }
  }

  private void recomputeCluster() {
    clusterScheduled.set(false);
    if (clusterDirty.getAndSet(false)) {
      lastClusterNanos = System.nanoTime();
      cluster.recompute();
    }
  }

  /** Re-derives what the clock alone can change: CronJobs (a missed schedule), and what is not Healthy. */
  private void clockTick() {
    catalog.cronJobs().forEach(this::markDirty);
    catalog.notHealthy().forEach(this::markDirty);
    markClusterDirty();
  }

  private void schedule(String what, Runnable task, Duration delay) {
    try {
      thread.schedule(guarded(what, task), delay.toNanos(), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException stopping) {
      // the engine is stopping: changes from now on no longer matter
    }
  }

  private static Runnable guarded(String what, Runnable task) {
    return () -> {
      try {
        task.run();
      } catch (RuntimeException e) {
        log.error("event=engine_task_failed task={}", what, e);
      }
    };
  }
}
