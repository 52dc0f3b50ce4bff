package dev.aiapiserver.engine;

import dev.aiapiserver.sources.Caches;
import dev.aiapiserver.sources.WorkloadKind;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import java.util.Optional;

/**
 * Which top-level workload an object belongs to, following controllers up as far as the table of
 * kinds says a summary includes them ({@link WorkloadKind#summarizedBy}): Pod -> ReplicaSet ->
 * Deployment, Pod -> Job -> CronJob, Pod -> StatefulSet or DaemonSet. A ReplicaSet without a
 * Deployment, a Job without a CronJob and a Pod without a controller we summarize are workloads of
 * their own. Each answer is a few cache lookups by key.
 */
final class Ownership {
  private final Caches caches;

  Ownership(Caches caches) {
    this.caches = caches;
  }

  /** The workload whose summary includes this object of this kind. */
  WorkloadKey workloadOf(WorkloadKind kind, HasMetadata item) {
    OwnerReference controller = controller(item);
    Optional<WorkloadKind> owner = summarizingOwner(kind, item);
    if (owner.isEmpty()) {
      return WorkloadKey.of(kind, item);
    }
    return workloadNamed(owner.get(), item.getMetadata().getNamespace(), controller.getName());
  }

  /** The workload whose summary includes the object of this kind and name (itself when not cached). */
  WorkloadKey workloadNamed(WorkloadKind kind, String namespace, String name) {
    return caches.workload(kind, namespace, name).map(o -> workloadOf(kind, o))
        .orElse(new WorkloadKey(kind, namespace, name));
  }

  /** Whether this object is summarized itself rather than as part of its owner. */
  static boolean isTopLevel(WorkloadKind kind, HasMetadata item) {
    return summarizingOwner(kind, item).isEmpty();
  }

  private static Optional<WorkloadKind> summarizingOwner(WorkloadKind kind, HasMetadata item) {
    OwnerReference ref = controller(item);
    return ref == null ? Optional.empty()
        : WorkloadKind.of(ref.getApiVersion(), ref.getKind()).filter(kind::summarizedBy);
  }

  private static OwnerReference controller(HasMetadata item) {
    if (item.getMetadata().getOwnerReferences() == null) {
      return null;
    }
    for (OwnerReference ref : item.getMetadata().getOwnerReferences()) {
      if (Boolean.TRUE.equals(ref.getController())) {
        return ref;
      }
    }
    return null;
  }
}
