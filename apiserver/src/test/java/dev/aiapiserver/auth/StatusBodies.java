package dev.aiapiserver.auth;

import dev.aiapiserver.request.Json;
import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;

/** Reads the metav1.Status a refused request answers with. */
final class StatusBodies {
  private StatusBodies() {}

  static JsonNode of(HttpResponse<String> response) {
    JsonNode status = Json.MAPPER.readTree(response.body());
    if (!"Status".equals(status.path("kind").asString())) {
      throw new AssertionError("not a Status: " + response.body());
    }
    return status;
  }

  static String message(HttpResponse<String> response) {
    return of(response).path("message").asString();
  }

  static String reason(HttpResponse<String> response) {
    return of(response).path("reason").asString();
  }
}
