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
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.function.Consumer;

/**
 * Turns one cache change into the workloads it affects, and nothing else: a pod marks its
 * workload, an event the workload of the object it is about, a Service the workloads it selects, a
 * node the workloads with pods on it (only when its readiness, taints or cordon changed), a claim
 * the workloads whose pending pods name it, an autoscaler its target, a disruption budget the
 * workloads it covers. Both the old and the new object count, so a change of owner or selector
 * marks both sides. Every change also marks its namespace's NamespaceSummary and touches the
 * ClusterContext.
 */
final class ChangeRouter implements SourceListener {
  private final Caches caches;
  private final Ownership ownership;
  private final ServiceSelection services;
  private final Consumer<WorkloadKey> dirty;
  private final Consumer<String> namespaceDirty;
  private final Runnable clusterDirty;

  ChangeRouter(Caches caches, Consumer<WorkloadKey> dirty, Consumer<String> namespaceDirty, Runnable clusterDirty) {
    this.caches = caches;
    this.ownership = new Ownership(caches);
    this.services = new ServiceSelection(caches);
    this.dirty = dirty;
    this.namespaceDirty = namespaceDirty;
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
        case Sources.CLAIMS -> both(before, after, c -> claimChanged(c.getMetadata().getNamespace(),
            c.getMetadata().getName()));
        case Sources.AUTOSCALERS -> both(before, after, h -> autoscalerChanged((HorizontalPodAutoscaler) h));
        case Sources.DISRUPTION_BUDGETS ->
            services.covered((PodDisruptionBudget) before, (PodDisruptionBudget) after, dirty);
        default -> { } // the rest only feeds the NamespaceSummary and the ClusterContext
      }
    }
    // a NamespaceSummary reads the summaries and the objects of its namespace: any change there counts
    both(before, after, item -> {
      String namespace = item.getMetadata().getNamespace();
      if (namespace != null && !namespace.isEmpty()) {
        namespaceDirty.accept(namespace);
      } else if (Sources.NAMESPACES.equals(source)) {
        namespaceDirty.accept(item.getMetadata().getName());
      }
    });
    clusterDirty.run();
  }

  private void claimChanged(String namespace, String name) {
    for (Pod pod : caches.podsUsingClaim(namespace, name)) {
      dirty.accept(ownership.workloadOf(WorkloadKind.POD, pod));
    }
  }

  private void autoscalerChanged(HorizontalPodAutoscaler hpa) {
    var target = hpa.getSpec() == null ? null : hpa.getSpec().getScaleTargetRef();
    if (target != null && target.getName() != null) {
      WorkloadKind.of(null, target.getKind()).ifPresent(kind ->
          dirty.accept(ownership.workloadNamed(kind, hpa.getMetadata().getNamespace(), target.getName())));
    }
  }

  private void eventChanged(Event event) {
    ObjectReference about = event.getInvolvedObject();
    if (about == null || about.getName() == null) {
      return;
    }
    WorkloadKind.of(about.getApiVersion(), about.getKind())
        .ifPresent(kind -> dirty.accept(ownership.workloadNamed(kind, about.getNamespace(), about.getName())));
    switch (String.valueOf(about.getKind())) {
      case "PersistentVolumeClaim" -> claimChanged(about.getNamespace(), about.getName());
      case "HorizontalPodAutoscaler" ->
          caches.autoscaler(about.getNamespace(), about.getName()).ifPresent(this::autoscalerChanged);
      default -> { }
    }
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
