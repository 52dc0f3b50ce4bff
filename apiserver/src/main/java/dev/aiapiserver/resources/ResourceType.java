package dev.aiapiserver.resources;

import dev.aiapiserver.api.ApiObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Everything the wire needs to know about one served resource: its names for discovery, the Java
 * type behind its schema, its Table columns and the fields a field selector may use.
 *
 * @param plural resource name in the path, e.g. workloadsummaries
 * @param singular singular name, e.g. workloadsummary
 * @param kind e.g. WorkloadSummary
 * @param namespaced true for namespaced resources
 * @param shortNames e.g. [wls]
 * @param categories e.g. [ai]
 * @param verbs advertised verbs (get, list, watch)
 * @param type the record class, whose shape and descriptions become the OpenAPI schema
 * @param columns Table columns, in order
 * @param cells one value per column for an object
 * @param fields selectable fields besides metadata.name and metadata.namespace: field path to value
 */
public record ResourceType(
    String plural,
    String singular,
    String kind,
    boolean namespaced,
    List<String> shortNames,
    List<String> categories,
    List<String> verbs,
    Class<? extends ApiObject> type,
    List<Column> columns,
    Function<ApiObject, List<Object>> cells,
    Map<String, Function<ApiObject, String>> fields) {

  public static final String GROUP = "ai.k8s.io";
  public static final String VERSION = "v1alpha1";
  public static final String GROUP_VERSION = GROUP + "/" + VERSION;

  public String listKind() {
    return kind + "List";
  }

  /** Every field a field selector accepts: metadata.name and metadata.namespace, then this type's own. */
  public List<String> selectableFields() {
    List<String> all = new ArrayList<>(List.of("metadata.name", "metadata.namespace"));
    all.addAll(new TreeSet<>(fields.keySet()));
    return List.copyOf(all);
  }

  /**
   * A Table column: priority 0 shows by default, 1 only with -o wide.
   *
   * @param type OpenAPI type: string, integer, number, boolean, date
   * @param format e.g. name for the first column, or empty
   */
  public record Column(String name, String type, String format, String description, int priority) {}
}
