package dev.aiapiserver.mcp;

import io.modelcontextprotocol.spec.McpSchema;
import tools.jackson.databind.JsonNode;

/**
 * The shape of params for the methods the server answers, checked before the SDK sees them: the
 * SDK converts params inside its handlers, where a wrong shape surfaces as an internal error
 * rather than JSON-RPC's "Invalid params".
 */
final class ParamsCheck {
  private ParamsCheck() {}

  /** What is wrong with params for method, or null when nothing is. */
  static String problem(String method, JsonNode params) {
    boolean absent = params == null || params.isNull() || params.isMissingNode();
    if (!absent && !params.isObject()) {
      return "params must be an object";
    }
    return switch (method) {
      case McpSchema.METHOD_INITIALIZE -> absent ? "initialize needs params with protocolVersion"
          : firstOf(requiredText(params, "protocolVersion"), optionalObject(params, "capabilities"),
              optionalObject(params, "clientInfo"));
      case McpSchema.METHOD_TOOLS_CALL -> absent ? "tools/call needs params with the tool name"
          : firstOf(requiredText(params, "name"), optionalObject(params, "arguments"));
      case McpSchema.METHOD_TOOLS_LIST -> absent ? null : optionalText(params, "cursor");
      default -> null;
    };
  }

  private static String requiredText(JsonNode params, String field) {
    JsonNode v = params.get(field);
    return v != null && v.isString() && !v.asString().isEmpty() ? null : field + " must be a non-empty string";
  }

  private static String optionalText(JsonNode params, String field) {
    JsonNode v = params.get(field);
    return v == null || v.isNull() || v.isString() ? null : field + " must be a string";
  }

  private static String optionalObject(JsonNode params, String field) {
    JsonNode v = params.get(field);
    return v == null || v.isNull() || v.isObject() ? null : field + " must be an object";
  }

  private static String firstOf(String... problems) {
    for (String p : problems) {
      if (p != null) {
        return p;
      }
    }
    return null;
  }
}
