package dev.aiapiserver.engine;

import dev.aiapiserver.api.ApiObject;
import dev.aiapiserver.api.WorkloadSummary;
import dev.aiapiserver.store.ViewStore;
import dev.aiapiserver.views.WorkloadInputs;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recomputes a batch of workloads and commits the result to the WorkloadSummary store in one
 * commit: a summary per workload that exists, a deletion per workload that is gone.
 */
final class WorkloadRecompute {
  private static final Logger log = LoggerFactory.getLogger(WorkloadRecompute.class);

  private final WorkloadSnapshots snapshots;
  private final Function<WorkloadInputs, WorkloadSummary> derive;
  private final ViewStore store;
  private final Clock clock;

  WorkloadRecompute(WorkloadSnapshots snapshots, Function<WorkloadInputs, WorkloadSummary> derive,
      ViewStore store, Clock clock) {
    this.snapshots = snapshots;
    this.derive = derive;
    this.store = store;
    this.clock = clock;
  }

  void recompute(Collection<WorkloadKey> keys) {
    recompute(keys, List.of());
  }

  /** Recomputes keys and also deletes the given store keys (views of workloads no longer known). */
  void recompute(Collection<WorkloadKey> keys, Collection<String> alsoDelete) {
    long started = System.nanoTime();
    Instant now = clock.instant();
    List<WorkloadSummary> upserts = new ArrayList<>(keys.size());
    List<String> deletions = new ArrayList<>(alsoDelete);
    for (WorkloadKey key : keys) {
      Optional<ApiObject> current = store.get(key.namespace(), key.summaryName());
      WorkloadSummary previous = (WorkloadSummary) current.orElse(null);
      Optional<WorkloadInputs> inputs = snapshots.take(key, previous, now);
      if (inputs.isEmpty()) {
        if (current.isPresent()) {
          deletions.add(key.storeKey());
        }
        continue;
      }
      try {
        upserts.add(derive.apply(inputs.get()));
      } catch (RuntimeException e) {
        // a derivation bug must cost one view, not the engine; the old view stays
        log.warn("event=derive_failed workload={} error=\"{}\"", key.storeKey(), e.toString());
      }
    }
    if (!upserts.isEmpty() || !deletions.isEmpty()) {
      store.commit(upserts, deletions);
    }
    log.debug("event=workloads_recomputed marked={} upserts={} deletions={} micros={}", keys.size(),
        upserts.size(), deletions.size(), (System.nanoTime() - started) / 1000);
  }
}
