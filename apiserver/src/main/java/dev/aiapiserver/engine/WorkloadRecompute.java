package dev.aiapiserver.engine;

import dev.aiapiserver.api.ApiObject;
import dev.aiapiserver.api.WorkloadSummary;
import dev.aiapiserver.store.Span;
import dev.aiapiserver.store.ViewStore;
import io.fabric8.kubernetes.api.model.HasMetadata;
import dev.aiapiserver.views.WorkloadInputs;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

  /**
   * Recomputes the marked workloads, each committed with the span of the events that marked it,
   * and also deletes the given store keys (views of workloads no longer known).
   */
  void recompute(Map<WorkloadKey, Span> marked, Collection<String> alsoDelete, Span alsoDeleteSpan) {
    long started = System.nanoTime();
    Instant now = clock.instant();
    Collection<WorkloadKey> keys = marked.keySet();
    List<WorkloadSummary> upserts = new ArrayList<>(keys.size());
    List<String> deletions = new ArrayList<>(alsoDelete);
    Map<String, Span> spans = new HashMap<>();
    alsoDelete.forEach(k -> spans.put(k, alsoDeleteSpan));
    for (WorkloadKey key : keys) {
      spans.put(key.storeKey(), marked.get(key));
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
        // the caches may already hold an event whose mark is still on its way: the view reflects it
        spans.put(key.storeKey(), marked.get(key).reaching(newestRevision(inputs.get())));
      } catch (RuntimeException e) {
        // a derivation bug must cost one view, not the engine; the old view stays
        log.warn("event=derive_failed workload={} error=\"{}\"", key.storeKey(), e.toString());
      }
    }
    if (!upserts.isEmpty() || !deletions.isEmpty()) {
      store.commit(upserts, deletions, k -> spans.getOrDefault(k, Span.LOCAL));
    }
    log.debug("event=workloads_recomputed marked={} upserts={} deletions={} micros={}", keys.size(),
        upserts.size(), deletions.size(), (System.nanoTime() - started) / 1000);
  }

  /** The newest upstream revision among the objects a derivation read. */
  static long newestRevision(WorkloadInputs in) {
    long newest = ViewEngine.revisionOf(in.workload());
    for (List<? extends HasMetadata> objects : List.of(in.replicaSets(), in.jobs(), in.pods(), in.events(),
        in.services())) {
      for (HasMetadata o : objects) {
        newest = Math.max(newest, ViewEngine.revisionOf(o));
      }
    }
    for (HasMetadata node : in.nodes().values()) {
      newest = Math.max(newest, ViewEngine.revisionOf(node));
    }
    return newest;
  }
}
