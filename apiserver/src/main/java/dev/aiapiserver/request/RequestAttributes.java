package dev.aiapiserver.request;

/**
 * What a request asks for, in the terms of SubjectAccessReview: a resource request (verb, group,
 * version, resource, subresource, namespace, name) or a non-resource request (path, verb).
 *
 * @param resourceRequest true for /apis/ai.k8s.io/v1alpha1/... object paths
 * @param verb get, list, watch (or create, delete ... for write attempts; lower-case http verb for
 *     non-resource paths)
 * @param namespace empty for cluster scope or an all-namespaces list
 */
public record RequestAttributes(
    boolean resourceRequest,
    String verb,
    String apiGroup,
    String apiVersion,
    String resource,
    String subresource,
    String namespace,
    String name,
    String path) {

  public static RequestAttributes nonResource(String path, String verb) {
    return new RequestAttributes(false, verb, "", "", "", "", "", "", path);
  }

  private static final java.util.Set<String> NAMESPACE_SUBRESOURCES = java.util.Set.of("status", "finalize");

  /**
   * What a request asks for, by the rules of kube-apiserver's RequestInfoFactory: {@code /api/v1/...}
   * and {@code /apis/{group}/{version}/...} are resource requests (verb from the method; list or,
   * with {@code watch}, watch when there is no name; the namespaces resource scoped to itself, with
   * its status and finalize subresources); every other path (discovery, /version, /openapi) is a
   * non-resource request with the lower-case method as verb.
   */
  public static RequestAttributes resolve(String method, String path, boolean watch) {
    java.util.List<String> parts = new java.util.ArrayList<>();
    for (String segment : path.split("/")) {
      if (!segment.isEmpty()) {
        parts.add(segment);
      }
    }
    String verb = method.toLowerCase(java.util.Locale.ROOT);
    boolean core = !parts.isEmpty() && parts.get(0).equals("api");
    boolean apis = !parts.isEmpty() && parts.get(0).equals("apis");
    if (!(core || apis) || parts.size() < (core ? 3 : 4)) {
      return nonResource(path, verb);
    }
    String group = core ? "" : parts.get(1);
    String version = core ? parts.get(1) : parts.get(2);
    java.util.List<String> rest = new java.util.ArrayList<>(parts.subList(core ? 2 : 3, parts.size()));
    boolean watchPath = rest.get(0).equals("watch");
    if (watchPath) {
      rest.remove(0);
      if (rest.isEmpty()) {
        return nonResource(path, verb);
      }
    }
    String namespace = "";
    if (rest.get(0).equals("namespaces") && rest.size() > 1) {
      namespace = rest.get(1);
      if (rest.size() > 2 && !NAMESPACE_SUBRESOURCES.contains(rest.get(2))) {
        rest = rest.subList(2, rest.size());
      }
    }
    String resource = rest.get(0);
    String name = rest.size() > 1 ? rest.get(1) : "";
    String subresource = rest.size() > 2 ? rest.get(2) : "";
    String kubeVerb = switch (method) {
      case "POST" -> "create";
      case "GET", "HEAD" -> name.isEmpty() ? (watch ? "watch" : "list") : "get";
      case "PUT" -> "update";
      case "PATCH" -> "patch";
      case "DELETE" -> name.isEmpty() ? "deletecollection" : "delete";
      default -> verb;
    };
    if (watchPath) {
      kubeVerb = "watch";
    }
    return new RequestAttributes(true, kubeVerb, group, version, resource, subresource, namespace, name, path);
  }
}
