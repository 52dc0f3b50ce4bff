package dev.aiapiserver.sources;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceStatus;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.NodeSpec;
import io.fabric8.kubernetes.api.model.NodeStatus;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServiceSpec;

/**
 * Events, Services, Nodes and Namespaces as the caches keep them. A node keeps its conditions
 * (without heartbeat times), capacity, allocatable, taints and system info, never its image list;
 * a Service keeps only its selector, type and ports' names and numbers.
 */
final class SlimClusterObjects {
  static final String WARNING = "Warning";

  private SlimClusterObjects() {}

  static boolean isWarning(Event event) {
    return WARNING.equals(event.getType());
  }

  static Event event(Event full) {
    Event slim = new Event();
    slim.setMetadata(SlimMeta.of(full.getMetadata()));
    slim.setType(SlimMeta.word(full.getType()));
    slim.setReason(SlimMeta.word(full.getReason()));
    slim.setMessage(SlimMeta.clip(full.getMessage()));
    slim.setCount(full.getCount());
    slim.setFirstTimestamp(full.getFirstTimestamp());
    slim.setLastTimestamp(full.getLastTimestamp());
    slim.setEventTime(full.getEventTime());
    slim.setSeries(full.getSeries());
    slim.setSource(full.getSource());
    slim.setReportingComponent(SlimMeta.word(full.getReportingComponent()));
    ObjectReference about = full.getInvolvedObject();
    if (about != null) {
      ObjectReference ref = new ObjectReference();
      ref.setApiVersion(SlimMeta.word(about.getApiVersion()));
      ref.setKind(SlimMeta.word(about.getKind()));
      ref.setNamespace(SlimMeta.word(about.getNamespace()));
      ref.setName(about.getName());
      ref.setUid(about.getUid());
      ref.setFieldPath(about.getFieldPath());
      slim.setInvolvedObject(ref);
    }
    return slim;
  }

  static Service service(Service full) {
    Service slim = new Service();
    slim.setMetadata(SlimMeta.of(full.getMetadata()));
    ServiceSpec spec = new ServiceSpec();
    if (full.getSpec() != null) {
      spec.setSelector(full.getSpec().getSelector());
      spec.setType(full.getSpec().getType());
      // an Ingress backend names a Service port by number or name: both are kept, nothing else
      spec.setPorts(SlimPods.map(full.getSpec().getPorts(), p -> {
        ServicePort port = new ServicePort();
        port.setName(SlimMeta.word(p.getName()));
        port.setPort(p.getPort());
        return port;
      }));
    }
    slim.setSpec(spec);
    slim.setStatus(null);
    return slim;
  }

  static Node node(Node full) {
    Node slim = new Node();
    slim.setMetadata(SlimMeta.of(full.getMetadata()));
    NodeSpec spec = new NodeSpec();
    if (full.getSpec() != null) {
      spec.setUnschedulable(full.getSpec().getUnschedulable());
      spec.setTaints(full.getSpec().getTaints());
    }
    slim.setSpec(spec);
    NodeStatus status = new NodeStatus();
    NodeStatus f = full.getStatus();
    if (f != null) {
      status.setConditions(SlimPods.map(f.getConditions(), SlimClusterObjects::nodeCondition));
      status.setCapacity(f.getCapacity());
      status.setAllocatable(f.getAllocatable());
      status.setNodeInfo(f.getNodeInfo());
    }
    slim.setStatus(status);
    return slim;
  }

  static Namespace namespace(Namespace full) {
    Namespace slim = new Namespace();
    slim.setMetadata(SlimMeta.of(full.getMetadata()));
    NamespaceStatus status = new NamespaceStatus();
    if (full.getStatus() != null) {
      status.setPhase(full.getStatus().getPhase());
    }
    slim.setStatus(status);
    slim.setSpec(null);
    return slim;
  }

  private static NodeCondition nodeCondition(NodeCondition full) {
    NodeCondition slim = new NodeCondition();
    slim.setType(full.getType());
    slim.setStatus(full.getStatus());
    slim.setReason(full.getReason());
    slim.setMessage(SlimMeta.clip(full.getMessage()));
    // heartbeat times change on every kubelet report and say nothing a view needs
    slim.setLastTransitionTime(full.getLastTransitionTime());
    return slim;
  }
}
