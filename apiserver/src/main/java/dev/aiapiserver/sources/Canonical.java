package dev.aiapiserver.sources;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.batch.v1.JobTemplateSpec;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes cached objects share what they have in common. fabric8's model classes allocate a fresh
 * ArrayList for every list field and a fresh LinkedHashMap for additionalProperties, almost all
 * left empty; and the parts of objects repeat across the cluster: the containers, resources,
 * owner references, labels, conditions and container statuses of the replicas of one template
 * (and of their ReplicaSet's and Deployment's templates) are equal. So, walking an object bottom
 * up, every empty list or map becomes the one shared immutable empty, every other list or map an
 * immutable copy, and every part equal to one already held by some cached object becomes that one
 * instance: thousands of healthy pods then hold one PodStatus, one container list and one label
 * map between them.
 *
 * <p>Not entered in the table: the objects themselves, their ObjectMeta (a name and uid each) and
 * the parts that belong to one object alone ({@link #ownPart}); what is inside those is shared all
 * the same. The table of shared parts holds them weakly, so a part no cached object uses any more is collected. Readers
 * see equal (non-null) values; writers would fail or change every holder, and nothing may write to
 * a cached object anyway. One instance serves all the caches of a {@link Sources}, so pods share
 * with the templates of their owners.
 */
final class Canonical {
  private static final String MODEL = "io.fabric8.kubernetes.api.model";
  private static final ClassValue<List<Field>> FIELDS = new ClassValue<>() {
    @Override
    protected List<Field> computeValue(Class<?> type) {
      List<Field> fields = new ArrayList<>();
      for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
        for (Field f : c.getDeclaredFields()) {
          if (!Modifier.isStatic(f.getModifiers()) && (List.class.isAssignableFrom(f.getType())
              || Map.class.isAssignableFrom(f.getType()) || isModel(f.getType()))) {
            f.setAccessible(true);
            fields.add(f);
          }
        }
      }
      return List.copyOf(fields);
    }
  };

  private final WeakInterner shared = new WeakInterner();

  /** Rewrites the object in place (it must not be shared yet) and returns it. */
  <T> T compact(T item) {
    if (item != null && isModel(item.getClass())) {
      walkFields(item);
    }
    return item;
  }

  /** The value to hold instead of this one: a shared equal part, or the value made compact. */
  private Object share(Object value) {
    if (value instanceof List<?> list) {
      if (list.isEmpty()) {
        return List.of();
      }
      List<Object> items = new ArrayList<>(list.size());
      for (Object item : list) {
        items.add(share(item));
      }
      return intern(List.copyOf(items));
    }
    if (value instanceof Map<?, ?> map) {
      if (map.isEmpty()) {
        return Map.of();
      }
      // keys are strings; values strings (labels, selectors) or model objects (resource quantities).
      // An immutable map costs a third of a LinkedHashMap. It does not keep the order of the keys:
      // nothing that reads the caches depends on it (views sort labels and resources, selectors match).
      Map<Object, Object> copy = new LinkedHashMap<>(map.size() * 4 / 3 + 1);
      boolean nulls = false;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        copy.put(e.getKey(), share(e.getValue()));
        nulls |= e.getKey() == null || e.getValue() == null;
      }
      return intern(nulls ? copy : Map.copyOf(copy));
    }
    if (value == null || !isModel(value.getClass())) {
      return value;
    }
    walkFields(value);
    return value instanceof HasMetadata || value instanceof ObjectMeta ? value : intern(value);
  }

  /**
   * A part of one object alone: the spec or status of a workload, Service, Node or Event (unlike
   * a pod's, equal among replicas), a pod template (a ReplicaSet's carries its pod-template-hash)
   * or a selector. Measured at 10k pods, each such part was equal to no other part, so holding it
   * in the table of shared parts would only cost its entry; what is inside it is still shared.
   */
  private static boolean ownPart(Object owner, Object value) {
    return (owner instanceof HasMetadata && !(owner instanceof Pod))
        || value instanceof PodTemplateSpec || value instanceof JobTemplateSpec || value instanceof LabelSelector;
  }

  private void walkFields(Object item) {
    if (item == null || !isModel(item.getClass())) {
      return;
    }
    try {
      for (Field field : FIELDS.get(item.getClass())) {
        Object value = field.get(item);
        if (value != null) {
          Object replacement = value instanceof List || value instanceof Map || !ownPart(item, value)
              ? share(value)
              : compactInPlace(value);
          if (replacement != value) {
            field.set(item, replacement);
          }
        }
      }
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot compact " + item.getClass().getName(), e);
    }
  }

  private Object compactInPlace(Object part) {
    walkFields(part);
    return part;
  }

  private Object intern(Object part) {
    return shared.intern(part);
  }

  private static boolean isModel(Class<?> type) {
    return type.getName().startsWith(MODEL);
  }
}
