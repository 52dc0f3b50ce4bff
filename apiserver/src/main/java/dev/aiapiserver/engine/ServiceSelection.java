package dev.aiapiserver.engine;

import dev.aiapiserver.sources.Caches;
import dev.aiapiserver.sources.WorkloadKind;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The workloads a Service selects: those in its namespace whose pod template labels (a bare pod's
 * own labels) match its selector. Matching templates rather than running pods also finds a
 * workload scaled to zero. Costs in proportion to the workloads of one namespace.
 */
final class ServiceSelection {
  private final Caches caches;

  ServiceSelection(Caches caches) {
    this.caches = caches;
  }

  /** Reports every workload selected by the Service before or after the change. */
  void selected(Service before, Service after, Consumer<WorkloadKey> into) {
    List<Map<String, String>> selectors = new ArrayList<>(2);
    String namespace = null;
    for (Service service : new Service[] {before, after}) {
      if (service != null) {
        namespace = service.getMetadata().getNamespace();
        Map<String, String> selector = service.getSpec() == null ? null : service.getSpec().getSelector();
        if (selector != null && !selector.isEmpty()) {
          selectors.add(selector);
        }
      }
    }
    if (selectors.isEmpty()) {
      return; // a Service without selector (e.g. ExternalName) selects no pods
    }
    for (WorkloadKind kind : WorkloadKind.values()) {
      for (HasMetadata item : caches.workloadsIn(kind, namespace)) {
        if (Ownership.isTopLevel(kind, item) && anyMatches(selectors, kind.podLabels(item))) {
          into.accept(WorkloadKey.of(kind, item));
        }
      }
    }
  }

  private static boolean anyMatches(List<Map<String, String>> selectors, Map<String, String> labels) {
    if (labels == null || labels.isEmpty()) {
      return false;
    }
    for (Map<String, String> selector : selectors) {
      if (labels.entrySet().containsAll(selector.entrySet())) {
        return true;
      }
    }
    return false;
  }
}
