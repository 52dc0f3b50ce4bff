package dev.aiapiserver.sources;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import java.util.List;
import java.util.Map;

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

  /** EndpointSlices: namespace/name of the Service they belong to (their kubernetes.io/service-name label). */
  static final String SERVICE = "service";

  /** Pods that name claims (only pending pods keep them): namespace/claim name of each. */
  static final String CLAIM = "claim";
  /** HorizontalPodAutoscalers: namespace/kind/name of their scaleTargetRef. */
  static final String SCALE_TARGET = "scale-target";

  private SourceIndexes() {}

  static List<String> claims(Pod pod) {
    if (pod.getSpec() == null || pod.getSpec().getVolumes() == null || pod.getSpec().getVolumes().isEmpty()) {
      return List.of();
    }
    List<String> claims = new java.util.ArrayList<>(1);
    for (var v : pod.getSpec().getVolumes()) {
      if (v.getPersistentVolumeClaim() != null && v.getPersistentVolumeClaim().getClaimName() != null) {
        claims.add(pod.getMetadata().getNamespace() + "/" + v.getPersistentVolumeClaim().getClaimName());
      }
    }
    return claims;
  }

  static List<String> scaleTarget(HorizontalPodAutoscaler hpa) {
    var target = hpa.getSpec() == null ? null : hpa.getSpec().getScaleTargetRef();
    return target == null || target.getName() == null ? List.of()
        : List.of(scaleTargetKey(hpa.getMetadata().getNamespace(), target.getKind(), target.getName()));
  }

  static String scaleTargetKey(String namespace, String kind, String name) {
    return namespace + "/" + kind + "/" + name;
  }

  static List<String> serviceOfSlice(EndpointSlice slice) {
    Map<String, String> labels = slice.getMetadata() == null ? null : slice.getMetadata().getLabels();
    String service = labels == null ? null : labels.get(SlimRelatedObjects.SERVICE_NAME);
    return service == null ? List.of() : List.of(slice.getMetadata().getNamespace() + "/" + service);
  }

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
