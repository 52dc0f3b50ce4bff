package dev.aiapiserver.auth;

import dev.aiapiserver.request.RequestAttributes;
import dev.aiapiserver.request.UserInfo;

import dev.aiapiserver.api.Status;

/** The 403 Status, worded exactly as kube-apiserver words it, so users and agents recognise it. */
public final class Forbidden {
  private Forbidden() {}

  /**
   * e.g. {@code workloadsummaries.ai.k8s.io is forbidden: User "alice" cannot list resource
   * "workloadsummaries" in API group "ai.k8s.io" in the namespace "shop"}, with the authorizer's
   * reason appended after ": " when it gave one.
   */
  public static Status status(UserInfo user, RequestAttributes request, String reason) {
    request = SubjectAccessReviewer.normalized(request);
    String cause = reason == null || reason.isEmpty()
        ? what(user, request) : what(user, request) + ": " + reason;
    if (!request.resourceRequest()) {
      return Status.failure(403, "Forbidden", "forbidden: " + cause, null);
    }
    String qualified = request.apiGroup().isEmpty()
        ? request.resource() : request.resource() + "." + request.apiGroup();
    String message = request.name().isEmpty()
        ? qualified + " is forbidden: " + cause
        : qualified + " \"" + request.name() + "\" is forbidden: " + cause;
    return Status.failure(403, "Forbidden", message, new Status.Details(
        emptyToNull(request.name()), emptyToNull(request.apiGroup()), request.resource(), null));
  }

  private static String what(UserInfo user, RequestAttributes request) {
    if (!request.resourceRequest()) {
      return "User \"" + user.name() + "\" cannot " + request.verb() + " path \"" + request.path() + "\"";
    }
    String resource = request.subresource().isEmpty()
        ? request.resource() : request.resource() + "/" + request.subresource();
    String where = request.namespace().isEmpty()
        ? "at the cluster scope" : "in the namespace \"" + request.namespace() + "\"";
    return "User \"" + user.name() + "\" cannot " + request.verb() + " resource \"" + resource
        + "\" in API group \"" + request.apiGroup() + "\" " + where;
  }

  private static String emptyToNull(String value) {
    return value == null || value.isEmpty() ? null : value;
  }
}
