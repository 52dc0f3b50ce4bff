package dev.aiapiserver.demo;

import dev.aiapiserver.auth.RequestAttributes;
import dev.aiapiserver.http.LabelSelector;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Which events a watch asked for: changes after its resourceVersion (kubectl watches from the
 * version of the list it just printed), in its namespace, of the object a {@code metadata.name}
 * field selector names (as {@code kubectl get pod x -w} sends), whose labels its label selector
 * selects: the server's own {@link LabelSelector}, with the whole syntax.
 */
record WatchFilter(long sinceVersion, String namespace, String name, LabelSelector labels) {

  /**
   * @throws IllegalArgumentException when the label selector is not one (kube-apiserver's words)
   */
  static WatchFilter of(RequestAttributes request, String resourceVersion, String fieldSelector,
      String labelSelector) {
    String name = request.name();
    if (fieldSelector != null) {
      for (String term : fieldSelector.split(",")) {
        String t = term.strip();
        if (t.startsWith("metadata.name=")) {
          name = t.substring(t.lastIndexOf('=') + 1);
        }
      }
    }
    long since = resourceVersion != null && resourceVersion.matches("\\d{1,18}")
        ? Long.parseLong(resourceVersion) : 0;
    return new WatchFilter(since, request.namespace(), name, LabelSelector.parse(labelSelector));
  }

  boolean matches(JsonNode object) {
    JsonNode metadata = object.path("metadata");
    String version = metadata.path("resourceVersion").asString("");
    if (sinceVersion > 0 && version.matches("\\d{1,18}") && Long.parseLong(version) <= sinceVersion) {
      return false;
    }
    if (!namespace.isEmpty() && !namespace.equals(metadata.path("namespace").asString(""))) {
      return false;
    }
    if (!name.isEmpty() && !name.equals(metadata.path("name").asString(""))) {
      return false;
    }
    Map<String, String> labels = new HashMap<>();
    metadata.path("labels").properties().forEach(e -> labels.put(e.getKey(), e.getValue().asString("")));
    return this.labels.matches(labels);
  }
}
