package dev.aiapiserver.openapi;

import dev.aiapiserver.openapi.ApiPath.Operation;
import dev.aiapiserver.openapi.ApiPath.Parameter;
import dev.aiapiserver.resources.ResourceType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The paths kube-apiserver would publish for our resources: the group-version's discovery, and per
 * resource its list (namespaced and across all namespaces), read by name, and watch through
 * {@code ?watch=true} on the list paths. Only verbs a resource advertises get an operation.
 * A subresource (its plural holds a slash, like {@code mcpservers/proxy}) gets connect operations.
 */
final class ResourcePaths {
  static final String PREFIX = "/apis/" + ResourceType.GROUP + "/" + ResourceType.VERSION;
  private static final String TAG = camel(ResourceType.GROUP, false) + "_" + ResourceType.VERSION;
  private static final String ID = camel(ResourceType.GROUP, true) + capitalize(ResourceType.VERSION);
  private static final List<String> ANY = List.of("*/*");
  private static final List<String> DOCUMENTS = List.of("application/json", "application/yaml");
  private static final List<String> STREAMS =
      List.of("application/json", "application/yaml", "application/json;stream=watch");
  private static final Parameter NAMESPACE = Parameter.path("namespace",
      "object name and auth scope, such as for teams and projects");

  private ResourcePaths() {}

  /**
   * @param definitions definition names of each resource's kind and list (absent for a
   *     subresource without a schema)
   * @param discovery definition name of the APIResourceList
   */
  static List<ApiPath> of(List<ResourceType> resources, Map<ResourceType, KindDefinitions.Names> definitions,
      String discovery) {
    List<ApiPath> paths = new ArrayList<>();
    paths.add(new ApiPath(PREFIX + "/", List.of(), Map.of("get", new Operation(
        "get" + ID + "APIResources", "get available resources", null, null, List.of(), discovery,
        DOCUMENTS, DOCUMENTS, TAG))));
    for (ResourceType type : resources) {
      if (type.plural().contains("/")) {
        paths.add(subresource(type, resources, definitions.get(type)));
      } else {
        paths.addAll(resource(type, definitions.get(type)));
      }
    }
    paths.sort(Comparator.comparing(ApiPath::path));
    return paths;
  }

  private static List<ApiPath> resource(ResourceType type, KindDefinitions.Names names) {
    List<ApiPath> paths = new ArrayList<>();
    String scope = type.namespaced() ? "Namespaced" : "";
    String base = PREFIX + (type.namespaced() ? "/namespaces/{namespace}/" : "/") + type.plural();
    boolean watch = type.verbs().contains("watch");
    if (type.verbs().contains("list")) {
      List<Parameter> shared = type.namespaced() ? List.of(NAMESPACE, ListParameters.PRETTY) : List.of(ListParameters.PRETTY);
      paths.add(new ApiPath(base, shared, Map.of("get", list(type, "list" + ID + scope + type.kind(), names, watch))));
      if (type.namespaced()) {
        paths.add(new ApiPath(PREFIX + "/" + type.plural(), List.of(ListParameters.PRETTY), Map.of("get",
            list(type, "list" + ID + type.kind() + "ForAllNamespaces", names, watch))));
      }
    }
    if (type.verbs().contains("get")) {
      List<Parameter> shared = new ArrayList<>();
      shared.add(Parameter.path("name", "name of the " + type.kind()));
      if (type.namespaced()) {
        shared.add(NAMESPACE);
      }
      shared.add(ListParameters.PRETTY);
      paths.add(new ApiPath(base + "/{name}", shared, Map.of("get", new Operation(
          "read" + ID + scope + type.kind(), "read the specified " + type.kind(), "get", type.kind(),
          List.of(), names.kind(), ANY, DOCUMENTS, TAG))));
    }
    return paths;
  }

  private static Operation list(ResourceType type, String id, KindDefinitions.Names names, boolean watch) {
    String description = (watch ? "list or watch" : "list") + " objects of kind " + type.kind();
    return new Operation(id, description, "list", type.kind(),
        ListParameters.of(List.copyOf(type.fields().keySet()), watch), names.list(), ANY,
        watch ? STREAMS : DOCUMENTS, TAG);
  }

  private static ApiPath subresource(ResourceType type, List<ResourceType> resources, KindDefinitions.Names names) {
    String parentPlural = type.plural().substring(0, type.plural().indexOf('/'));
    String sub = type.plural().substring(type.plural().indexOf('/') + 1);
    String parentKind = resources.stream().filter(r -> r.plural().equals(parentPlural)).findFirst()
        .map(ResourceType::kind)
        .orElseThrow(() -> new IllegalArgumentException("subresource " + type.plural() + " has no parent resource"));
    String scope = type.namespaced() ? "Namespaced" : "";
    List<Parameter> shared = new ArrayList<>();
    shared.add(Parameter.path("name", "name of the " + parentKind));
    if (type.namespaced()) {
      shared.add(NAMESPACE);
    }
    Map<String, Operation> operations = new LinkedHashMap<>();
    for (String verb : type.verbs()) {
      String method = switch (verb) {
        case "get" -> "get";
        case "create" -> "post";
        case "update" -> "put";
        case "patch" -> "patch";
        case "delete" -> "delete";
        default -> null;
      };
      if (method != null) {
        operations.put(method, new Operation(
            "connect" + capitalize(method) + ID + scope + parentKind + capitalize(sub),
            "connect " + method.toUpperCase(Locale.ROOT) + " requests to " + sub + " of " + parentKind,
            "connect", names == null ? null : type.kind(), List.of(), null, ANY, ANY, TAG));
      }
    }
    String path = PREFIX + (type.namespaced() ? "/namespaces/{namespace}/" : "/") + parentPlural + "/{name}/" + sub;
    return new ApiPath(path, shared, operations);
  }

  /** ai.k8s.io -> AiK8sIo (or aiK8sIo), as kube-openapi names operations and tags. */
  private static String camel(String group, boolean upperFirst) {
    StringBuilder out = new StringBuilder();
    for (String part : group.split("[.-]")) {
      out.append(capitalize(part));
    }
    return upperFirst || out.isEmpty() ? out.toString() : Character.toLowerCase(out.charAt(0)) + out.substring(1);
  }

  private static String capitalize(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
