package dev.aiapiserver.mockcluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewSpec;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewSpecBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.InputStream;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * RBAC as kube-apiserver evaluates it, over rbac/policies.yaml: who may do what where.
 * One row per question: user and groups, request, expected decision.
 */
class RbacEvaluatorTest {
  private static final RbacEvaluator RBAC = load("/rbac/policies.yaml");

  static Stream<Arguments> questions() {
    return Stream.of(
        // A RoleBinding grants in its namespace only, never cluster-wide.
        row("bob", List.of(), resource("list", "ai.k8s.io", "workloadsummaries", "", "shop", ""), true),
        row("bob", List.of(), resource("list", "ai.k8s.io", "workloadsummaries", "", "billing", ""), false),
        row("bob", List.of(), resource("list", "ai.k8s.io", "workloadsummaries", "", "", ""), false),
        row("bob", List.of(), resource("delete", "ai.k8s.io", "workloadsummaries", "", "shop", "web"), false),
        // A ServiceAccount subject matches system:serviceaccount:<ns>:<name>, namespace from the binding.
        row("system:serviceaccount:shop:agent", List.of(), resource("watch", "ai.k8s.io", "workloadsummaries", "", "shop", ""), true),
        row("system:serviceaccount:other:agent", List.of(), resource("watch", "ai.k8s.io", "workloadsummaries", "", "shop", ""), false),
        // A ClusterRole bound by a RoleBinding grants in that namespace only.
        row("erin", List.of(), resource("get", "ai.k8s.io", "clustercontexts", "", "shop", "cluster"), true),
        row("erin", List.of(), resource("get", "ai.k8s.io", "clustercontexts", "", "", "cluster"), false),
        // Groups, and "*" for verbs, groups and resources.
        row("root", List.of("system:masters"), resource("delete", "apps", "deployments", "", "kube-system", "x"), true),
        row("root", List.of("ops"), resource("delete", "apps", "deployments", "", "kube-system", "x"), false),
        // Subresources: exact "mcpservers/proxy", never the parent; resourceNames restrict.
        row("carol", List.of(), resource("create", "ai.k8s.io", "mcpservers", "proxy", "", "ai"), true),
        row("carol", List.of(), resource("create", "ai.k8s.io", "mcpservers", "proxy", "", "other"), false),
        row("carol", List.of(), resource("get", "ai.k8s.io", "mcpservers", "", "", "ai"), false),
        // "*/scale" matches any resource's scale subresource.
        row("scaler", List.of(), resource("update", "apps", "deployments", "scale", "shop", "web"), true),
        row("scaler", List.of(), resource("update", "apps", "deployments", "", "shop", "web"), false),
        // Non-resource URLs: exact, or a prefix with a trailing *; only via ClusterRoleBindings.
        row("anyone", List.of("system:authenticated"), path("get", "/openapi/v3/apis/ai.k8s.io/v1alpha1"), true),
        row("anyone", List.of("system:authenticated"), path("get", "/version"), true),
        row("anyone", List.of("system:authenticated"), path("get", "/versions"), false),
        row("anyone", List.of("system:authenticated"), path("post", "/version"), false),
        row("anyone", List.of("system:unauthenticated"), path("get", "/version"), false));
  }

  @ParameterizedTest(name = "[{index}] {0} {1} -> {3}")
  @MethodSource("questions")
  void decides(String user, List<String> groups, SubjectAccessReviewSpecBuilder request, boolean allowed) {
    SubjectAccessReviewSpec spec = request.withUser(user).withGroups(groups).build();

    assertEquals(allowed, RBAC.evaluate(spec).allowed());
  }

  @org.junit.jupiter.api.Test
  void anAllowSaysWhichBindingGrantedItLikeKubeApiserversRbac() {
    SubjectAccessReviewSpec spec = resource("list", "ai.k8s.io", "workloadsummaries", "", "shop", "")
        .withUser("system:serviceaccount:shop:agent").build();

    assertEquals("RBAC: allowed by RoleBinding \"agent-reads-summaries/shop\" of Role \"workload-summary-reader\""
        + " to ServiceAccount \"agent/shop\"", RBAC.evaluate(spec).reason());
  }

  private static Arguments row(String user, List<String> groups, SubjectAccessReviewSpecBuilder request,
      boolean allowed) {
    return Arguments.of(user, groups, request, allowed);
  }

  private static SubjectAccessReviewSpecBuilder resource(String verb, String group, String resource,
      String subresource, String namespace, String name) {
    return new SubjectAccessReviewSpecBuilder().withNewResourceAttributes().withVerb(verb).withGroup(group)
        .withResource(resource).withSubresource(subresource).withNamespace(namespace).withName(name)
        .endResourceAttributes();
  }

  private static SubjectAccessReviewSpecBuilder path(String verb, String path) {
    return new SubjectAccessReviewSpecBuilder().withNewNonResourceAttributes().withVerb(verb).withPath(path)
        .endNonResourceAttributes();
  }

  private static RbacEvaluator load(String resource) {
    try (InputStream yaml = RbacEvaluatorTest.class.getResourceAsStream(resource)) {
      List<HasMetadata> objects = Serialization.unmarshal(yaml);
      return new RbacEvaluator(ofKind(objects, Role.class), ofKind(objects, ClusterRole.class),
          ofKind(objects, RoleBinding.class), ofKind(objects, ClusterRoleBinding.class));
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static <T> List<T> ofKind(List<HasMetadata> objects, Class<T> kind) {
    return objects.stream().filter(kind::isInstance).map(kind::cast).toList();
  }
}
