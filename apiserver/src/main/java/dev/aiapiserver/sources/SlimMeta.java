package dev.aiapiserver.sources;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Metadata as the caches keep it: identity, labels, ownership and lifecycle times. Annotations are
 * dropped (they may hold last-applied-configuration, i.e. the whole spec with env values) except
 * the few that derivation reads; managedFields, finalizers and generateName are dropped too.
 */
final class SlimMeta {
  /** Longest message text kept in a cache; views cut shorter still. */
  static final int MAX_TEXT = 1024;

  private SlimMeta() {}

  static ObjectMeta of(ObjectMeta full) {
    return of(full, Set.of());
  }

  static ObjectMeta of(ObjectMeta full, Set<String> keptAnnotations) {
    ObjectMeta slim = new ObjectMeta();
    if (full == null) {
      return slim;
    }
    slim.setName(full.getName());
    slim.setNamespace(word(full.getNamespace()));
    slim.setUid(full.getUid());
    // the informer compares resourceVersions to tell an update from a replay
    slim.setResourceVersion(full.getResourceVersion());
    slim.setGeneration(full.getGeneration());
    slim.setCreationTimestamp(full.getCreationTimestamp());
    slim.setDeletionTimestamp(full.getDeletionTimestamp());
    slim.setLabels(words(full.getLabels()));
    slim.setOwnerReferences(owners(full.getOwnerReferences()));
    slim.setAnnotations(annotations(full.getAnnotations(), keptAnnotations));
    slim.setManagedFields(null);
    slim.setFinalizers(null);
    return slim;
  }

  /** Only the labels of a pod template: what Services select and views copy. */
  static ObjectMeta labelsOnly(ObjectMeta full) {
    ObjectMeta slim = new ObjectMeta();
    if (full != null) {
      slim.setLabels(words(full.getLabels()));
    }
    slim.setManagedFields(null);
    slim.setFinalizers(null);
    return slim;
  }

  /**
   * The one shared copy of a string that repeats across many objects (namespaces, label keys and
   * values, kinds, images, phases, reasons): thousands of pods then hold one copy each. The JVM's
   * string table holds them weakly, so a string no cached object uses any more is collected.
   */
  static String word(String text) {
    return text == null ? null : text.intern();
  }

  static Map<String, String> words(Map<String, String> map) {
    if (map == null || map.isEmpty()) {
      return map;
    }
    Map<String, String> shared = new LinkedHashMap<>(map.size() * 4 / 3 + 1);
    map.forEach((k, v) -> shared.put(word(k), word(v)));
    return shared;
  }

  /** Keeps head and tail: a Go error chain names its root cause last. */
  static String clip(String text) {
    if (text == null || text.length() <= MAX_TEXT) {
      return text;
    }
    int half = (MAX_TEXT - 1) / 2;
    return text.substring(0, half) + "…" + text.substring(text.length() - (MAX_TEXT - 1 - half));
  }

  private static List<OwnerReference> owners(List<OwnerReference> full) {
    if (full == null || full.isEmpty()) {
      return new ArrayList<>(0);
    }
    List<OwnerReference> slim = new ArrayList<>(full.size());
    for (OwnerReference ref : full) {
      OwnerReference s = new OwnerReference();
      s.setApiVersion(word(ref.getApiVersion()));
      s.setKind(word(ref.getKind()));
      s.setName(ref.getName());
      s.setUid(ref.getUid());
      s.setController(ref.getController());
      slim.add(s);
    }
    return slim;
  }

  private static Map<String, String> annotations(Map<String, String> full, Set<String> kept) {
    Map<String, String> slim = new LinkedHashMap<>(2);
    if (full != null) {
      for (String key : kept) {
        String value = full.get(key);
        if (value != null) {
          slim.put(key, value);
        }
      }
    }
    return slim;
  }
}
