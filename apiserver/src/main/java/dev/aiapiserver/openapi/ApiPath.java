package dev.aiapiserver.openapi;

import java.util.List;
import java.util.Map;

/**
 * One path as kube-apiserver publishes it, with its operations by HTTP method (lower case). A
 * neutral model: {@link SwaggerDocument} and {@link OpenApiV3Document} render it each in their
 * dialect.
 *
 * @param parameters parameters shared by every operation of the path (path parameters, pretty)
 */
record ApiPath(String path, List<Parameter> parameters, Map<String, Operation> operations) {

  /**
   * @param action x-kubernetes-action (get, list, connect), or null
   * @param kind the kind for x-kubernetes-group-version-kind, or null
   * @param response the definition the 200 answer carries, or null for an untyped string body
   * @param produces media types of the answer; application/json;stream=watch when it can watch
   */
  record Operation(String operationId, String description, String action, String kind,
      List<Parameter> parameters, String response, List<String> consumes, List<String> produces,
      String tag) {}

  /**
   * @param in path or query
   * @param type string, integer or boolean
   */
  record Parameter(String name, String in, String type, String description, boolean required) {
    static Parameter path(String name, String description) {
      return new Parameter(name, "path", "string", description, true);
    }

    static Parameter query(String name, String type, String description) {
      return new Parameter(name, "query", type, description, false);
    }
  }
}
