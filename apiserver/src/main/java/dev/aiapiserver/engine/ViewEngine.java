package dev.aiapiserver.engine;

import dev.aiapiserver.sources.Sources;
import dev.aiapiserver.store.ResourceVersions;
import dev.aiapiserver.store.Span;
import dev.aiapiserver.sources.WorkloadKind;
import dev.aiapiserver.views.WorkloadInputs;
import dev.aiapiserver.store.ViewStore;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * The ClusterContext follows at most once per {@link EngineSettings#clusterMinInterval()}, and so
 * does the NamespaceSummary of each namespace that changed (a change to its objects or summaries).
 *
 * <p>Every mark carries the upstream revisions of the events behind it ({@link Span}); a view is
 * committed with them, so its version is the same on every replica (see {@link ResourceVersions}),
 * and the stores are told which revisions are still being computed, so that no list claims them
 * early.
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
  private final ResourceVersions versions;
  private final ViewStore summaries;
  /** The span of the event being routed, on the informer thread that routes it. */
  private final ThreadLocal<Span> routing = new ThreadLocal<>();
  private final Object pending = new Object();
  private final Map<WorkloadKey, Span> dirty = new HashMap<>(); // guarded by pending
  private Span clusterSpan; // guarded by pending; null: the ClusterContext is up to date
  private long workloadsInFlight = Long.MAX_VALUE; // guarded by pending
  private long clusterInFlight = Long.MAX_VALUE; // guarded by pending
  private volatile long firstRevision = -1;
  private final WorkloadSnapshots snapshots;
  private final Clock clock;
  private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "view-engine");
    t.setDaemon(true);
    return t;
  });
  private final AtomicBoolean flushScheduled = new AtomicBoolean();
  private final AtomicBoolean clusterScheduled = new AtomicBoolean();
  private final CompletableFuture<Void> ready = new CompletableFuture<>();
  private final NamespaceRecompute namespaces;
  private final Set<String> dirtyNamespaces = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean namespacesScheduled = new AtomicBoolean();
  private volatile boolean built;
  private volatile long lastClusterNanos;
  private volatile long lastNamespacesNanos;
  /** Set by {@link #stop()}: a later {@link #start()} starts nothing. Guarded by this. */
  private boolean stopped;

  /** An engine that keeps WorkloadSummaries and the ClusterContext only. */
  public ViewEngine(Sources sources, ViewStore workloadSummaries, ViewStore clusterContexts,
      Derivations derivations, EngineSettings settings, Clock clock) {
    this(sources, workloadSummaries, clusterContexts, null, derivations, settings, clock);
  }

  /**
   * @param namespaceSummaries the NamespaceSummary store, or null to keep none
   */
  public ViewEngine(Sources sources, ViewStore workloadSummaries, ViewStore clusterContexts,
      ViewStore namespaceSummaries, Derivations derivations, EngineSettings settings, Clock clock) {
    this.sources = sources;
    this.settings = settings;
    this.workloads = new WorkloadRecompute(new WorkloadSnapshots(sources.caches()), derivations.workload(),
        workloadSummaries, clock);
    this.cluster = new ClusterRecompute(sources, workloadSummaries, clusterContexts, derivations.cluster(), clock);
    this.catalog = new WorkloadCatalog(sources.caches(), workloadSummaries);
    this.snapshots = new WorkloadSnapshots(sources.caches());
    this.clock = clock;
    this.namespaces = namespaceSummaries == null ? null
        : new NamespaceRecompute(sources.caches(), workloadSummaries, namespaceSummaries, derivations.namespace());
    this.summaries = workloadSummaries;
    this.versions = workloadSummaries.versions();
    versions.completeThroughBy(sources::completeThrough);
    workloadSummaries.holdBelow(() -> oldestPending(false));
    clusterContexts.holdBelow(() -> oldestPending(true));
    ChangeRouter router = new ChangeRouter(sources.caches(), this::markDirty, this::markNamespaceDirty,
        this::markClusterDirty);
    sources.addListener((source, before, after) -> {
      Span span = spanOf(source, before, after);
      routing.set(span);
      try {
        router.changed(source, before, after);
      } finally {
        routing.remove();
      }
      // after the marks: a revision counts as seen only once what it marks is pending
      HasMetadata object = after != null ? after : before;
      if (object != null) {
        versions.observe(source, revisionOf(object));
      }
    });
  }

  /**
   * The revisions an event stands for. A deletion the informer found by relisting carries the
   * object's last revision, not the deletion's: it happened somewhere up to the newest revision seen.
   */
  private Span spanOf(String source, HasMetadata before, HasMetadata after) {
    if (after != null) {
      long r = revisionOf(after);
      return r > 0 ? Span.at(r) : Span.LOCAL;
    }
    if (before == null) {
      return Span.LOCAL; // the cluster's version or served resources: no object, no revision
    }
    long r = revisionOf(before);
    if (r <= 0) {
      return Span.LOCAL;
    }
    return r > versions.lastOf(source) ? Span.at(r) : new Span(r, Math.max(r, versions.highest()));
  }

  static long revisionOf(HasMetadata o) {
    String rv = o.getMetadata() == null ? null : o.getMetadata().getResourceVersion();
    if (rv == null || rv.isEmpty()) {
      return -1;
    }
    try {
      return Long.parseLong(rv);
    } catch (NumberFormatException e) {
      return -1; // not an etcd revision: this event cannot say which revision it is
    }
  }

  /** The oldest revision whose changes the engine has yet to commit to the store (0 before the first build). */
  private long oldestPending(boolean cluster) {
    if (!built) {
      return 0;
    }
    synchronized (pending) {
      if (cluster) {
        return Math.min(clusterInFlight, clusterSpan == null || clusterSpan.local() ? Long.MAX_VALUE
            : clusterSpan.from());
      }
      long oldest = workloadsInFlight;
      for (Span s : dirty.values()) {
        if (!s.local()) {
          oldest = Math.min(oldest, s.from());
        }
      }
      return oldest;
    }
  }

  /**
   * Starts the sources and the engine; the future completes when the engine is ready. After
   * {@link #stop()} (a server closed before it got to start its informers) it starts nothing.
   */
  public synchronized CompletableFuture<Void> start() {
    if (stopped) {
      ready.completeExceptionally(new IllegalStateException("the engine was stopped before it started"));
      return ready;
    }
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
    return built && sources.allSynced() && settledFirstBuild();
  }

  /** The first views' revision is settled, so lists carry a version every replica can resume from. */
  private boolean settledFirstBuild() {
    return firstRevision >= 0 && summaries.reached(ResourceVersions.end(firstRevision));
  }

  /** Stops the sources, lets the batch in progress finish, then stops the engine thread. */
  public void stop() {
    synchronized (this) {
      stopped = true;
    }
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
    long revision = versions.highest();
    Span first = new Span(0, revision);
    synchronized (pending) {
      dirty.clear();
      clusterSpan = null;
    }
    List<WorkloadKey> all = catalog.all();
    Map<WorkloadKey, Span> batch = new HashMap<>();
    all.forEach(k -> batch.put(k, first));
    summaries.historyStartsAt(revision);
    workloads.recompute(batch, catalog.viewsOtherThan(all), first);
    log.info("event=first_build workloads={} revision={} millis={}", all.size(), revision,
        (System.nanoTime() - started) / 1_000_000);
    firstRevision = revision;
    built = true;
    if (namespaces != null) {
      dirtyNamespaces.clear();
      namespaces.recompute(namespaces.all());
      lastNamespacesNanos = System.nanoTime();
    }
    synchronized (pending) {
      clusterSpan = first.and(clusterSpan);
    }
    recomputeCluster();
    thread.scheduleWithFixedDelay(guarded("clock_tick", this::clockTick),
        settings.clockTick().toMillis(), settings.clockTick().toMillis(), TimeUnit.MILLISECONDS);
    awaitFirstSettled();
  }

  private void awaitFirstSettled() {
    if (settledFirstBuild()) {
      ready.complete(null);
    } else {
      schedule("first_settled", this::awaitFirstSettled, Duration.ofMillis(20));
    }
  }

  private Span routed() {
    Span span = routing.get();
    return span == null ? Span.LOCAL : span;
  }

  private void markDirty(WorkloadKey key) {
    Span span = routed();
    synchronized (pending) {
      dirty.merge(key, span, Span::and);
    }
    if (flushScheduled.compareAndSet(false, true)) {
      schedule("flush", this::flush, settings.coalesce());
    }
  }

  private void flush() {
    flushScheduled.set(false);
    Map<WorkloadKey, Span> batch;
    synchronized (pending) {
      batch = new HashMap<>(dirty);
      dirty.clear();
      for (Span s : batch.values()) {
        if (!s.local()) {
          workloadsInFlight = Math.min(workloadsInFlight, s.from());
        }
      }
    }
    try {
      // before the first build, marks are dropped: the first build reads every cache after them
      if (built && !batch.isEmpty()) {
        workloads.recompute(batch, List.of(), Span.LOCAL);
        // a namespace's summary reads its workloads' summaries: it follows them
        batch.keySet().forEach(key -> markNamespaceDirty(key.namespace()));
      }
    } finally {
      synchronized (pending) {
        workloadsInFlight = Long.MAX_VALUE;
      }
    }
  }

  private void markNamespaceDirty(String namespace) {
    if (namespaces == null) {
      return;
    }
    dirtyNamespaces.add(namespace);
    if (built && namespacesScheduled.compareAndSet(false, true)) {
      // after the workloads marked with it (coalesce), and at most once per clusterMinInterval
      long waitNanos = Math.max(2 * settings.coalesce().toNanos(),
          lastNamespacesNanos + settings.clusterMinInterval().toNanos() - System.nanoTime());
      schedule("namespaces", this::recomputeNamespaces, Duration.ofNanos(waitNanos));
    }
  }

  private void recomputeNamespaces() {
    namespacesScheduled.set(false);
    List<String> batch = new ArrayList<>();
    for (var it = dirtyNamespaces.iterator(); it.hasNext(); ) {
      batch.add(it.next());
      it.remove();
    }
    if (!batch.isEmpty()) {
      lastNamespacesNanos = System.nanoTime();
      namespaces.recompute(batch);
    }
  }

  private void markClusterDirty() {
    Span span = routed();
    synchronized (pending) {
      clusterSpan = clusterSpan == null ? span : clusterSpan.and(span);
    }
    if (built && clusterScheduled.compareAndSet(false, true)) {
      long waitNanos = lastClusterNanos + settings.clusterMinInterval().toNanos() - System.nanoTime();
      schedule("cluster", this::recomputeCluster, Duration.ofNanos(Math.max(0, waitNanos)));
    }
  }

  private void recomputeCluster() {
    clusterScheduled.set(false);
    Span span;
    synchronized (pending) {
      span = clusterSpan;
      clusterSpan = null;
      if (span != null && !span.local()) {
        clusterInFlight = span.from();
      }
    }
    if (span == null) {
      return;
    }
    try {
      lastClusterNanos = System.nanoTime();
      // it reads every cache: it reflects everything seen so far
      cluster.recompute(span.reaching(versions.highest()));
    } finally {
      synchronized (pending) {
        clusterInFlight = Long.MAX_VALUE;
      }
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
