package dev.aiapiserver.auth;

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
}
