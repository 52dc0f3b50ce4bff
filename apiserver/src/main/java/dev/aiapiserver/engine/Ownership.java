package dev.aiapiserver.engine;

import dev.aiapiserver.sources.Caches;
import dev.aiapiserver.sources.WorkloadKind;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.Optional;

/**
 * Which top-level workload an object belongs to: Pod -> ReplicaSet -> Deployment, Pod -> Job ->
 * CronJob, Pod -> StatefulSet or DaemonSet. A ReplicaSet without a Deployment, a Job without a
 * CronJob and a Pod without a controller we summarize are workloads of their own. Each answer is a
 * few cache lookups by key.
 */
final class Ownership {
  private final Caches caches;

  Ownership(Caches caches) {
    this.caches = caches;
  }

  WorkloadKey workloadOf(Pod pod) {
    String ns = pod.getMetadata().getNamespace();
    WorkloadKind owner = controllerKind(pod).orElse(WorkloadKind.POD);
    String ownerName = owner == WorkloadKind.POD ? pod.getMetadata().getName() : controller(pod).getName();
    return switch (owner) {
      case REPLICA_SET -> caches.replicaSet(ns, ownerName).map(this::workloadOf)
          .orElse(new WorkloadKey(WorkloadKind.REPLICA_SET, ns, ownerName));
      case JOB -> caches.job(ns, ownerName).map(this::workloadOf)
          .orElse(new WorkloadKey(WorkloadKind.JOB, ns, ownerName));
      case STATEFUL_SET, DAEMON_SET -> new WorkloadKey(owner, ns, ownerName);
      default -> WorkloadKey.of(WorkloadKind.POD, pod);
    };
  }

  WorkloadKey workloadOf(ReplicaSet replicaSet) {
    return controllerKind(replicaSet).filter(k -> k == WorkloadKind.DEPLOYMENT)
        .map(k -> new WorkloadKey(k, replicaSet.getMetadata().getNamespace(), controller(replicaSet).getName()))
        .orElse(WorkloadKey.of(WorkloadKind.REPLICA_SET, replicaSet));
  }

  WorkloadKey workloadOf(Job job) {
    return controllerKind(job).filter(k -> k == WorkloadKind.CRON_JOB)
        .map(k -> new WorkloadKey(k, job.getMetadata().getNamespace(), controller(job).getName()))
        .orElse(WorkloadKey.of(WorkloadKind.JOB, job));
  }

  /** Whether this object is summarized itself rather than as part of its owner. */
  static boolean isTopLevel(WorkloadKind kind, HasMetadata item) {
    Optional<WorkloadKind> owner = controllerKind(item);
    return switch (kind) {
      case REPLICA_SET -> owner.filter(k -> k == WorkloadKind.DEPLOYMENT).isEmpty();
      case JOB -> owner.filter(k -> k == WorkloadKind.CRON_JOB).isEmpty();
      case POD -> owner.filter(WorkloadKind::summarizesItsPods).isEmpty();
      default -> true;
    };
  }

  private static Optional<WorkloadKind> controllerKind(HasMetadata item) {
    OwnerReference ref = controller(item);
    return ref == null ? Optional.empty() : WorkloadKind.of(ref.getApiVersion(), ref.getKind());
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
