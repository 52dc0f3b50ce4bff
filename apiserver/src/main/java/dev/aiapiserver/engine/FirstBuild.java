package dev.aiapiserver.engine;

import dev.aiapiserver.api.ApiObject;
import dev.aiapiserver.sources.Caches;
import dev.aiapiserver.sources.WorkloadKind;
import dev.aiapiserver.store.ViewStore;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds every view once, when the caches have first synced: every top-level workload of every
 * kind, and a deletion for any view in the store that names none. The one O(cluster) pass.
 */
final class FirstBuild {
  private static final Logger log = LoggerFactory.getLogger(FirstBuild.class);

  private final Caches caches;
  private final ViewStore store;
  private final WorkloadRecompute recompute;

  FirstBuild(Caches caches, ViewStore store, WorkloadRecompute recompute) {
    this.caches = caches;
    this.store = store;
    this.recompute = recompute;
  }

  void run() {
    long started = System.nanoTime();
    List<WorkloadKey> keys = new ArrayList<>();
    for (WorkloadKind kind : WorkloadKind.values()) {
      keys.addAll(topLevel(kind));
    }
    Set<String> known = new HashSet<>();
    keys.forEach(k -> known.add(k.storeKey()));
    List<String> stale = new ArrayList<>();
    for (ApiObject view : store.all()) {
      String key = ViewStore.key(view.metadata().namespace(), view.metadata().name());
      if (!known.contains(key)) {
        stale.add(key);
      }
    }
    recompute.recompute(keys, stale);
    log.info("event=first_build workloads={} millis={}", keys.size(), (System.nanoTime() - started) / 1_000_000);
  }

  /** Every CronJob: their health depends on the clock (a missed schedule makes no event). */
  List<WorkloadKey> cronJobs() {
    return topLevel(WorkloadKind.CRON_JOB);
  }

  private List<WorkloadKey> topLevel(WorkloadKind kind) {
    List<WorkloadKey> keys = new ArrayList<>();
    for (HasMetadata item : caches.workloads(kind)) {
      if (Ownership.isTopLevel(kind, item)) {
        keys.add(WorkloadKey.of(kind, item));
      }
    }
    return keys;
  }
}
