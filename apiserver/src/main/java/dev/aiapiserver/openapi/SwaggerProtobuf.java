package dev.aiapiserver.openapi;

import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI v2 document in protocol buffers, as gnostic's {@code openapi.v2.Document}
 * (github.com/google/gnostic openapiv2/OpenAPIv2.proto) — what kube-openapi serves for
 * {@code application/com.github.proto-openapi.spec.v2@v1.0+protobuf}. kubectl (at least 1.27)
 * asks /openapi/v2 for nothing else before explain. Vendor extensions, enum values and defaults
 * travel as gnostic {@code Any} with YAML text; JSON is YAML, so they carry their JSON text.
 * A key this encoder does not know fails the build of the documents rather than vanish.
 */
final class SwaggerProtobuf {
  private SwaggerProtobuf() {}

  static byte[] encode(JsonNode document) {
    return message("Document", document);
  }

  private enum Kind { STRING, BOOL, DOUBLE, INT64, STRINGS, MESSAGE, MESSAGES, ANY, ANYS }

  private record Field(int number, Kind kind, String type) {}

  /** @param extensions field number of the repeated NamedAny vendor_extension, 0 if none */
  private record Shape(int extensions, Map<String, Field> fields) {}

  private static final Map<String, Shape> SHAPES = new HashMap<>();

  static {
    shape("Document", 16, "swagger", 1, Kind.STRING, "info", 2, "Info", "host", 3, Kind.STRING,
        "basePath", 4, Kind.STRING, "schemes", 5, Kind.STRINGS, "consumes", 6, Kind.STRINGS,
        "produces", 7, Kind.STRINGS, "paths", 8, "Paths", "definitions", 9, "NamedSchemas",
        "security", 12, Kind.MESSAGES, "SecurityRequirement", "securityDefinitions", 13,
        "SecurityDefinitions", "tags", 14, Kind.MESSAGES, "Tag", "externalDocs", 15, "ExternalDocs");
    shape("Info", 7, "title", 1, Kind.STRING, "version", 2, Kind.STRING, "description", 3, Kind.STRING,
        "termsOfService", 4, Kind.STRING);
    shape("PathItem", 10, "$ref", 1, Kind.STRING, "get", 2, "Operation", "put", 3, "Operation",
        "post", 4, "Operation", "delete", 5, "Operation", "options", 6, "Operation", "head", 7,
        "Operation", "patch", 8, "Operation", "parameters", 9, Kind.MESSAGES, "ParametersItem");
    shape("Operation", 13, "tags", 1, Kind.STRINGS, "summary", 2, Kind.STRING, "description", 3,
        Kind.STRING, "externalDocs", 4, "ExternalDocs", "operationId", 5, Kind.STRING, "produces", 6,
        Kind.STRINGS, "consumes", 7, Kind.STRINGS, "parameters", 8, Kind.MESSAGES, "ParametersItem",
        "responses", 9, "Responses", "schemes", 10, Kind.STRINGS, "deprecated", 11, Kind.BOOL,
        "security", 12, Kind.MESSAGES, "SecurityRequirement");
    shape("QueryParameterSubSchema", 23, "required", 1, Kind.BOOL, "in", 2, Kind.STRING,
        "description", 3, Kind.STRING, "name", 4, Kind.STRING, "allowEmptyValue", 5, Kind.BOOL,
        "type", 6, Kind.STRING, "format", 7, Kind.STRING, "collectionFormat", 9, Kind.STRING,
        "default", 10, Kind.ANY, "maximum", 11, Kind.DOUBLE, "minimum", 13, Kind.DOUBLE,
        "pattern", 17, Kind.STRING, "uniqueItems", 20, Kind.BOOL, "enum", 21, Kind.ANYS);
    shape("PathParameterSubSchema", 22, "required", 1, Kind.BOOL, "in", 2, Kind.STRING,
        "description", 3, Kind.STRING, "name", 4, Kind.STRING, "type", 5, Kind.STRING, "format", 6,
        Kind.STRING, "collectionFormat", 8, Kind.STRING, "default", 9, Kind.ANY, "pattern", 16,
        Kind.STRING, "uniqueItems", 19, Kind.BOOL, "enum", 20, Kind.ANYS);
    shape("BodyParameter", 6, "description", 1, Kind.STRING, "name", 2, Kind.STRING, "in", 3,
        Kind.STRING, "required", 4, Kind.BOOL, "schema", 5, "Schema");
    shape("Response", 5, "description", 1, Kind.STRING, "schema", 2, "SchemaItem");
    shape("Schema", 31, "$ref", 1, Kind.STRING, "format", 2, Kind.STRING, "title", 3, Kind.STRING,
        "description", 4, Kind.STRING, "default", 5, Kind.ANY, "multipleOf", 6, Kind.DOUBLE,
        "maximum", 7, Kind.DOUBLE, "exclusiveMaximum", 8, Kind.BOOL, "minimum", 9, Kind.DOUBLE,
        "exclusiveMinimum", 10, Kind.BOOL, "maxLength", 11, Kind.INT64, "minLength", 12, Kind.INT64,
        "pattern", 13, Kind.STRING, "maxItems", 14, Kind.INT64, "minItems", 15, Kind.INT64,
        "uniqueItems", 16, Kind.BOOL, "maxProperties", 17, Kind.INT64, "minProperties", 18,
        Kind.INT64, "required", 19, Kind.STRINGS, "enum", 20, Kind.ANYS, "additionalProperties", 21,
        "AdditionalPropertiesItem", "type", 22, "TypeItem", "items", 23, "ItemsItem", "allOf", 24,
        Kind.MESSAGES, "Schema", "properties", 25, "NamedSchemas", "discriminator", 26, Kind.STRING,
        "readOnly", 27, Kind.BOOL, "externalDocs", 29, "ExternalDocs", "example", 30, Kind.ANY);
    shape("Tag", 4, "name", 1, Kind.STRING, "description", 2, Kind.STRING, "externalDocs", 3, "ExternalDocs");
    shape("ExternalDocs", 3, "description", 1, Kind.STRING, "url", 2, Kind.STRING);
    shape("ApiKeySecurity", 5, "type", 1, Kind.STRING, "name", 2, Kind.STRING, "in", 3, Kind.STRING,
        "description", 4, Kind.STRING);
    shape("BasicAuthenticationSecurity", 3, "type", 1, Kind.STRING, "description", 2, Kind.STRING);
    shape("JsonReference", 0, "$ref", 1, Kind.STRING, "description", 2, Kind.STRING);
  }

  /** Entries are: json key, field number, then a Kind, a message type, or a Kind plus a type. */
  private static void shape(String type, int extensions, Object... entries) {
    Map<String, Field> fields = new HashMap<>();
    for (int i = 0; i < entries.length; ) {
      String key = (String) entries[i++];
      int number = (Integer) entries[i++];
      Object next = entries[i++];
      if (next instanceof Kind kind) {
        String messageType = kind == Kind.MESSAGES ? (String) entries[i++] : null;
        fields.put(key, new Field(number, kind, messageType));
      } else {
        fields.put(key, new Field(number, Kind.MESSAGE, (String) next));
      }
    }
    SHAPES.put(type, new Shape(extensions, fields));
  }

  private static byte[] message(String type, JsonNode node) {
    ProtoWriter out = new ProtoWriter();
    switch (type) {
      case "Paths" -> node.properties().forEach(e -> {
        if (e.getKey().startsWith("x-")) {
          out.bytes(1, namedAny(e.getKey(), e.getValue()));
        } else {
          out.bytes(2, named(e.getKey(), message("PathItem", e.getValue())));
        }
      });
      case "NamedSchemas" -> node.properties().forEach(e -> out.bytes(1, named(e.getKey(), message("Schema", e.getValue()))));
      case "Responses" -> node.properties().forEach(e -> {
        if (e.getKey().startsWith("x-")) {
          out.bytes(2, namedAny(e.getKey(), e.getValue()));
        } else if (e.getValue().has("$ref")) {
          out.bytes(1, named(e.getKey(), new ProtoWriter().bytes(2, message("JsonReference", e.getValue())).toByteArray()));
        } else {
          out.bytes(1, named(e.getKey(), new ProtoWriter().bytes(1, message("Response", e.getValue())).toByteArray()));
        }
      });
      case "ParametersItem" -> {
        if (node.has("$ref")) {
          out.bytes(2, message("JsonReference", node));
        } else {
          out.bytes(1, parameter(node));
        }
      }
      case "SchemaItem" -> {
        if ("file".equals(node.path("type").asString(""))) {
          throw unsupported(type, "type: file");
        }
        out.bytes(1, message("Schema", node));
      }
      case "AdditionalPropertiesItem" -> {
        if (node.isBoolean()) {
          out.bool(2, node.booleanValue()); // a oneof member: written even when false
        } else {
          out.bytes(1, message("Schema", node));
        }
      }
      case "TypeItem", "StringArray" -> strings(out, 1, node);
      case "ItemsItem" -> {
        if (node.isArray()) {
          node.values().forEach(item -> out.bytes(1, message("Schema", item)));
        } else {
          out.bytes(1, message("Schema", node));
        }
      }
      case "SecurityDefinitions" -> node.properties().forEach(e -> {
        String scheme = e.getValue().path("type").asString("");
        byte[] item = switch (scheme) {
          case "basic" -> new ProtoWriter().bytes(1, message("BasicAuthenticationSecurity", e.getValue())).toByteArray();
          case "apiKey" -> new ProtoWriter().bytes(2, message("ApiKeySecurity", e.getValue())).toByteArray();
          default -> throw unsupported(type, scheme);
        };
        out.bytes(1, named(e.getKey(), item));
      });
      case "SecurityRequirement" -> node.properties().forEach(e -> out.bytes(1, named(e.getKey(), message("StringArray", e.getValue()))));
      default -> fields(out, type, node);
    }
    return out.toByteArray();
  }

  private static void fields(ProtoWriter out, String type, JsonNode node) {
    Shape shape = SHAPES.get(type);
    if (shape == null) {
      throw unsupported(type, "message");
    }
    for (Map.Entry<String, JsonNode> entry : node.properties()) {
      String key = entry.getKey();
      JsonNode value = entry.getValue();
      if (key.startsWith("x-") && shape.extensions() != 0) {
        out.bytes(shape.extensions(), namedAny(key, value));
        continue;
      }
      Field field = shape.fields().get(key);
      if (field == null) {
        throw unsupported(type, key);
      }
      switch (field.kind()) {
        case STRING -> {
          if (!value.asString().isEmpty()) {
            out.string(field.number(), value.asString());
          }
        }
        case BOOL -> {
          if (value.asBoolean()) {
            out.bool(field.number(), true);
          }
        }
        case DOUBLE -> {
          if (value.asDouble() != 0) {
            out.fixed64(field.number(), value.asDouble());
          }
        }
        case INT64 -> {
          if (value.asLong() != 0) {
            out.int64(field.number(), value.asLong());
          }
        }
        case STRINGS -> strings(out, field.number(), value);
        case MESSAGE -> out.bytes(field.number(), message(field.type(), value));
        case MESSAGES -> value.values().forEach(item -> out.bytes(field.number(), message(field.type(), item)));
        case ANY -> out.bytes(field.number(), any(value));
        case ANYS -> value.values().forEach(item -> out.bytes(field.number(), any(item)));
        default -> throw unsupported(type, key);
      }
    }
  }

  /** Parameter: a body parameter, or a non-body one chosen by where it goes. */
  private static byte[] parameter(JsonNode node) {
    String in = node.path("in").asString("");
    if (in.equals("body")) {
      return new ProtoWriter().bytes(1, message("BodyParameter", node)).toByteArray();
    }
    byte[] nonBody = switch (in) {
      case "query" -> new ProtoWriter().bytes(3, message("QueryParameterSubSchema", node)).toByteArray();
      case "path" -> new ProtoWriter().bytes(4, message("PathParameterSubSchema", node)).toByteArray();
      default -> throw unsupported("Parameter", "in: " + in);
    };
    return new ProtoWriter().bytes(2, nonBody).toByteArray();
  }

  private static void strings(ProtoWriter out, int number, JsonNode value) {
    if (value.isArray()) {
      value.values().forEach(item -> out.string(number, item.asString()));
    } else {
      out.string(number, value.asString());
    }
  }

  private static byte[] named(String name, byte[] value) {
    return new ProtoWriter().string(1, name).bytes(2, value).toByteArray();
  }

  private static byte[] namedAny(String name, JsonNode value) {
    return named(name, any(value));
  }

  private static byte[] any(JsonNode value) {
    return new ProtoWriter().string(2, value.toString() + "\n").toByteArray();
  }

  private static IllegalArgumentException unsupported(String type, String what) {
    return new IllegalArgumentException("OpenAPI v2 protobuf: " + type + " has no field for " + what);
  }
}
