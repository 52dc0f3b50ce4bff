package dev.aiapiserver.auth;

import dev.aiapiserver.request.UserInfo;

import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;

/** The identity an authentication step found, stored where the next steps look for it. */
final class Authenticated {
  static final String KEY = UserInfo.class.getName();
  static final String ALL_AUTHENTICATED = "system:authenticated";
  static final String ALL_UNAUTHENTICATED = "system:unauthenticated";

  private Authenticated() {}

  static boolean already(RoutingContext ctx) {
    return ctx.get(KEY) != null;
  }

  /**
   * Records the user with the group system:authenticated added, as k8s.io/apiserver does, so
   * that callers arriving without group headers (kube-apiserver's system:aggregator) still match
   * bindings to system:authenticated.
   */
  static void as(RoutingContext ctx, UserInfo user) {
    ctx.put(KEY, withAuthenticatedGroup(user));
  }

  static UserInfo withAuthenticatedGroup(UserInfo user) {
    if (user.isAnonymous() || user.groups().contains(ALL_AUTHENTICATED)
        || user.groups().contains(ALL_UNAUTHENTICATED)) {
      return user;
    }
    List<String> groups = new ArrayList<>(user.groups());
    groups.add(ALL_AUTHENTICATED);
    return new UserInfo(user.name(), user.uid(), List.copyOf(groups), user.extra());
  }
}
