package dev.aiapiserver.engine;

import dev.aiapiserver.api.ApiObject;
import dev.aiapiserver.api.ClusterContext;
import dev.aiapiserver.api.WorkloadSummary;
import dev.aiapiserver.sources.Caches;
import dev.aiapiserver.sources.ClusterFacts;
import dev.aiapiserver.sources.Sources;
import dev.aiapiserver.store.Span;
import dev.aiapiserver.store.ViewStore;
import dev.aiapiserver.views.ClusterInputs;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recomputes the ClusterContext from the whole of the caches and the current summaries. It reads
 * the whole cluster, which is why the engine calls it at a bounded rate.
 */
final class ClusterRecompute {
  private static final Logger log = LoggerFactory.getLogger(ClusterRecompute.class);

  private final Sources sources;
  private final ViewStore summaries;
  private final ViewStore contexts;
  private final Function<ClusterInputs, ClusterContext> derive;
  private final Clock clock;

  ClusterRecompute(Sources sources, ViewStore summaries, ViewStore contexts,
      Function<ClusterInputs, ClusterContext> derive, Clock clock) {
    this.sources = sources;
    this.summaries = summaries;
    this.contexts = contexts;
    this.derive = derive;
    this.clock = clock;
  }

  private java.util.Map<String, java.time.Instant> staleSince() {
    java.util.Map<String, java.time.Instant> since = new java.util.TreeMap<>();
    sources.health().stale().forEach((source, stale) -> since.put(source, stale.since()));
    return since;
  }

  void recompute(Span span) {
    long started = System.nanoTime();
    Caches caches = sources.caches();
    ClusterFacts facts = sources.facts();
    List<WorkloadSummary> all = new ArrayList<>();
    for (ApiObject view : summaries.all()) {
      all.add((WorkloadSummary) view);
    }
    ClusterContext previous = (ClusterContext) contexts.get(null, ClusterContext.NAME).orElse(null);
    ClusterInputs inputs = new ClusterInputs(facts.gitVersion(), facts.platform(), caches.nodes(),
        caches.namespaces(), caches.pods(), caches.warningEvents(), all, facts.apiResources(),
        sources.synced(), sources.lastChange(), previous, clock.instant(), staleSince());
    try {
      contexts.commit(List.of(derive.apply(inputs)), List.of(), key -> span);
    } catch (RuntimeException e) {
      log.warn("event=derive_failed view=clustercontext error=\"{}\"", e.toString());
      return;
    }
    log.debug("event=cluster_recomputed workloads={} micros={}", all.size(), (System.nanoTime() - started) / 1000);
  }
}
