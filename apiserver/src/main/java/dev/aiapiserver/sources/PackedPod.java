package dev.aiapiserver.sources;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A reduced pod as the pod cache holds it: a cluster holds far more pods than anything else, and
 * as a fabric8 object (Pod, ObjectMeta, PodSpec, each a few dozen fields, and a string per name,
 * uid, resourceVersion and time) a pod costs about four times what it says. Packed, a pod is its
 * identity in numbers where they parse as numbers (uid as 128 bits, resourceVersion and creation
 * time as longs, the name read from the cache key) and references to the parts it shares with its
 * siblings: labels, owners, the spec without its node name, the status (equal among healthy
 * replicas, see {@link Canonical}). Every read unpacks an equal reduced Pod.
 */
record PackedPod(String namespace, boolean uidPacked, long uidHigh, long uidLow, String uidText, long version, String versionText,
    long createdSecond, String createdText, String deletedText, Map<String, String> labels,
    List<OwnerReference> owners, Map<String, String> annotations, String nodeName, PodSpec spec,
    PodStatus status) {

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

  private static final long NONE = Long.MIN_VALUE;

  static PackedPod pack(Pod reduced, Canonical canonical) {
    ObjectMeta m = reduced.getMetadata();
    String nodeName = null;
    if (reduced.getSpec() != null) {
      nodeName = reduced.getSpec().getNodeName();
      reduced.getSpec().setNodeName(null); // so that the spec is the one of its template's other replicas
    }
    canonical.compact(reduced);
    UUID uid = uuid(m.getUid());
    long version = number(m.getResourceVersion());
    long created = second(m.getCreationTimestamp());
    return new PackedPod(m.getNamespace(), uid != null,
        uid == null ? 0 : uid.getMostSignificantBits(), uid == null ? 0 : uid.getLeastSignificantBits(),
        uid == null ? m.getUid() : null,
        version, version == NONE ? m.getResourceVersion() : null,
        created, created == NONE ? m.getCreationTimestamp() : null,
        m.getDeletionTimestamp(), m.getLabels(), m.getOwnerReferences(), m.getAnnotations(), nodeName,
        reduced.getSpec(), reduced.getStatus());
  }

  Pod unpack(String key) {
    ObjectMeta m = new ObjectMeta();
    m.setName(key.substring(key.indexOf('/') + 1));
    m.setNamespace(namespace);
    m.setUid(uidPacked ? new UUID(uidHigh, uidLow).toString() : uidText);
    m.setResourceVersion(versionText != null ? versionText : version == NONE ? null : Long.toString(version));
    m.setCreationTimestamp(createdText != null ? createdText
        : createdSecond == NONE ? null : Instant.ofEpochSecond(createdSecond).toString());
    m.setDeletionTimestamp(deletedText);
    m.setLabels(labels);
    m.setOwnerReferences(owners);
    m.setAnnotations(annotations);
    m.setManagedFields(null);
    m.setFinalizers(null);
    Pod pod = new Pod();
    pod.setMetadata(m);
    if (spec != null) {
      PodSpec s = new PodSpec();
      s.setContainers(spec.getContainers());
      s.setInitContainers(spec.getInitContainers());
      s.setRestartPolicy(spec.getRestartPolicy());
      s.setNodeName(nodeName);
      pod.setSpec(s);
    }
    pod.setStatus(status);
    return pod;
  }

  /** The uid as 128 bits when it is a UUID written the canonical way (as Kubernetes writes them). */
  private static UUID uuid(String text) {
    if (text == null || text.length() != 36) {
      return null;
    }
    try {
      UUID uid = UUID.fromString(text);
      return uid.toString().equals(text) ? uid : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** A decimal number written without sign or leading zeros, or NONE. */
  private static long number(String text) {
    if (text == null || text.isEmpty() || text.length() > 18 || (text.length() > 1 && text.charAt(0) == '0')) {
      return NONE;
    }
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return NONE;
      }
    }
    return Long.parseLong(text);
  }

  /** Seconds since the epoch of a time written as Kubernetes writes it (2026-11-24T13:41:00Z), or NONE. */
  private static long second(String text) {
    if (text == null) {
      return NONE;
    }
    try {
      Instant t = Instant.parse(text);
      return t.getNano() == 0 && t.toString().equals(text) ? t.getEpochSecond() : NONE;
    } catch (DateTimeException e) {
      return NONE;
    }
  }
}
