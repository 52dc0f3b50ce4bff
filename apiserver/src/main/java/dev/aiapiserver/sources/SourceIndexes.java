package dev.aiapiserver.sources;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;

/**
 * The cache indexes the engine looks things up by. Each reads only fields the reduced stores keep
 * (see {@link ReducedItemStore}).
 */
final class SourceIndexes {
  /** Pods, ReplicaSets, Jobs: uid of the controlling owner. */
  static final String OWNER = "owner";
  /**
   * Pods that are workloads of their own (no controller whose summary includes them): their
   * namespace. Replaces fabric8's namespace index on pods, which held every pod and was read only
   * for these.
   */
  static final String OWN_WORKLOAD_NAMESPACE = "own-workload-namespace";
  /** Pods: the node they are bound to. */
  static final String NODE = "node";
  /** Warning events: kind/namespace/name of the object they are about. */
  static final String ABOUT = "about";
  /** Warning events: their namespace (replaces fabric8's namespace index, which would also index refused events). */
  static final String WARNING_NAMESPACE = "warning-namespace";

  private SourceIndexes() {}

  static List<String> controllerUid(HasMetadata item) {
    OwnerReference controller = controllerOf(item);
    return controller == null || controller.getUid() == null ? List.of() : List.of(controller.getUid());
  }

  static OwnerReference controllerOf(HasMetadata item) {
    if (item.getMetadata() == null || item.getMetadata().getOwnerReferences() == null) {
      return null;
    }
    for (OwnerReference ref : item.getMetadata().getOwnerReferences()) {
      if (Boolean.TRUE.equals(ref.getController())) {
        return ref;
      }
    }
    return null;
  }

  static List<String> ownWorkloadNamespace(Pod pod) {
    OwnerReference controller = controllerOf(pod);
    boolean summarizedWithOwner = controller != null
        && WorkloadKind.of(controller.getApiVersion(), controller.getKind())
            .filter(WorkloadKind::summarizesItsPods).isPresent();
    return summarizedWithOwner ? List.of() : List.of(String.valueOf(pod.getMetadata().getNamespace()));
  }

  static List<String> nodeName(Pod pod) {
    String node = pod.getSpec() == null ? null : pod.getSpec().getNodeName();
    return node == null || node.isEmpty() ? List.of() : List.of(node);
  }

  static List<String> about(Event event) {
    ObjectReference ref = event.getInvolvedObject();
    if (!SlimClusterObjects.isWarning(event) || ref == null || ref.getName() == null) {
      return List.of();
    }
    return List.of(aboutKey(ref.getKind(), ref.getNamespace(), ref.getName()));
  }

  static List<String> warningNamespace(Event event) {
    return SlimClusterObjects.isWarning(event) && event.getMetadata() != null
        ? List.of(String.valueOf(event.getMetadata().getNamespace()))
        : List.of();
  }

  static String aboutKey(String kind, String namespace, String name) {
    return kind + "/" + (namespace == null ? "" : namespace) + "/" + name;
  }
}
