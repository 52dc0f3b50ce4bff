package dev.aiapiserver.demo;

import dev.aiapiserver.api.Status;
import dev.aiapiserver.auth.RequestAttributes;
import dev.aiapiserver.http.Json;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;

/** The front door's error answers: a metav1.Status with kube-apiserver's wording. */
final class StatusAnswers {
  private StatusAnswers() {}

  static void send(HttpServerResponse response, Status status) {
    if (response.ended() || response.closed()) {
      return;
    }
    if (response.headWritten()) {
      response.reset(); // an error after the answer began can only cut it
      return;
    }
    response.setStatusCode(status.code()).putHeader("Content-Type", "application/json")
        .putHeader("Cache-Control", "no-cache, private")
        .end(Buffer.buffer(Json.bytes(status)));
  }

  static Status unauthorized() {
    return Status.failure(401, "Unauthorized", "Unauthorized", null);
  }

  /** e.g. {@code pods "nope" not found}, as kube-apiserver names a missing object. */
  static Status notFound(RequestAttributes request) {
    String qualified = request.apiGroup().isEmpty()
        ? request.resource() : request.resource() + "." + request.apiGroup();
    return Status.failure(404, "NotFound", qualified + " \"" + request.name() + "\" not found",
        new Status.Details(request.name(), emptyToNull(request.apiGroup()), request.resource(),
            null));
  }

  /** A path nothing serves. */
  static Status pathNotFound() {
    return Status.failure(404, "NotFound", "the server could not find the requested resource",
        null);
  }

  static Status badRequest(String message) {
    return Status.failure(400, "BadRequest", message, null);
  }

  static Status badPath() {
    return Status.failure(400, "BadRequest", "the request path is not in canonical form", null);
  }

  /** The upstream (this server or the cluster) could not be reached. */
  static Status unavailable(String what) {
    return Status.failure(503, "ServiceUnavailable", what + " is unavailable", null);
  }

  static Status internalError(String message) {
    return Status.failure(500, "InternalError", "Internal error occurred: " + message, null);
  }

  private static String emptyToNull(String value) {
    return value == null || value.isEmpty() ? null : value;
  }
}
