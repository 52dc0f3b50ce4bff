package dev.aiapiserver.views;

import dev.aiapiserver.api.WorkloadSummary.Container;
import dev.aiapiserver.api.WorkloadSummary.Containers;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The containers of a pod template: name, image, requests and limits, nothing else. Env, command
 * and args are never read here, so they cannot leak through this door.
 */
final class TemplateContainers {
  static final int MAX_LISTED = 8;

  private TemplateContainers() {}

  static Containers of(PodSpec spec) {
    if (spec == null || spec.getContainers() == null || spec.getContainers().isEmpty()) {
      return null;
    }
    List<io.fabric8.kubernetes.api.model.Container> all = spec.getContainers();
    List<Container> listed = all.stream()
        .limit(MAX_LISTED)
        .map(c -> new Container(c.getName(), c.getImage(), quantities(c.getResources(), true),
            quantities(c.getResources(), false)))
        .toList();
    return new Containers(listed, all.size() - listed.size());
  }

  private static Map<String, String> quantities(ResourceRequirements resources, boolean requests) {
    if (resources == null) {
      return null;
    }
    Map<String, Quantity> source = requests ? resources.getRequests() : resources.getLimits();
    if (source == null || source.isEmpty()) {
      return null;
    }
    Map<String, String> out = new TreeMap<>();
    source.forEach((k, v) -> out.put(k, v == null ? null : v.toString()));
    return out;
  }
}
