package dev.aiapiserver.engine;

import dev.aiapiserver.sources.WorkloadKind;
import dev.aiapiserver.store.ViewStore;
import io.fabric8.kubernetes.api.model.HasMetadata;

/** Names one top-level workload, and so the WorkloadSummary that describes it. */
record WorkloadKey(WorkloadKind kind, String namespace, String name) {

  static WorkloadKey of(WorkloadKind kind, HasMetadata item) {
    return new WorkloadKey(kind, item.getMetadata().getNamespace(), item.getMetadata().getName());
  }

  /** The summary's name, e.g. deployment.web. */
  String summaryName() {
    return kind.prefix() + "." + name;
  }

  String storeKey() {
    return ViewStore.key(namespace, summaryName());
  }
}
