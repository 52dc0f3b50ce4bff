package dev.aiapiserver.demo;

import dev.aiapiserver.api.ListMeta;
import dev.aiapiserver.api.Table;
import dev.aiapiserver.http.Json;
import dev.aiapiserver.resources.Ages;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * Server-side printing for the native resources, which the mock does not do: when kubectl asks
 * for a meta.k8s.io Table, the list (or object) the cluster answered becomes the Table
 * kube-apiserver would send, with its columns, rows sorted by namespace and name, and each row's
 * object as PartialObjectMetadata (kubectl reads the namespace column from it).
 */
final class NativeTables {
  /** One column: its definition and how a cell is read from the object. */
  record Column(Table.ColumnDefinition definition, Function<JsonNode, Object> cell) {}

  private static final Map<String, List<Column>> BY_RESOURCE = Map.ofEntries(
      Map.entry("pods", PodColumns.all()),
      Map.entry("deployments", WorkloadColumns.deployments()),
      Map.entry("replicasets", WorkloadColumns.replicaSets()),
      Map.entry("statefulsets", WorkloadColumns.statefulSets()),
      Map.entry("daemonsets", WorkloadColumns.daemonSets()),
      Map.entry("jobs", WorkloadColumns.jobs()),
      Map.entry("cronjobs", WorkloadColumns.cronJobs()),
      Map.entry("services", ClusterColumns.services()),
      Map.entry("nodes", ClusterColumns.nodes()),
      Map.entry("namespaces", ClusterColumns.namespaces()),
      Map.entry("events", ClusterColumns.events()),
      Map.entry("secrets", ClusterColumns.secrets()),
      Map.entry("configmaps", ClusterColumns.configMaps()),
      Map.entry("rolebindings", ClusterColumns.bindings()),
      Map.entry("clusterrolebindings", ClusterColumns.bindings()));

  private NativeTables() {}

  static boolean prints(String resource) {
    return BY_RESOURCE.containsKey(resource);
  }

  /**
   * The Table version kubectl accepts (v1 preferred, then v1beta1), or null when it did not ask
   * for a Table.
   */
  static String tableVersion(String accept) {
    if (accept == null) {
      return null;
    }
    String found = null;
    for (String range : accept.split(",")) {
      String r = range.replace(" ", "");
      if (r.contains("as=Table") && r.contains("g=meta.k8s.io")) {
        if (r.contains("v=v1;") || r.endsWith("v=v1")) {
          return "meta.k8s.io/v1";
        }
        if (r.contains("v=v1beta1")) {
          found = "meta.k8s.io/v1beta1";
        }
      }
    }
    return found;
  }

  /** The Table for a list or a single object the cluster answered. */
  static byte[] table(String resource, String apiVersion, JsonNode answer, String includeObject) {
    return Json.bytes(tableOf(resource, apiVersion, answer, includeObject, true));
  }

  /**
   * A watch event whose object is a one-row Table, as kube-apiserver streams them to kubectl; only
   * the first event of a watch carries the column definitions.
   */
  static byte[] event(String type, String resource, String apiVersion, JsonNode object,
      String includeObject, boolean withColumns) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("type", type);
    event.put("object", tableOf(resource, apiVersion, object, includeObject, withColumns));
    return Json.bytes(event);
  }

  private static Table tableOf(String resource, String apiVersion, JsonNode answer,
      String includeObject, boolean withColumns) {
    List<JsonNode> items = new ArrayList<>();
    if (answer.has("items")) {
      answer.path("items").forEach(items::add);
      items.sort(Comparator.comparing((JsonNode o) -> o.path("metadata").path("namespace").asString(""))
          .thenComparing(o -> o.path("metadata").path("name").asString("")));
    } else {
      items.add(answer);
    }
    List<Column> columns = BY_RESOURCE.get(resource);
    List<Table.Row> rows = new ArrayList<>();
    for (JsonNode item : items) {
      List<Object> cells = new ArrayList<>();
      columns.forEach(c -> cells.add(c.cell().apply(item)));
      rows.add(new Table.Row(cells, object(item, includeObject)));
    }
    String resourceVersion = answer.path("metadata").path("resourceVersion").asString("");
    return new Table("Table", apiVersion,
        new ListMeta(resourceVersion.isEmpty() ? null : resourceVersion, null, null),
        withColumns ? columns.stream().map(Column::definition).toList() : List.of(), rows);
  }

  private static Object object(JsonNode item, String includeObject) {
    if ("None".equals(includeObject)) {
      return null;
    }
    if ("Object".equals(includeObject)) {
      return item;
    }
    Map<String, Object> partial = new LinkedHashMap<>();
    partial.put("kind", "PartialObjectMetadata");
    partial.put("apiVersion", "meta.k8s.io/v1");
    partial.put("metadata", item.path("metadata"));
    return partial;
  }

  static Column column(String name, String type, int priority, Function<JsonNode, Object> cell) {
    return new Column(new Table.ColumnDefinition(name, type, name.equals("Name") ? "name" : "",
        "", priority), cell);
  }

  static Object name(JsonNode object) {
    return object.path("metadata").path("name").asString("");
  }

  static Object age(JsonNode object) {
    return Ages.since(object.path("metadata").path("creationTimestamp").asString(""));
  }
}
