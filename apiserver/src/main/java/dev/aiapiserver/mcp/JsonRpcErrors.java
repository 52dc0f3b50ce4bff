package dev.aiapiserver.mcp;

import dev.aiapiserver.request.Json;
import io.modelcontextprotocol.spec.McpSchema.ErrorCodes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON-RPC 2.0 error responses the transport writes itself, for messages that never reach the
 * SDK (not JSON, not a JSON-RPC message, bad params). Written with our mapper because the SDK's
 * response type leaves out a null id, which JSON-RPC requires when the id is unknown.
 */
final class JsonRpcErrors {
  private JsonRpcErrors() {}

  static byte[] parseError(String message) {
    return error(null, ErrorCodes.PARSE_ERROR, "Parse error: " + message);
  }

  static byte[] invalidRequest(JsonNode id, String message) {
    return error(id, ErrorCodes.INVALID_REQUEST, "Invalid Request: " + message);
  }

  static byte[] invalidParams(JsonNode id, String message) {
    return error(id, ErrorCodes.INVALID_PARAMS, "Invalid params: " + message);
  }

  /** @param id the request's id (a string or number node), or null when it is unknown */
  static byte[] error(JsonNode id, int code, String message) {
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.put("jsonrpc", "2.0");
    if (id == null) {
      body.putNull("id");
    } else {
      body.set("id", id);
    }
    ObjectNode error = body.putObject("error");
    error.put("code", code);
    error.put("message", message);
    return Json.bytes(body);
  }
}
