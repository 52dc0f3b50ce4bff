package dev.aiapiserver.openapi;

import dev.aiapiserver.request.Json;
import dev.aiapiserver.openapi.ApiPath.Operation;
import dev.aiapiserver.openapi.ApiPath.Parameter;
import dev.aiapiserver.resources.ResourceType;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OpenAPI v3 document of one group-version, shaped like kube-apiserver's
 * /openapi/v3/apis/&lt;group&gt;/&lt;version&gt;. Schemas are the v2 definitions converted: refs point
 * into components/schemas, and a $ref that carries a description is wrapped in allOf (v3.0
 * ignores siblings of $ref; kubectl explain reads descriptions through allOf).
 */
final class OpenApiV3Document {
  static final String SCHEMAS = "#/components/schemas/";

  private OpenApiV3Document() {}

  static ObjectNode render(Map<String, ObjectNode> definitions, List<ApiPath> paths) {
    ObjectNode document = Json.MAPPER.createObjectNode();
    document.put("openapi", "3.0.0");
    document.putObject("info").put("title", SwaggerDocument.TITLE).put("version", ResourceType.VERSION);
    ObjectNode pathItems = document.putObject("paths");
    for (ApiPath path : paths) {
      pathItems.set(path.path(), pathItem(path));
    }
    ObjectNode components = document.putObject("components");
    ObjectNode schemas = components.putObject("schemas");
    definitions.forEach((name, schema) -> schemas.set(name, schema(schema)));
    components.putObject("securitySchemes").putObject("BearerToken")
        .put("type", "apiKey")
        .put("description", "Bearer Token authentication")
        .put("name", "authorization")
        .put("in", "header");
    document.putArray("security").addObject().putArray("BearerToken");
    return document;
  }

  /** A v2 schema as v3: refs into components/schemas, described refs wrapped in allOf. */
  static JsonNode schema(JsonNode v2) {
    if (v2.isArray()) {
      ArrayNode array = Json.MAPPER.createArrayNode();
      v2.values().forEach(item -> array.add(schema(item)));
      return array;
    }
    if (!v2.isObject()) {
      return v2.deepCopy();
    }
    ObjectNode v3 = Json.MAPPER.createObjectNode();
    String ref = null;
    for (Map.Entry<String, JsonNode> field : v2.properties()) {
      switch (field.getKey()) {
        case "$ref" -> ref = SCHEMAS + field.getValue().asString().substring(RecordSchemas.DEFINITIONS.length());
        case "properties" -> {
          ObjectNode properties = v3.putObject("properties");
          field.getValue().properties().forEach(p -> properties.set(p.getKey(), schema(p.getValue())));
        }
        case "items", "additionalProperties", "allOf" -> v3.set(field.getKey(), schema(field.getValue()));
        default -> v3.set(field.getKey(), field.getValue().deepCopy());
      }
    }
    if (ref != null) {
      if (v3.isEmpty()) {
        v3.put("$ref", ref);
      } else {
        v3.putArray("allOf").addObject().put("$ref", ref);
      }
    }
    return v3;
  }

  private static ObjectNode pathItem(ApiPath path) {
    ObjectNode item = Json.MAPPER.createObjectNode();
    for (String method : SwaggerDocument.METHODS) {
      Operation operation = path.operations().get(method);
      if (operation != null) {
        item.set(method, operation(operation));
      }
    }
    if (!path.parameters().isEmpty()) {
      item.set("parameters", parameters(path.parameters()));
    }
    return item;
  }

  private static ObjectNode operation(Operation operation) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.putArray("tags").add(operation.tag());
    node.put("description", operation.description());
    node.put("operationId", operation.operationId());
    if (!operation.parameters().isEmpty()) {
      node.set("parameters", parameters(operation.parameters()));
    }
    ObjectNode responses = node.putObject("responses");
    ObjectNode ok = responses.putObject("200").put("description", "OK");
    ObjectNode content = ok.putObject("content");
    for (String mediaType : operation.produces()) {
      ObjectNode schema = content.putObject(mediaType).putObject("schema");
      if (operation.response() != null) {
        schema.put("$ref", SCHEMAS + operation.response());
      } else {
        schema.put("type", "string");
      }
    }
    responses.putObject("401").put("description", "Unauthorized");
    if (operation.action() != null) {
      node.put("x-kubernetes-action", operation.action());
    }
    if (operation.kind() != null) {
      node.set(KindDefinitions.GVK, KindDefinitions.gvk(operation.kind()));
    }
    return node;
  }

  private static ArrayNode parameters(List<Parameter> parameters) {
    ArrayNode array = Json.MAPPER.createArrayNode();
    for (Parameter parameter : parameters) {
      ObjectNode node = array.addObject();
      node.put("name", parameter.name());
      node.put("in", parameter.in());
      node.put("description", parameter.description());
      if (parameter.required()) {
        node.put("required", true);
      }
      node.putObject("schema").put("type", parameter.type()).put("uniqueItems", true);
    }
    return array;
  }
}
