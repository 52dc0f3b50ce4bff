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
    WorkloadKind kind = WorkloadKind.ofSource(source).orElse(null);
    if (kind != null) {
      both(before, after, item -> dirty.accept(ownership.workloadOf(kind, item)));
    } else {
      switch (source) {
        case Sources.EVENTS -> both(before, after, e -> eventChanged((Event) e));
        case Sources.SERVICES -> services.selected((Service) before, (Service) after, dirty);
        case Sources.NODES -> nodeChanged((Node) before, (Node) after);
        default -> { } // namespaces, version and discovery only feed the ClusterContext
      }
    }
    clusterDirty.run();
  }

  private void eventChanged(Event event) {
    ObjectReference about = event.getInvolvedObject();
    if (about == null || about.getName() == null) {
      return;
    }
    WorkloadKind.of(about.getApiVersion(), about.getKind())
        .ifPresent(kind -> dirty.accept(ownership.workloadNamed(kind, about.getNamespace(), about.getName())));
  }

  private void nodeChanged(Node before, Node after) {
    if (before != null && after != null && NodeHealth.same(before, after)) {
      return;
    }
    Node node = after != null ? after : before;
    for (Pod pod : caches.podsOnNode(node.getMetadata().getName())) {
      dirty.accept(ownership.workloadOf(WorkloadKind.POD, pod));
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
