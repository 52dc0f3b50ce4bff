package dev.aiapiserver.engine;

import dev.aiapiserver.api.WorkloadSummary;
import dev.aiapiserver.sources.Caches;
import dev.aiapiserver.sources.WorkloadKind;
import dev.aiapiserver.store.StoredView;
import dev.aiapiserver.store.ViewStore;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The sets of workloads the engine recomputes other than by change: all of them (the first
 * build), and those the clock alone can change (the periodic tick).
 */
final class WorkloadCatalog {
  private final Caches caches;
  private final ViewStore store;

  WorkloadCatalog(Caches caches, ViewStore store) {
    this.caches = caches;
    this.store = store;
  }

  /** Every top-level workload of every kind: the one O(cluster) listing, for the first build. */
  List<WorkloadKey> all() {
    List<WorkloadKey> keys = new ArrayList<>();
    for (WorkloadKind kind : WorkloadKind.values()) {
      keys.addAll(topLevel(kind));
    }
    return keys;
  }

  /** Store keys of views that name none of the given workloads. */
  List<String> viewsOtherThan(Collection<WorkloadKey> workloads) {
    Set<String> known = new HashSet<>();
    workloads.forEach(k -> known.add(k.storeKey()));
    List<String> stale = new ArrayList<>();
    for (StoredView view : store.current().range("", null)) {
      if (!known.contains(view.key())) {
        stale.add(view.key());
      }
    }
    return stale;
  }

  /** Every CronJob: a missed schedule makes no event. */
  List<WorkloadKey> cronJobs() {
    return topLevel(WorkloadKind.CRON_JOB);
  }

  /**
   * Every workload whose summary is not Healthy: time-windowed evidence (e.g. an OOM kill within the
   * last hour) can age out of it without any source change. A Healthy one cannot turn bad by time alone.
   */
  List<WorkloadKey> notHealthy() {
    List<WorkloadKey> keys = new ArrayList<>();
    for (StoredView view : store.current().range("", null)) {
      if (WorkloadSummary.Verdict.Healthy.name().equals(view.field("health.verdict"))) {
        continue; // most are: read back only the others
      }
      WorkloadSummary summary = (WorkloadSummary) view.object();
      if (summary.health() != null && summary.health().verdict() != WorkloadSummary.Verdict.Healthy
          && summary.workload() != null) {
        WorkloadKind.of(null, summary.workload().kind()).ifPresent(kind ->
            keys.add(new WorkloadKey(kind, summary.metadata().namespace(), summary.workload().name())));
      }
    }
    return keys;
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
