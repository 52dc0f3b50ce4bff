package dev.aiapiserver.http;

import dev.aiapiserver.request.Json;

import dev.aiapiserver.api.ListMeta;
import dev.aiapiserver.api.PartialObjectMetadata;
import dev.aiapiserver.api.PartialObjectMetadataList;
import dev.aiapiserver.api.Table;
import dev.aiapiserver.resources.ResourceType;
import dev.aiapiserver.store.StoredView;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.util.RawValue;

/**
 * Turns stored views into response bodies. A JSON list is a walk over bytes serialized when each
 * view changed; Table, PartialObjectMetadata and YAML are built per request.
 */
final class Renderer {
  private Renderer() {}

  static final String JSON_TYPE = "application/json";
  static final String YAML_TYPE = "application/yaml";

  static String contentType(Representation.Choice c) {
    return c.representation() == Representation.YAML ? YAML_TYPE : JSON_TYPE;
  }

  static Buffer list(ResourceType type, Representation.Choice c, List<StoredView> items, ListMeta meta,
      String includeObject) {
    return switch (c.representation()) {
      case JSON -> jsonList(type, items, meta);
      case YAML -> Buffer.buffer(Json.YAML.writeValueAsBytes(listObject(type, items, meta)));
      case TABLE -> Buffer.buffer(Json.bytes(table(type, c, items, meta, includeObject, true)));
      case PARTIAL_METADATA -> Buffer.buffer(Json.bytes(new PartialObjectMetadataList(
          "PartialObjectMetadataList", c.metaApiVersion(), meta,
          items.stream().map(v -> partial(v, c)).toList())));
    };
  }

  static Buffer object(ResourceType type, Representation.Choice c, StoredView v, String includeObject) {
    return switch (c.representation()) {
      case JSON -> Buffer.buffer(v.json());
      case YAML -> Buffer.buffer(Json.YAML.writeValueAsBytes(v.object()));
      case TABLE -> Buffer.buffer(Json.bytes(table(type, c, List.of(v),
          new ListMeta(Long.toString(v.resourceVersion()), null, null), includeObject, true)));
      case PARTIAL_METADATA -> Buffer.buffer(Json.bytes(partial(v, c)));
    };
  }

  /** The object of a watch event in the chosen representation (Table columns only in the first). */
  static Buffer eventObject(ResourceType type, Representation.Choice c, StoredView v, String includeObject,
      boolean firstTable) {
    return switch (c.representation()) {
      case TABLE -> Buffer.buffer(Json.bytes(table(type, c, List.of(v),
          new ListMeta(Long.toString(v.resourceVersion()), null, null), includeObject, firstTable)));
      case PARTIAL_METADATA -> Buffer.buffer(Json.bytes(partial(v, c)));
      default -> Buffer.buffer(v.json());
    };
  }

  static Table table(ResourceType type, Representation.Choice c, List<StoredView> items, ListMeta meta,
      String includeObject, boolean withColumns) {
    List<Table.ColumnDefinition> columns = withColumns
        ? type.columns().stream().map(col -> new Table.ColumnDefinition(col.name(), col.type(), col.format(),
            col.description(), col.priority())).toList()
        : List.of();
    List<Table.Row> rows = new ArrayList<>(items.size());
    for (StoredView v : items) {
      Object object = switch (includeObject == null ? "Metadata" : includeObject) {
        case "None" -> null;
        case "Object" -> new RawValue(new String(v.json(), StandardCharsets.UTF_8));
        default -> partial(v, c);
      };
      rows.add(new Table.Row(type.cells().apply(v.object()), object));
    }
    return new Table("Table", c.metaApiVersion(), meta, columns, rows);
  }

  static PartialObjectMetadata partial(StoredView v, Representation.Choice c) {
    return new PartialObjectMetadata("PartialObjectMetadata", c.metaApiVersion(), v.metadata());
  }

  private static Map<String, Object> listObject(ResourceType type, List<StoredView> items, ListMeta meta) {
    Map<String, Object> list = new LinkedHashMap<>();
    list.put("apiVersion", ResourceType.GROUP_VERSION);
    list.put("kind", type.listKind());
    list.put("metadata", meta);
    list.put("items", items.stream().map(StoredView::object).toList());
    return list;
  }

  private static Buffer jsonList(ResourceType type, List<StoredView> items, ListMeta meta) {
    int size = 128;
    for (StoredView v : items) {
      size += v.json().length + 1;
    }
    Buffer b = Buffer.buffer(size);
    b.appendString("{\"kind\":\"").appendString(type.listKind())
        .appendString("\",\"apiVersion\":\"").appendString(ResourceType.GROUP_VERSION)
        .appendString("\",\"metadata\":").appendBytes(Json.bytes(meta))
        .appendString(",\"items\":[");
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) {
        b.appendByte((byte) ',');
      }
      b.appendBytes(items.get(i).json());
    }
    return b.appendString("]}");
  }
}
