package dev.aiapiserver.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;

/** meta.k8s.io/v1 Status: the body of every error answer. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"kind", "apiVersion", "metadata", "status", "message", "reason", "details", "code"})
public record Status(
    String kind,
    String apiVersion,
    Map<String, Object> metadata,
    String status,
    String message,
    String reason,
    Details details,
    int code) {

  /** Details of a Status, naming the object the error is about. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonPropertyOrder({"name", "group", "kind", "causes", "retryAfterSeconds"})
  public record Details(String name, String group, String kind, java.util.List<Cause> causes,
      Integer retryAfterSeconds) {
    public Details(String name, String group, String kind, Integer retryAfterSeconds) {
      this(name, group, kind, null, retryAfterSeconds);
    }
  }

  /** One cause of a Status, e.g. {@code ResourceVersionTooLarge}. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record Cause(String reason, String message, String field) {}

  public static Status failure(int code, String reason, String message, Details details) {
    return new Status("Status", "v1", Map.of(), "Failure", message, reason, details, code);
  }
}
