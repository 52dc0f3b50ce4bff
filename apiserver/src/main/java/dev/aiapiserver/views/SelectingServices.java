package dev.aiapiserver.views;

import dev.aiapiserver.api.WorkloadSummary.Services;
import io.fabric8.kubernetes.api.model.Service;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The Services whose selector selects a workload's pods, judged by the pod template's labels. */
final class SelectingServices {
  static final int MAX_LISTED = 10;

  private SelectingServices() {}

  static Services of(List<Service> services, String namespace, Map<String, String> podLabels) {
    if (podLabels == null || podLabels.isEmpty()) {
      return null;
    }
    List<String> names = services.stream()
        .filter(s -> namespace == null || Objects.equals(namespace, s.getMetadata().getNamespace())
            || s.getMetadata().getNamespace() == null)
        .filter(s -> selects(s, podLabels))
        .map(s -> s.getMetadata().getName())
        .sorted()
        .distinct()
        .toList();
    if (names.isEmpty()) {
      return null;
    }
    List<String> listed = names.subList(0, Math.min(MAX_LISTED, names.size()));
    return new Services(List.copyOf(listed), names.size() - listed.size());
  }

  /** A Service without a selector selects nothing by itself (its endpoints are managed by hand). */
  static boolean selects(Service service, Map<String, String> podLabels) {
    Map<String, String> selector = service.getSpec() == null ? null : service.getSpec().getSelector();
    if (selector == null || selector.isEmpty()) {
      return false;
    }
    return selector.entrySet().stream().allMatch(e -> Objects.equals(podLabels.get(e.getKey()), e.getValue()));
  }
}
