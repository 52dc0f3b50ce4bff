package dev.aiapiserver.request;

import java.util.List;
import java.util.Map;

/** An authenticated (or anonymous) Kubernetes identity, as SubjectAccessReview takes it. */
public record UserInfo(String name, String uid, List<String> groups, Map<String, List<String>> extra) {
  public static final UserInfo ANONYMOUS =
      new UserInfo("system:anonymous", "", List.of("system:unauthenticated"), Map.of());

  public boolean isAnonymous() {
    return "system:anonymous".equals(name);
  }
}
