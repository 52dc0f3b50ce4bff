package dev.aiapiserver.demo;

import dev.aiapiserver.auth.RequestAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a request to the front door asks for, by the rules of kube-apiserver's RequestInfoFactory:
 * {@code /api/v1/...} and {@code /apis/{group}/{version}/...} are resource requests (verb from the
 * method, list/watch without a name, the namespaces resource scoped to itself); every other path
 * (discovery, /version, /openapi) is a non-resource request with the lower-case method as verb.
 */
final class KubeRequest {
  private static final Set<String> NAMESPACE_SUBRESOURCES = Set.of("status", "finalize");

  private KubeRequest() {}

  static RequestAttributes resolve(String method, String path, boolean watchParam) {
    List<String> parts = split(path);
    String verb = method.toLowerCase(Locale.ROOT);
    if (parts.size() < 3 || !(parts.get(0).equals("api") || parts.get(0).equals("apis"))) {
      return RequestAttributes.nonResource(path, verb);
    }
    boolean core = parts.get(0).equals("api");
    if (!core && parts.size() < 4) {
      return RequestAttributes.nonResource(path, verb);
    }
    String group = core ? "" : parts.get(1);
    String version = core ? parts.get(1) : parts.get(2);
    List<String> rest = new ArrayList<>(parts.subList(core ? 2 : 3, parts.size()));
    boolean watchPath = rest.get(0).equals("watch");
    if (watchPath) {
      rest.remove(0);
      if (rest.isEmpty()) {
        return RequestAttributes.nonResource(path, verb);
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
      case "GET", "HEAD" -> name.isEmpty() ? (watchParam ? "watch" : "list") : "get";
      case "PUT" -> "update";
      case "PATCH" -> "patch";
      case "DELETE" -> name.isEmpty() ? "deletecollection" : "delete";
      default -> "";
    };
    if (watchPath) {
      kubeVerb = "watch";
    }
    return new RequestAttributes(true, kubeVerb, group, version, resource, subresource, namespace,
        name, path);
  }

  /**
   * Paths with dot segments, empty segments or encoded separators are refused: the one reviewed
   * must be the one forwarded.
   */
  static boolean isClean(String path) {
    if (path == null || !path.startsWith("/")) {
      return false;
    }
    String lower = path.toLowerCase(Locale.ROOT);
    if (lower.contains("%2e") || lower.contains("%2f") || lower.contains("%5c")
        || lower.contains("//") || lower.contains("\\")) {
      return false;
    }
    for (String segment : path.split("/")) {
      if (segment.equals(".") || segment.equals("..")) {
        return false;
      }
    }
    return true;
  }

  private static List<String> split(String path) {
    List<String> out = new ArrayList<>();
    for (String segment : path.split("/")) {
      if (!segment.isEmpty()) {
        out.add(segment);
      }
    }
    return out;
  }
}
