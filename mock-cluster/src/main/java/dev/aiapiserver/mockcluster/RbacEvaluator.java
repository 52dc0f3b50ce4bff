package dev.aiapiserver.mockcluster;

import io.fabric8.kubernetes.api.model.authorization.v1.NonResourceAttributes;
import io.fabric8.kubernetes.api.model.authorization.v1.ResourceAttributes;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewSpec;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleRef;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Kubernetes RBAC, evaluated over a snapshot of Roles, ClusterRoles and their bindings: the
 * decision kube-apiserver's RBAC authorizer would give a SubjectAccessReview. A RoleBinding grants
 * only inside its namespace; a ClusterRoleBinding grants everywhere, and only it can grant
 * non-resource URLs. Aggregated ClusterRoles are not expanded (no controller runs in the mock).
 */
public final class RbacEvaluator {
  /** allowed, and the reason RBAC gives for an allow; a deny carries no reason, like RBAC's. */
  public record Decision(boolean allowed, String reason) {}

  private final List<Role> roles;
  private final List<ClusterRole> clusterRoles;
  private final List<RoleBinding> roleBindings;
  private final List<ClusterRoleBinding> clusterRoleBindings;

  public RbacEvaluator(List<Role> roles, List<ClusterRole> clusterRoles, List<RoleBinding> roleBindings,
      List<ClusterRoleBinding> clusterRoleBindings) {
    this.roles = roles;
    this.clusterRoles = clusterRoles;
    this.roleBindings = roleBindings;
    this.clusterRoleBindings = clusterRoleBindings;
  }

  public Decision evaluate(SubjectAccessReviewSpec spec) {
    String user = Objects.toString(spec.getUser(), "");
    List<String> groups = spec.getGroups() == null ? List.of() : spec.getGroups();
    for (ClusterRoleBinding binding : clusterRoleBindings) {
      Optional<Subject> subject = matchingSubject(binding.getSubjects(), user, groups, "");
      if (subject.isPresent() && rulesOf(binding.getRoleRef(), "").stream().anyMatch(r -> allows(r, spec))) {
        return allowedBy("ClusterRoleBinding \"" + binding.getMetadata().getName() + "\"",
            binding.getRoleRef(), subject.get(), "");
      }
    }
    ResourceAttributes resource = spec.getResourceAttributes();
    String namespace = resource == null ? "" : Objects.toString(resource.getNamespace(), "");
    if (namespace.isEmpty()) {
      return new Decision(false, "");
    }
    for (RoleBinding binding : roleBindings) {
      if (!namespace.equals(binding.getMetadata().getNamespace())) {
        continue;
      }
      Optional<Subject> subject = matchingSubject(binding.getSubjects(), user, groups, namespace);
      if (subject.isPresent()
          && rulesOf(binding.getRoleRef(), namespace).stream().anyMatch(r -> allows(r, spec))) {
        return allowedBy("RoleBinding \"" + binding.getMetadata().getName() + "/" + namespace + "\"",
            binding.getRoleRef(), subject.get(), namespace);
      }
    }
    return new Decision(false, "");
  }

  private static Decision allowedBy(String binding, RoleRef ref, Subject subject, String namespace) {
    String who = subject.getKind() + " \"" + subject.getName()
        + ("ServiceAccount".equals(subject.getKind())
            ? "/" + (subject.getNamespace() == null ? namespace : subject.getNamespace()) : "")
        + "\"";
    return new Decision(true,
        "RBAC: allowed by " + binding + " of " + ref.getKind() + " \"" + ref.getName() + "\" to " + who);
  }

  private static Optional<Subject> matchingSubject(List<Subject> subjects, String user,
      List<String> groups, String bindingNamespace) {
    if (subjects == null) {
      return Optional.empty();
    }
    return subjects.stream().filter(s -> appliesTo(s, user, groups, bindingNamespace)).findFirst();
  }

  private static boolean appliesTo(Subject subject, String user, List<String> groups,
      String bindingNamespace) {
    String name = Objects.toString(subject.getName(), "");
    return switch (Objects.toString(subject.getKind(), "")) {
      case "User" -> name.equals(user);
      case "Group" -> groups.contains(name);
      case "ServiceAccount" -> {
        String ns = subject.getNamespace() == null || subject.getNamespace().isEmpty()
            ? bindingNamespace : subject.getNamespace();
        yield user.equals("system:serviceaccount:" + ns + ":" + name);
      }
      default -> false;
    };
  }

  private List<PolicyRule> rulesOf(RoleRef ref, String namespace) {
    if ("ClusterRole".equals(ref.getKind())) {
      return clusterRoles.stream().filter(r -> ref.getName().equals(r.getMetadata().getName()))
          .findFirst().map(ClusterRole::getRules).orElse(List.of());
    }
    if ("Role".equals(ref.getKind())) {
      return roles.stream()
          .filter(r -> ref.getName().equals(r.getMetadata().getName())
              && namespace.equals(r.getMetadata().getNamespace()))
          .findFirst().map(Role::getRules).orElse(List.of());
    }
    return List.of();
  }

  static boolean allows(PolicyRule rule, SubjectAccessReviewSpec spec) {
    ResourceAttributes resource = spec.getResourceAttributes();
    if (resource != null) {
      String subresource = Objects.toString(resource.getSubresource(), "");
      String combined = Objects.toString(resource.getResource(), "")
          + (subresource.isEmpty() ? "" : "/" + subresource);
      return contains(rule.getVerbs(), resource.getVerb())
          && contains(rule.getApiGroups(), Objects.toString(resource.getGroup(), ""))
          && resourceMatches(rule.getResources(), combined, subresource)
          && nameMatches(rule.getResourceNames(), Objects.toString(resource.getName(), ""));
    }
    NonResourceAttributes nonResource = spec.getNonResourceAttributes();
    return nonResource != null
        && contains(rule.getVerbs(), nonResource.getVerb())
        && urlMatches(rule.getNonResourceURLs(), Objects.toString(nonResource.getPath(), ""));
  }

  private static boolean contains(List<String> values, String wanted) {
    return values != null && (values.contains("*") || values.contains(wanted));
  }

  private static boolean resourceMatches(List<String> resources, String combined, String subresource) {
    if (resources == null) {
      return false;
    }
    for (String resource : resources) {
      if (resource.equals("*") || resource.equals(combined)
          || (!subresource.isEmpty() && resource.equals("*/" + subresource))) {
        return true;
      }
    }
    return false;
  }

  private static boolean nameMatches(List<String> names, String name) {
    return names == null || names.isEmpty() || (!name.isEmpty() && names.contains(name));
  }

  private static boolean urlMatches(List<String> urls, String path) {
    if (urls == null) {
      return false;
    }
    for (String url : urls) {
      if (url.equals("*") || url.equals(path)
          || (url.endsWith("*") && path.startsWith(url.substring(0, url.length() - 1)))) {
        return true;
      }
    }
    return false;
  }
}
