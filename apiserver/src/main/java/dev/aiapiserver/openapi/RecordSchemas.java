package dev.aiapiserver.openapi;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.aiapiserver.request.Json;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * OpenAPI v2 schemas of Java records, read by reflection so that nothing is maintained by hand:
 * properties are the record components (named as Jackson writes them), descriptions come from
 * {@link JsonClassDescription} and {@link JsonPropertyDescription}, nested records become
 * definitions of their own. Definition names live under our group's namespace
 * ({@code ai.k8s.io.v1alpha1.WorkloadSummary.Health}) so that kube-aggregator, which merges the
 * specs of every aggregated server, never confuses them with kube's {@code io.k8s...} names.
 */
final class RecordSchemas {
  static final String DEFINITIONS = "#/definitions/";

  private final String namespace;
  private final Map<String, ObjectNode> definitions = new TreeMap<>();
  private final Map<Class<?>, String> names = new HashMap<>();
  private final Map<String, Class<?>> owners = new HashMap<>();

  /** @param namespace prefix of every definition name, e.g. {@code ai.k8s.io.v1alpha1} */
  RecordSchemas(String namespace) {
    this.namespace = namespace;
  }

  /** Definitions so far, sorted by name (a stable order keeps the document hash stable). */
  Map<String, ObjectNode> definitions() {
    return definitions;
  }

  /** Adds the definition of a record, and of every record it reaches; returns its name. */
  String add(Class<?> record) {
    return add(record, null);
  }

  /**
   * Adds a record under a name of its own choosing (a kind, e.g. MCPServer for a record named
   * otherwise); the records nested in it are named under that name.
   */
  String add(Class<?> record, String simpleName) {
    String known = names.get(record);
    if (known != null) {
      return known;
    }
    if (!record.isRecord()) {
      throw new IllegalArgumentException("not a record: " + record.getName());
    }
    String name = simpleName == null ? nameOf(record) : namespace + "." + simpleName;
    Class<?> owner = owners.putIfAbsent(name, record);
    if (owner != null && owner != record) {
      throw new IllegalStateException("definition " + name + " would stand for both "
          + owner.getName() + " and " + record.getName());
    }
    names.put(record, name);
    ObjectNode schema = Json.MAPPER.createObjectNode();
    definitions.put(name, schema);
    describe(schema, record.getAnnotation(JsonClassDescription.class));
    schema.put("type", "object");
    ObjectNode properties = schema.putObject("properties");
    List<String> required = new ArrayList<>();
    for (RecordComponent component : ordered(record)) {
      Field field = field(record, component);
      if (annotation(field, component, JsonIgnore.class) != null) {
        continue;
      }
      JsonProperty renamed = annotation(field, component, JsonProperty.class);
      String property = renamed != null && !renamed.value().isEmpty() ? renamed.value() : component.getName();
      JsonPropertyDescription description = annotation(field, component, JsonPropertyDescription.class);
      properties.set(property, property(component.getGenericType(), description == null ? null : description.value()));
      if (alwaysWritten(record, field, component) || (renamed != null && renamed.required())) {
        required.add(property);
      }
    }
    if (!required.isEmpty()) {
      ArrayNode list = schema.putArray("required");
      required.forEach(list::add);
    }
    return name;
  }

  /** The schema of a value of this type, with an optional description. */
  ObjectNode property(Type type, String description) {
    ObjectNode schema = Json.MAPPER.createObjectNode();
    Class<?> raw = rawClass(type);
    if (raw.isRecord()) {
      describe(schema, description);
      schema.put("$ref", DEFINITIONS + add(raw));
      return schema;
    }
    describe(schema, description);
    if (raw == String.class || raw == Character.class || raw == char.class) {
      schema.put("type", "string");
    } else if (raw == boolean.class || raw == Boolean.class) {
      schema.put("type", "boolean");
    } else if (raw == int.class || raw == Integer.class || raw == short.class || raw == Short.class
        || raw == byte.class || raw == Byte.class) {
      schema.put("type", "integer").put("format", "int32");
    } else if (raw == long.class || raw == Long.class) {
      schema.put("type", "integer").put("format", "int64");
    } else if (raw == double.class || raw == Double.class) {
      schema.put("type", "number").put("format", "double");
    } else if (raw == float.class || raw == Float.class) {
      schema.put("type", "number").put("format", "float");
    } else if (raw == java.time.Instant.class || raw == java.time.OffsetDateTime.class) {
      schema.put("type", "string").put("format", "date-time");
    } else if (raw.isEnum()) {
      enumeration(schema, raw, description);
    } else if (Collection.class.isAssignableFrom(raw)) {
      schema.put("type", "array");
      schema.set("items", property(typeArgument(type, 0), null));
    } else if (Map.class.isAssignableFrom(raw)) {
      if (rawClass(typeArgument(type, 0)) != String.class) {
        throw new IllegalArgumentException("map keys must be strings: " + type);
      }
      schema.put("type", "object");
      schema.set("additionalProperties", property(typeArgument(type, 1), null));
    } else if (raw == Object.class) {
      schema.put("type", "object");
    } else {
      throw new IllegalArgumentException("no OpenAPI schema for " + type.getTypeName());
    }
    return schema;
  }

  /** Outer.Inner under the namespace, or under the name the enclosing record was given. */
  private String nameOf(Class<?> record) {
    Class<?> outer = record.getEnclosingClass();
    if (outer == null) {
      return namespace + "." + simpleName(record);
    }
    String outerName = names.get(outer);
    return (outerName != null ? outerName : nameOf(outer)) + "." + simpleName(record);
  }

  private static String simpleName(Class<?> type) {
    JsonTypeName typeName = type.getAnnotation(JsonTypeName.class);
    return typeName != null && !typeName.value().isEmpty() ? typeName.value() : type.getSimpleName();
  }

  /** Wire values of an enum (as Jackson writes them), listed in the description too. */
  private static void enumeration(ObjectNode schema, Class<?> type, String description) {
    schema.put("type", "string");
    List<String> values = Arrays.stream(type.getEnumConstants())
        .map(constant -> Json.MAPPER.valueToTree(constant).asString())
        .toList();
    boolean listed = description != null && values.stream()
        .allMatch(v -> Pattern.compile("\\b" + Pattern.quote(v) + "\\b").matcher(description).find());
    if (!listed) {
      String possible = "Possible enum values: " + String.join(", ", values) + ".";
      schema.put("description", description == null || description.isEmpty() ? possible : description + "\n\n" + possible);
    }
    ArrayNode array = schema.putArray("enum");
    values.forEach(array::add);
  }

  /** Primitives are always written (unless the inclusion rule drops default values). */
  private static boolean alwaysWritten(Class<?> record, Field field, RecordComponent component) {
    if (!component.getType().isPrimitive()) {
      return false;
    }
    JsonInclude include = annotation(field, component, JsonInclude.class);
    if (include == null) {
      include = record.getAnnotation(JsonInclude.class);
    }
    return include == null || (include.value() != JsonInclude.Include.NON_DEFAULT
        && include.value() != JsonInclude.Include.CUSTOM);
  }

  /** Components in declaration order, with the ones named by {@link JsonPropertyOrder} first. */
  private static List<RecordComponent> ordered(Class<?> record) {
    RecordComponent[] components = record.getRecordComponents();
    JsonPropertyOrder order = record.getAnnotation(JsonPropertyOrder.class);
    if (order == null || order.value().length == 0) {
      return List.of(components);
    }
    Map<String, RecordComponent> byName = new LinkedHashMap<>();
    for (RecordComponent component : components) {
      JsonProperty renamed = annotation(field(record, component), component, JsonProperty.class);
      byName.put(renamed != null && !renamed.value().isEmpty() ? renamed.value() : component.getName(), component);
    }
    List<RecordComponent> result = new ArrayList<>();
    for (String name : order.value()) {
      RecordComponent component = byName.remove(name);
      if (component != null) {
        result.add(component);
      }
    }
    result.addAll(byName.values());
    return result;
  }

  // Annotations written on a record component land on its field, accessor or constructor
  // parameter (Jackson's targets), not on the component itself.
  private static <A extends java.lang.annotation.Annotation> A annotation(
      Field field, RecordComponent component, Class<A> type) {
    for (AnnotatedElement element : new AnnotatedElement[] {field, component.getAccessor(), component}) {
      A found = element == null ? null : element.getAnnotation(type);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private static Field field(Class<?> record, RecordComponent component) {
    try {
      return record.getDeclaredField(component.getName());
    } catch (NoSuchFieldException e) {
      return null;
    }
  }

  private static void describe(ObjectNode schema, JsonClassDescription description) {
    describe(schema, description == null ? null : description.value());
  }

  private static void describe(ObjectNode schema, String description) {
    if (description != null && !description.isEmpty()) {
      schema.put("description", description);
    }
  }

  private static Class<?> rawClass(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p) {
      return (Class<?>) p.getRawType();
    }
    if (type instanceof java.lang.reflect.WildcardType w) {
      return rawClass(w.getUpperBounds()[0]);
    }
    throw new IllegalArgumentException("no OpenAPI schema for " + type.getTypeName());
  }

  private static Type typeArgument(Type type, int index) {
    if (type instanceof ParameterizedType p) {
      return p.getActualTypeArguments()[index];
    }
    throw new IllegalArgumentException("raw collection type has no element type: " + type.getTypeName());
  }
}
