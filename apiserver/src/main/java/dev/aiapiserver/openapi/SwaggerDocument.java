package dev.aiapiserver.openapi;

import dev.aiapiserver.request.Json;
import dev.aiapiserver.openapi.ApiPath.Operation;
import dev.aiapiserver.openapi.ApiPath.Parameter;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The OpenAPI v2 (Swagger 2.0) document, shaped like the one kube-apiserver serves on /openapi/v2. */
final class SwaggerDocument {
  static final String TITLE = "ai-apiserver";
  static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch");

  private SwaggerDocument() {}

  static ObjectNode render(Map<String, ObjectNode> definitions, List<ApiPath> paths) {
    ObjectNode document = Json.MAPPER.createObjectNode();
    document.put("swagger", "2.0");
    document.putObject("info").put("title", TITLE).put("version", dev.aiapiserver.resources.ResourceType.VERSION);
    ObjectNode pathItems = document.putObject("paths");
    for (ApiPath path : paths) {
      pathItems.set(path.path(), pathItem(path));
    }
    ObjectNode definitionsNode = document.putObject("definitions");
    definitions.forEach(definitionsNode::set);
    document.putObject("securityDefinitions").putObject("BearerToken")
        .put("description", "Bearer Token authentication")
        .put("in", "header")
        .put("name", "authorization")
        .put("type", "apiKey");
    document.putArray("security").addObject().putArray("BearerToken");
    return document;
  }

  private static ObjectNode pathItem(ApiPath path) {
    ObjectNode item = Json.MAPPER.createObjectNode();
    for (String method : METHODS) {
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
    node.put("description", operation.description());
    strings(node.putArray("consumes"), operation.consumes());
    strings(node.putArray("produces"), operation.produces());
    node.putArray("schemes").add("https");
    node.putArray("tags").add(operation.tag());
    node.put("operationId", operation.operationId());
    if (!operation.parameters().isEmpty()) {
      node.set("parameters", parameters(operation.parameters()));
    }
    ObjectNode responses = node.putObject("responses");
    ObjectNode ok = responses.putObject("200").put("description", "OK");
    if (operation.response() != null) {
      ok.putObject("schema").put("$ref", RecordSchemas.DEFINITIONS + operation.response());
    } else {
      ok.putObject("schema").put("type", "string");
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
      node.put("uniqueItems", true);
      node.put("type", parameter.type());
      node.put("description", parameter.description());
      node.put("name", parameter.name());
      node.put("in", parameter.in());
      if (parameter.required()) {
        node.put("required", true);
      }
    }
    return array;
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }
}
