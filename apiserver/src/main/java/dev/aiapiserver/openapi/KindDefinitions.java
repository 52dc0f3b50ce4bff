package dev.aiapiserver.openapi;

import dev.aiapiserver.api.ListMeta;
import dev.aiapiserver.http.Json;
import dev.aiapiserver.resources.ResourceType;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * The definitions of a served kind and of its List kind, tagged with
 * {@code x-kubernetes-group-version-kind}: that tag is how kubectl explain and client generators
 * find the schema of a resource.
 */
final class KindDefinitions {
  static final String GVK = "x-kubernetes-group-version-kind";
  private static final List<String> WRITE_VERBS = List.of("create", "update", "patch", "delete", "deletecollection");

  private KindDefinitions() {}

  /** Adds the kind and its list; returns the names of both definitions. */
  static Names add(RecordSchemas schemas, ResourceType type) {
    String kind = schemas.add(type.type(), type.kind());
    ObjectNode definition = schemas.definitions().get(kind);
    definition.set(GVK, Json.MAPPER.createArrayNode().add(gvk(type.kind())));
    if (type.verbs().stream().noneMatch(WRITE_VERBS::contains)) {
      markReadOnly(definition);
    }
    String list = kind + "List";
    if (schemas.definitions().containsKey(list)) {
      throw new IllegalStateException("definition " + list + " already exists");
    }
    schemas.definitions().put(list, list(schemas, type, kind));
    return new Names(kind, list);
  }

  /** Adds the kind a subresource answers with (read-only, no list); returns its definition name. */
  static String addSubresourceKind(RecordSchemas schemas, Class<?> type, String kindName) {
    String kind = schemas.add(type, kindName);
    ObjectNode definition = schemas.definitions().get(kind);
    definition.set(GVK, Json.MAPPER.createArrayNode().add(gvk(kindName)));
    markReadOnly(definition);
    return kind;
  }

  /** A group-version-kind of ours, as the extension and the operations carry it. */
  static ObjectNode gvk(String kind) {
    ObjectNode gvk = Json.MAPPER.createObjectNode();
    gvk.put("group", ResourceType.GROUP);
    gvk.put("kind", kind);
    gvk.put("version", ResourceType.VERSION);
    return gvk;
  }

  private static ObjectNode list(RecordSchemas schemas, ResourceType type, String kindDefinition) {
    ObjectNode list = Json.MAPPER.createObjectNode();
    list.put("description", type.listKind() + " is a list of " + type.kind() + ".");
    list.put("type", "object");
    ObjectNode properties = list.putObject("properties");
    properties.set("apiVersion", apiVersion());
    ObjectNode items = properties.putObject("items");
    items.put("description", "The " + type.kind() + " objects.");
    items.put("type", "array");
    items.putObject("items").put("$ref", RecordSchemas.DEFINITIONS + kindDefinition);
    properties.set("kind", kind());
    properties.set("metadata", schemas.property(ListMeta.class,
        "Standard list metadata: the resourceVersion of the list and, when paged, the continue token."));
    list.putArray("required").add("items");
    list.set(GVK, Json.MAPPER.createArrayNode().add(gvk(type.listKind())));
    return list;
  }

  // A derived view is computed by the server; no client ever writes any of its fields.
  private static void markReadOnly(ObjectNode definition) {
    ObjectNode properties = (ObjectNode) definition.get("properties");
    for (Map.Entry<String, tools.jackson.databind.JsonNode> property : properties.properties()) {
      if (!property.getKey().equals("apiVersion") && !property.getKey().equals("kind")) {
        ((ObjectNode) property.getValue()).put("readOnly", true);
      }
    }
  }

  record Names(String kind, String list) {}

  private static ObjectNode apiVersion() {
    ObjectNode field = Json.MAPPER.createObjectNode();
    field.put("description", "The versioned schema of this representation: " + ResourceType.GROUP_VERSION + ".");
    field.put("type", "string");
    return field;
  }

  private static ObjectNode kind() {
    ObjectNode field = Json.MAPPER.createObjectNode();
    field.put("description", "The REST resource this object represents, in CamelCase.");
    field.put("type", "string");
    return field;
  }
}
