package dev.aiapiserver.demo;

import dev.aiapiserver.auth.RequestAttributes;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Which events a watch asked for: changes after its resourceVersion (kubectl watches from the
 * version of the list it just printed), in its namespace, of the object a {@code metadata.name}
 * field selector names (as {@code kubectl get pod x -w} sends), meeting the equality requirements
 * of its label selector ({@code a=b}, {@code a==b}, {@code a!=b}; set-based ones are not applied).
 */
record WatchFilter(long sinceVersion, String namespace, String name,
    Map<String, String> labelsEqual, Map<String, String> labelsNotEqual) {

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
    Map<String, String> equal = new LinkedHashMap<>();
    Map<String, String> notEqual = new LinkedHashMap<>();
    if (labelSelector != null) {
      for (String term : labelSelector.split(",")) {
        String t = term.strip();
        if (t.contains("!=")) {
          notEqual.put(t.substring(0, t.indexOf("!=")).strip(), t.substring(t.indexOf("!=") + 2).strip());
        } else if (t.contains("=") && !t.contains("(")) {
          equal.put(t.substring(0, t.indexOf('=')).strip(), t.substring(t.lastIndexOf('=') + 1).strip());
        }
      }
    }
    long since = resourceVersion != null && resourceVersion.matches("\\d{1,18}")
        ? Long.parseLong(resourceVersion) : 0;
    return new WatchFilter(since, request.namespace(), name, equal, notEqual);
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
    JsonNode labels = metadata.path("labels");
    for (Map.Entry<String, String> required : labelsEqual.entrySet()) {
      if (!required.getValue().equals(labels.path(required.getKey()).asString(null))) {
        return false;
      }
    }
    for (Map.Entry<String, String> excluded : labelsNotEqual.entrySet()) {
      if (excluded.getValue().equals(labels.path(excluded.getKey()).asString(null))) {
        return false;
      }
    }
    return true;
  }
}
