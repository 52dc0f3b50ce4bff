package dev.aiapiserver.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** meta.k8s.io Table: what kubectl prints. Column definitions are sent once per response/watch. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Table(String kind, String apiVersion, ListMeta metadata, List<ColumnDefinition> columnDefinitions,
    List<Row> rows) {

  public record ColumnDefinition(String name, String type, String format, String description, int priority) {}

  /** A row: cells in column order, and the object as PartialObjectMetadata (or whole, or none). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Row(List<Object> cells, Object object) {}
}
