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
 * {@code ?watch=true} on the list paths. Only verbs a resource advertises get an operation. A
 * subresource (like {@code mcpservers/proxy}) gets connect operations, one per verb.
 */
final class ResourcePaths {
  static final String PREFIX = "/apis/" + ResourceType.GROUP + "/" + ResourceType.VERSION;
  private static final String TAG = camel(ResourceType.GROUP, false) + "_" + ResourceType.VERSION;
  private static final String ID = camel(ResourceType.GROUP, true) + capitalize(ResourceType.VERSION);
  private static final List<String> ANY = List.of("*/*");
  private static final List<String> DOCUMENTS = List.of("application/json", "application/yaml");
  private static final List<String> STREAMS =
      List.of("application/json", "application/yaml", "application/json;stream=watch");
  private static final Parameter NAMESPACE = Parameter.path("namespace", "namespace of the objects");

  private ResourcePaths() {}

  /**
   * @param definitions definition names of each resource's kind and list
   * @param discovery definition name of the APIResourceList
   */
  static List<ApiPath> of(List<ResourceType> resources, List<OpenApiDocuments.Subresource> subresources,
      Map<ResourceType, KindDefinitions.Names> definitions, Map<OpenApiDocuments.Subresource, String> subresourceKinds,
      String discovery) {
    List<ApiPath> paths = new ArrayList<>();
    paths.add(new ApiPath(PREFIX + "/", List.of(), Map.of("get", new Operation(
        "get" + ID + "APIResources", "get available resources", null, null, List.of(), discovery,
        DOCUMENTS, DOCUMENTS, TAG))));
    for (ResourceType type : resources) {
      paths.addAll(resource(type, definitions.get(type)));
    }
    for (OpenApiDocuments.Subresource subresource : subresources) {
      paths.add(subresource(subresource, resources, subresourceKinds.get(subresource)));
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
        ListParameters.of(type.selectableFields(), watch), names.list(), ANY,
        watch ? STREAMS : DOCUMENTS, TAG);
  }

  private static ApiPath subresource(OpenApiDocuments.Subresource subresource, List<ResourceType> resources,
      String definition) {
    ResourceType parent = resources.stream().filter(r -> r.plural().equals(subresource.parentPlural())).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("subresource " + subresource.name() + " of unknown "
            + subresource.parentPlural()));
    String scope = parent.namespaced() ? "Namespaced" : "";
    List<Parameter> shared = new ArrayList<>();
    shared.add(Parameter.path("name", "name of the " + parent.kind()));
    if (parent.namespaced()) {
      shared.add(NAMESPACE);
    }
    Map<String, Operation> operations = new LinkedHashMap<>();
    for (String verb : subresource.verbs()) {
      String method = switch (verb) {
        case "get" -> "get";
        case "create" -> "post";
        case "update" -> "put";
        case "patch" -> "patch";
        case "delete" -> "delete";
        default -> null;
      };
      if (definition != null && method != null && method.equals("get")) {
        // read like status or scale: read<Group><Version>Namespaced<Kind><Subresource>
        operations.put(method, new Operation("read" + ID + scope + parent.kind() + capitalize(subresource.name()),
            "read " + subresource.name() + " of the specified " + parent.kind(), "get", subresource.kind(),
            List.of(), definition, ANY, DOCUMENTS, TAG));
      } else if (method != null) {
        operations.put(method, new Operation(
            "connect" + capitalize(method) + ID + scope + parent.kind() + capitalize(subresource.name()),
            "connect " + method.toUpperCase(Locale.ROOT) + " requests to " + subresource.name() + " of " + parent.kind(),
            "connect", null, List.of(), null, ANY, ANY, TAG));
      }
    }
    String path = PREFIX + (parent.namespaced() ? "/namespaces/{namespace}/" : "/") + parent.plural() + "/{name}/"
        + subresource.name();
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
