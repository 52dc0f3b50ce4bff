package dev.aiapiserver.engine;

import dev.aiapiserver.api.NamespaceSummary;
import dev.aiapiserver.api.WorkloadSummary;
import dev.aiapiserver.api.WorkloadSummary.Verdict;
import dev.aiapiserver.sources.Caches;
import dev.aiapiserver.sources.WorkloadKind;
import dev.aiapiserver.store.StoredView;
import dev.aiapiserver.store.ViewStore;
import dev.aiapiserver.views.NamespaceInputs;
import dev.aiapiserver.views.NamespaceSummaries;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recomputes the NamespaceSummaries of a batch of namespaces from their objects in the caches and
 * their WorkloadSummaries, and commits them in one commit (a deletion for a namespace that is
 * gone). Costs in proportion to the namespaces recomputed: summaries that need no attention are
 * counted from their stored verdict field, never read back.
 */
final class NamespaceRecompute {
  private static final Logger log = LoggerFactory.getLogger(NamespaceRecompute.class);

  private final Caches caches;
  private final ViewStore summaries;
  private final ViewStore store;
  private final Function<NamespaceInputs, NamespaceSummary> derive;

  NamespaceRecompute(Caches caches, ViewStore summaries, ViewStore store,
      Function<NamespaceInputs, NamespaceSummary> derive) {
    this.caches = caches;
    this.summaries = summaries;
    this.store = store;
    this.derive = derive;
  }

  /** Every namespace the caches know, and every one that has a summary (to delete it if gone). */
  List<String> all() {
    List<String> names = new ArrayList<>();
    caches.namespaces().forEach(n -> names.add(n.getMetadata().getName()));
    for (StoredView v : store.current().range("", null)) {
      if (!names.contains(v.namespace())) {
        names.add(v.namespace());
      }
    }
    return names;
  }

  void recompute(Collection<String> namespaces) {
    long started = System.nanoTime();
    List<NamespaceSummary> upserts = new ArrayList<>();
    List<String> deletions = new ArrayList<>();
    for (String name : namespaces) {
      Optional<Namespace> namespace = caches.namespace(name);
      if (namespace.isEmpty()) {
        if (store.get(name, name).isPresent()) {
          deletions.add(ViewStore.key(name, name));
        }
        continue;
      }
      try {
        upserts.add(derive.apply(inputs(namespace.get())));
      } catch (RuntimeException e) {
        log.warn("event=derive_failed view=namespacesummary namespace={} error=\"{}\"", name, e.toString());
      }
    }
    if (!upserts.isEmpty() || !deletions.isEmpty()) {
      store.commit(upserts, deletions);
    }
    log.debug("event=namespaces_recomputed marked={} micros={}", namespaces.size(),
        (System.nanoTime() - started) / 1000);
  }

  private NamespaceInputs inputs(Namespace namespace) {
    String ns = namespace.getMetadata().getName();
    Map<String, Integer> verdicts = new TreeMap<>();
    List<WorkloadSummary> needy = new ArrayList<>();
    for (StoredView v : summaries.current().range(ns, null)) {
      String verdict = v.field("health.verdict");
      verdicts.merge(verdict == null || verdict.isEmpty() ? Verdict.Unknown.name() : verdict, 1, Integer::sum);
      if (verdict == null || verdict.isEmpty() || NamespaceSummaries.needsAttention(Verdict.valueOf(verdict))) {
        needy.add((WorkloadSummary) v.object());
      }
    }
    List<Map<String, String>> podLabels = new ArrayList<>();
    for (WorkloadKind kind : WorkloadKind.values()) {
      for (HasMetadata item : caches.workloadsIn(kind, ns)) {
        if (Ownership.isTopLevel(kind, item)) {
          podLabels.add(kind.podLabels(item));
        }
      }
    }
    List<Service> services = caches.servicesIn(ns);
    Map<String, List<EndpointSlice>> slices = new HashMap<>();
    for (Service s : services) {
      List<EndpointSlice> of = caches.endpointSlicesOf(ns, s.getMetadata().getName());
      if (!of.isEmpty()) {
        slices.put(s.getMetadata().getName(), of);
      }
    }
    return new NamespaceInputs(namespace, verdicts, needy, podLabels, services, slices, caches.ingressesIn(ns),
        caches.claimsIn(ns), caches.quotasIn(ns), caches.warningEventsIn(ns));
  }
}
