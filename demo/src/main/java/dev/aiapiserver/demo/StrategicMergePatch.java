package dev.aiapiserver.demo;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Kubernetes' strategic merge patch, for the native kinds the demo stores: a JSON merge patch
 * (RFC 7386) in which the lists Kubernetes merges by key (containers by name, volumeMounts by
 * mountPath, conditions by type, ...) are merged element by element, and the patch directives
 * kubectl sends ({@code $setElementOrder/}, {@code $patch}, {@code $retainKeys},
 * {@code $deleteFromPrimitiveList/}) are honoured or dropped. The fabric8 mock does not speak it
 * (it answers 415), and {@code kubectl apply}, {@code edit}, {@code set image}, {@code rollout
 * restart} and {@code patch} without {@code --type} all send it. The merge keys are the
 * {@code patchMergeKey} tags of k8s.io/api; field names alone decide, which holds for these kinds.
 */
final class StrategicMergePatch {
  private static final Map<String, String> MERGE_KEYS = Map.ofEntries(
      Map.entry("containers", "name"),
      Map.entry("initContainers", "name"),
      Map.entry("ephemeralContainers", "name"),
      Map.entry("env", "name"),
      Map.entry("volumes", "name"),
      Map.entry("volumeMounts", "mountPath"),
      Map.entry("volumeDevices", "devicePath"),
      Map.entry("imagePullSecrets", "name"),
      Map.entry("hostAliases", "ip"),
      Map.entry("conditions", "type"),
      Map.entry("ownerReferences", "uid"),
      Map.entry("podIPs", "ip"),
      Map.entry("hostIPs", "ip"),
      Map.entry("resourceClaims", "name"));
  /** Lists of scalars that Kubernetes merges as sets. */
  private static final Set<String> MERGED_SETS = Set.of("finalizers");
  private static final String DIRECTIVE = "$patch";
  private static final String RETAIN_KEYS = "$retainKeys";
  private static final String SET_ORDER = "$setElementOrder/";
  private static final String DELETE_FROM = "$deleteFromPrimitiveList/";

  private StrategicMergePatch() {}

  /** The patched copy of {@code original}; neither argument is changed. */
  static JsonNode apply(JsonNode original, JsonNode patch) {
    if (!patch.isObject()) {
      return patch.deepCopy();
    }
    return merge(original != null && original.isObject() ? (ObjectNode) original.deepCopy()
        : ((ObjectNode) patch).objectNode(), (ObjectNode) patch);
  }

  private static ObjectNode merge(ObjectNode target, ObjectNode patch) {
    if ("replace".equals(patch.path(DIRECTIVE).asString(""))) {
      return withoutDirectives(patch);
    }
    for (Map.Entry<String, JsonNode> field : patch.properties()) {
      String name = field.getKey();
      JsonNode value = field.getValue();
      if (name.equals(DIRECTIVE) || name.equals(RETAIN_KEYS) || name.startsWith(SET_ORDER)) {
        continue;
      }
      if (name.startsWith(DELETE_FROM)) {
        deleteFromList(target, name.substring(DELETE_FROM.length()), value);
      } else if (value.isNull()) {
        target.remove(name);
      } else if (value.isObject() && "delete".equals(value.path(DIRECTIVE).asString(""))) {
        target.remove(name);
      } else if (value.isObject() && target.path(name).isObject()) {
        target.set(name, merge((ObjectNode) target.get(name), (ObjectNode) value));
      } else if (value.isObject()) {
        target.set(name, merge(target.objectNode(), (ObjectNode) value));
      } else if (value.isArray() && target.path(name).isArray()) {
        target.set(name, mergeList(name, (ArrayNode) target.get(name), (ArrayNode) value));
      } else {
        target.set(name, withoutDirectives(value));
      }
    }
    JsonNode retain = patch.path(RETAIN_KEYS);
    if (retain.isArray()) {
      Set<String> kept = new HashSet<>();
      retain.forEach(key -> kept.add(key.asString()));
      target.properties().removeIf(field -> !kept.contains(field.getKey()));
    }
    return target;
  }

  private static ArrayNode mergeList(String name, ArrayNode target, ArrayNode patch) {
    for (JsonNode element : patch) {
      if (element.isObject() && "replace".equals(element.path(DIRECTIVE).asString(""))) {
        ArrayNode replaced = patch.arrayNode();
        patch.forEach(e -> {
          if (!e.path(DIRECTIVE).isString()) {
            replaced.add(withoutDirectives(e));
          }
        });
        return replaced;
      }
    }
    if (MERGED_SETS.contains(name)) {
      ArrayNode union = target.deepCopy();
      patch.forEach(e -> {
        if (!contains(union, e)) {
          union.add(e);
        }
      });
      return union;
    }
    String key = mergeKey(name, patch);
    if (key == null) {
      return (ArrayNode) withoutDirectives(patch);
    }
    List<JsonNode> merged = new ArrayList<>();
    target.forEach(e -> merged.add(e.deepCopy()));
    for (JsonNode element : patch) {
      int at = indexOf(merged, key, element.path(key));
      boolean delete = "delete".equals(element.path(DIRECTIVE).asString(""));
      if (delete && at >= 0) {
        merged.remove(at);
      } else if (!delete && at >= 0) {
        merged.set(at, merge((ObjectNode) merged.get(at), (ObjectNode) element));
      } else if (!delete) {
        merged.add(withoutDirectives(element));
      }
    }
    ArrayNode result = patch.arrayNode();
    merged.forEach(result::add);
    return result;
  }

  /** Container ports merge by containerPort, Service ports by port. */
  private static String mergeKey(String name, ArrayNode patch) {
    boolean objects = !patch.isEmpty() && patch.valueStream().allMatch(JsonNode::isObject);
    if (!objects) {
      return null;
    }
    if (name.equals("ports")) {
      return patch.get(0).has("containerPort") ? "containerPort" : "port";
    }
    String key = MERGE_KEYS.get(name);
    return key != null && patch.valueStream().allMatch(e -> e.has(key)) ? key : null;
  }

  private static int indexOf(List<JsonNode> elements, String key, JsonNode value) {
    for (int i = 0; i < elements.size(); i++) {
      if (elements.get(i).path(key).equals(value)) {
        return i;
      }
    }
    return -1;
  }

  private static void deleteFromList(ObjectNode target, String name, JsonNode values) {
    if (target.path(name).isArray() && values.isArray()) {
      ArrayNode kept = target.arrayNode();
      target.get(name).forEach(e -> {
        if (!contains((ArrayNode) values, e)) {
          kept.add(e);
        }
      });
      target.set(name, kept);
    }
  }

  private static boolean contains(ArrayNode list, JsonNode value) {
    return list.valueStream().anyMatch(value::equals);
  }

  @SuppressWarnings("unchecked")
  private static <T extends JsonNode> T withoutDirectives(T value) {
    T copy = (T) value.deepCopy();
    strip(copy);
    return copy;
  }

  private static void strip(JsonNode node) {
    if (node instanceof ObjectNode object) {
      object.properties().removeIf(f -> f.getKey().equals(DIRECTIVE)
          || f.getKey().equals(RETAIN_KEYS) || f.getKey().startsWith(SET_ORDER)
          || f.getKey().startsWith(DELETE_FROM));
      object.forEach(StrategicMergePatch::strip);
    } else if (node instanceof ArrayNode array) {
      array.forEach(StrategicMergePatch::strip);
    }
  }
}
