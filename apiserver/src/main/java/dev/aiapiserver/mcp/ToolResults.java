package dev.aiapiserver.mcp;

import dev.aiapiserver.http.Json;
import dev.aiapiserver.store.StoredView;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.type.TypeReference;

/**
 * Tool answers: the structured result (JSON, built from the very bytes the API serves, so it is
 * bounded and redacted exactly like the views) with a short text rendering for clients that show
 * only text; or a tool error, which the model reads and can act on.
 */
final class ToolResults {
  private static final TypeReference<LinkedHashMap<String, Object>> OBJECT = new TypeReference<>() {};

  private ToolResults() {}

  /** text: rendered with {@link FencedText}; structured: its strings get the fence's escape too. */
  @SuppressWarnings("unchecked")
  static CallToolResult ok(Map<String, Object> structured, String text) {
    return CallToolResult.builder().content(List.of(new TextContent(text)))
        .structuredContent((Map<String, Object>) FencedText.escapeAll(structured)).isError(false).build();
  }

  static CallToolResult error(String text) {
    return CallToolResult.builder().content(List.of(new TextContent(text))).isError(true).build();
  }

  /** Any API object (e.g. a WorkloadEvidence), as a JSON object (field order kept). */
  static Map<String, Object> json(Object object) {
    return Json.MAPPER.readValue(Json.bytes(object), OBJECT);
  }

  /** A view as served by GET, as a JSON object (field order kept). */
  static Map<String, Object> json(StoredView view) {
    return Json.MAPPER.readValue(view.json(), OBJECT);
  }
}
