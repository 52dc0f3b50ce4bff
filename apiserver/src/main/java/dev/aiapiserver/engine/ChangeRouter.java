package dev.aiapiserver.engine;

import dev.aiapiserver.sources.Caches;
import dev.aiapiserver.sources.SourceListener;
import dev.aiapiserver.sources.Sources;
import dev.aiapiserver.sources.WorkloadKind;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.function.Consumer;

/**
 * Turns one cache change into the workloads it affects, and nothing else: a pod marks its
 * workload, an event the workload of the object it is about, a Service the workloads it selects, a
 * node the workloads with pods on it (only when its readiness, taints or cordon changed). Both the
 * old and the new object count, so a change of owner or selector marks both sides. Every change
 * also touches the ClusterContext.
 */
final class ChangeRouter implements SourceListener {
  private final Caches caches;
  private final Ownership ownership;
  private final ServiceSelection services;
  private final Consumer<WorkloadKey> dirty;
  private final Runnable clusterDirty;

  ChangeRouter(Caches caches, Consumer<WorkloadKey> dirty, Runnable clusterDirty) {
    this.caches = caches;
    this.ownership = new Ownership(caches);
    this.services = new ServiceSelection(caches);
    this.dirty = dirty;
    this.clusterDirty = clusterDirty;
  }

  @Override
  public void changed(String source, HasMetadata before, HasMetadata after) {
    switch (source) {
      case Sources.PODS -> both(before, after, p -> dirty.accept(ownership.workloadOf((Pod) p)));
      case Sources.REPLICA_SETS -> both(before, after, r -> dirty.accept(ownership.workloadOf((ReplicaSet) r)));
      case Sources.JOBS -> both(before, after, j -> dirty.accept(ownership.workloadOf((Job) j)));
      case Sources.DEPLOYMENTS -> both(before, after, d -> dirty.accept(WorkloadKey.of(WorkloadKind.DEPLOYMENT, d)));
      case Sources.STATEFUL_SETS -> both(before, after, s -> dirty.accept(WorkloadKey.of(WorkloadKind.STATEFUL_SET, s)));
      case Sources.DAEMON_SETS -> both(before, after, d -> dirty.accept(WorkloadKey.of(WorkloadKind.DAEMON_SET, d)));
      case Sources.CRON_JOBS -> both(before, after, c -> dirty.accept(WorkloadKey.of(WorkloadKind.CRON_JOB, c)));
      case Sources.EVENTS -> both(before, after, e -> eventChanged((Event) e));
      case Sources.SERVICES -> services.selected((Service) before, (Service) after, dirty);
      case Sources.NODES -> nodeChanged((Node) before, (Node) after);
      default -> { } // namespaces, version and discovery only feed the ClusterContext
    }
    clusterDirty.run();
  }

  private void eventChanged(Event event) {
    ObjectReference about = event.getInvolvedObject();
    if (about == null || about.getName() == null) {
      return;
    }
    String ns = about.getNamespace();
    WorkloadKind.of(about.getApiVersion(), about.getKind()).ifPresent(kind -> {
      switch (kind) {
        case POD -> caches.pod(ns, about.getName()).ifPresent(p -> dirty.accept(ownership.workloadOf(p)));
        case REPLICA_SET -> caches.replicaSet(ns, about.getName()).ifPresent(r -> dirty.accept(ownership.workloadOf(r)));
        case JOB -> caches.job(ns, about.getName()).ifPresent(j -> dirty.accept(ownership.workloadOf(j)));
        default -> dirty.accept(new WorkloadKey(kind, ns, about.getName()));
      }
    });
  }

  private void nodeChanged(Node before, Node after) {
    if (before != null && after != null && NodeHealth.same(before, after)) {
      return;
    }
    Node node = after != null ? after : before;
    for (Pod pod : caches.podsOnNode(node.getMetadata().getName())) {
      dirty.accept(ownership.workloadOf(pod));
    }
  }

  private static void both(HasMetadata before, HasMetadata after, Consumer<HasMetadata> mark) {
    if (before != null) {
      mark.accept(before);
    }
    if (after != null) {
      mark.accept(after);
    }
  }
}
