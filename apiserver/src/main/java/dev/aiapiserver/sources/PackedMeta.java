package dev.aiapiserver.sources;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReference;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An object's reduced metadata as a cache holds it: identity in numbers where it parses as numbers
 * (uid as 128 bits, resourceVersion and creation time as longs) and the name read from the cache
 * key, instead of an ObjectMeta with a string for each (about 340 bytes an object). Labels, owners
 * and annotations are the shared maps and lists of {@link Canonical}. Extended by what a cache
 * holds per object; {@link #metadata} gives an equal ObjectMeta back.
 */
abstract class PackedMeta {
  private static final long NONE = Long.MIN_VALUE;

  private final String namespace;
  private final boolean uidPacked;
  private final long uidHigh;
  private final long uidLow;
  private final String uidText;
  private final long version;
  private final String versionText;
  private final long createdSecond;
  private final String createdText;
  private final String deletedText;
  private final Long generation;
  private final Map<String, String> labels;
  private final List<OwnerReference> owners;
  private final Map<String, String> annotations;

  /** @param m reduced metadata, already made {@link Canonical} */
  PackedMeta(ObjectMeta m) {
    UUID uid = uuid(m.getUid());
    long parsedVersion = number(m.getResourceVersion());
    long created = second(m.getCreationTimestamp());
    this.namespace = m.getNamespace();
    this.uidPacked = uid != null;
    this.uidHigh = uid == null ? 0 : uid.getMostSignificantBits();
    this.uidLow = uid == null ? 0 : uid.getLeastSignificantBits();
    this.uidText = uid == null ? m.getUid() : null;
    this.version = parsedVersion;
    this.versionText = parsedVersion == NONE ? m.getResourceVersion() : null;
    this.createdSecond = created;
    this.createdText = created == NONE ? m.getCreationTimestamp() : null;
    this.deletedText = m.getDeletionTimestamp();
    this.generation = m.getGeneration();
    this.labels = m.getLabels();
    this.owners = m.getOwnerReferences();
    this.annotations = m.getAnnotations();
  }

  /** The metadata again, for the object held under this cache key ("namespace/name" or "name"). */
  final ObjectMeta metadata(String key) {
    ObjectMeta m = new ObjectMeta();
    m.setName(key.substring(key.indexOf('/') + 1));
    m.setNamespace(namespace);
    m.setUid(uidPacked ? new UUID(uidHigh, uidLow).toString() : uidText);
    m.setResourceVersion(versionText != null ? versionText : version == NONE ? null : Long.toString(version));
    m.setCreationTimestamp(createdText != null ? createdText
        : createdSecond == NONE ? null : Instant.ofEpochSecond(createdSecond).toString());
    m.setDeletionTimestamp(deletedText);
    m.setGeneration(generation);
    m.setLabels(labels);
    m.setOwnerReferences(owners);
    m.setAnnotations(annotations);
    m.setManagedFields(null);
    m.setFinalizers(null);
    return m;
  }

  final Map<String, String> labels() {
    return labels;
  }

  final List<OwnerReference> owners() {
    return owners;
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
