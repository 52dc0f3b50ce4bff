package dev.aiapiserver.sources;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodStatus;

/**
 * A reduced pod as the pod cache holds it: a cluster holds far more pods than anything else, and
 * as a fabric8 object (Pod, ObjectMeta, PodSpec, each a few dozen fields, and a string per name,
 * uid, resourceVersion and time) a pod costs about four times what it says. Packed, a pod is its
 * metadata packed ({@link PackedMeta}), its node name, and references to the parts it shares with
 * its siblings: the spec without its node name, the status (equal among healthy replicas, see
 * {@link Canonical}). Every read unpacks an equal reduced Pod.
 */
final class PackedPod extends PackedMeta {
  /** Packing for the pod cache. */
  static final Packing<Pod> PACKING = new Packing<>() {
    @Override
    public Object pack(String key, Pod reduced, Canonical canonical) {
      return PackedPod.pack(reduced, canonical);
    }

    @Override
    public Pod unpack(String key, Object held) {
      return ((PackedPod) held).unpack(key);
    }
  };

  private final String nodeName;
  private final PodSpec spec;
  private final PodStatus status;

  private PackedPod(Pod compacted, String nodeName) {
    super(compacted.getMetadata());
    this.nodeName = nodeName;
    this.spec = compacted.getSpec();
    this.status = compacted.getStatus();
  }

  static PackedPod pack(Pod reduced, Canonical canonical) {
    String nodeName = null;
    if (reduced.getSpec() != null) {
      nodeName = reduced.getSpec().getNodeName();
      reduced.getSpec().setNodeName(null); // so that the spec is the one of its template's other replicas
    }
    return new PackedPod(canonical.compact(reduced), nodeName);
  }

  Pod unpack(String key) {
    Pod pod = new Pod();
    pod.setMetadata(metadata(key));
    if (spec != null) {
      PodSpec s = new PodSpec();
      s.setContainers(spec.getContainers());
      s.setInitContainers(spec.getInitContainers());
      s.setRestartPolicy(spec.getRestartPolicy());
      s.setVolumes(spec.getVolumes()); // a pending pod's claims (SlimPods), else empty
      s.setNodeName(nodeName);
      pod.setSpec(s);
    }
    pod.setStatus(status);
    return pod;
  }

  PodSpec spec() {
    return spec;
  }

  PodStatus status() {
    return status;
  }
}
