package dev.aiapiserver.openapi;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/** Checks a JSON value against an OpenAPI v2 schema of the document, field by field. */
final class SchemaConformance {
  private SchemaConformance() {}

  static void check(JsonNode value, JsonNode schema, JsonNode document, String path, List<String> problems) {
    if (schema.has("$ref")) {
      check(value, document.at(schema.get("$ref").asString().substring(1)), document, path, problems);
      return;
    }
    String type = schema.path("type").asString("");
    switch (type) {
      case "object" -> {
        if (!value.isObject()) {
          problems.add(path + ": expected an object, got " + value);
        } else if (schema.has("properties")) {
          Set<String> written = new TreeSet<>(value.propertyNames());
          Set<String> described = new TreeSet<>(schema.get("properties").propertyNames());
          if (!written.equals(described)) {
            problems.add(path + ": written " + written + " but described " + described);
          }
          for (String name : written) {
            if (described.contains(name)) {
              check(value.get(name), schema.get("properties").get(name), document, path + "." + name, problems);
            }
          }
        } else if (schema.has("additionalProperties")) {
          value.properties().forEach(e -> check(e.getValue(), schema.get("additionalProperties"), document,
              path + "[" + e.getKey() + "]", problems));
        }
      }
      case "array" -> {
        if (!value.isArray()) {
          problems.add(path + ": expected an array, got " + value);
        } else {
          value.values().forEach(item -> check(item, schema.get("items"), document, path + "[]", problems));
        }
      }
      case "string" -> {
        if (!value.isString()) {
          problems.add(path + ": expected a string, got " + value);
        } else if (schema.has("enum") && schema.get("enum").values().stream().noneMatch(e -> e.asString().equals(value.asString()))) {
          problems.add(path + ": " + value + " is not one of " + schema.get("enum"));
        }
      }
      case "integer" -> {
        if (!value.isIntegralNumber()) {
          problems.add(path + ": expected an integer, got " + value);
        }
      }
      case "number" -> {
        if (!value.isNumber()) {
          problems.add(path + ": expected a number, got " + value);
        }
      }
      case "boolean" -> {
        if (!value.isBoolean()) {
          problems.add(path + ": expected a boolean, got " + value);
        }
      }
      default -> problems.add(path + ": schema without a type: " + schema);
    }
  }
}
