package dev.aiapiserver.bench;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Instant;
import java.util.List;

/**
 * A drawn cluster: every object in the order it would be created (owners before what they own),
 * and the faults planted in it.
 */
record Scenario(ClusterShape shape, long seed, Instant now, List<HasMetadata> objects, List<PlantedFault> faults) {
  long count(String kind) {
    return objects.stream().filter(o -> o.getKind().equals(kind)).count();
  }

  List<String> namespaces() {
    return objects.stream().filter(o -> o.getKind().equals("Namespace")).map(o -> o.getMetadata().getName()).toList();
  }

  List<PlantedFault> faultsIn(String namespace) {
    return faults.stream().filter(f -> f.namespace().equals(namespace)).toList();
  }
}
