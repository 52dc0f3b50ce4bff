package dev.aiapiserver.deploy;

import static dev.aiapiserver.deploy.DeployRenderings.NAMESPACE;
import static dev.aiapiserver.deploy.DeployRenderings.SERVER;
import static dev.aiapiserver.deploy.DeployRenderings.podSpec;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiapiserver.sources.Sources;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Given the rendered deploy/ manifests, then the server may read only what its views are derived
 * from, kube-apiserver's delegation goes through the standard roles, and users get the views
 * through view/edit/admin but the MCP door only by an explicit grant.
 */
class DeployRbacTest {
  private static final Set<String> READ_VERBS = Set.of("get", "list", "watch");
  private static final String AGGREGATE_TO = "rbac.authorization.k8s.io/aggregate-to-";

  @TempDir static Path scratch;
  private static DeployRenderings deploy;
  private static RenderedManifests base;

  @BeforeAll
  static void render() throws Exception {
    deploy = DeployRenderings.render(scratch);
    base = deploy.base();
  }

  static Stream<Named<RenderedManifests>> everyRendering() {
    return deploy.everyRendering();
  }

  @Test
  void theServerMayOnlyReadTheSourcesItDerivesViewsFrom() {
    ClusterRole sources = roleBoundToTheServer();

    Set<String> granted = new HashSet<>();
    for (PolicyRule rule : sources.getRules()) {
      assertEquals(List.of(), rule.getResourceNames(), "no rule is narrowed to names by accident");
      rule.getApiGroups().forEach(group -> rule.getResources().forEach(r -> {
        for (String verb : rule.getVerbs()) {
          granted.add(group + "/" + r + ":" + verb);
        }
      }));
    }
    // exactly the informers of the sources' table, read-only: one more source is one more grant, none left over
    Set<String> expected = new HashSet<>();
    for (String source : Sources.readGrants()) {
      READ_VERBS.forEach(verb -> expected.add(source + ":" + verb));
    }
    // and for the evidence subresource: a log tail for callers who may read it, ControllerRevisions on demand
    expected.add("/pods/log:get");
    expected.add("apps/controllerrevisions:list");
    assertEquals(expected, granted);
    assertTrue(granted.containsAll(Set.of("/pods:list", "/events:watch", "apps/deployments:get", "batch/jobs:list")),
        "" + granted);
  }

  @ParameterizedTest
  @MethodSource("everyRendering")
  void noRoleGrantsWildcardsSecretsConfigMapsOrAnyWriteExceptTheMcpDoor(RenderedManifests rendering) {
    List<PolicyRule> rules = new ArrayList<>();
    rendering.all(ClusterRole.class).forEach(role -> rules.addAll(role.getRules()));
    rendering.all(Role.class).forEach(role -> rules.addAll(role.getRules()));
    assertFalse(rules.isEmpty());

    for (PolicyRule rule : rules) {
      assertAll(
          () -> assertFalse(rule.getApiGroups().contains("*"), "wildcard group in " + rule),
          () -> assertFalse(rule.getResources().contains("*"), "wildcard resource in " + rule),
          () -> assertFalse(rule.getVerbs().contains("*"), "wildcard verb in " + rule),
          () -> assertEquals(List.of(), rule.getNonResourceURLs(), "non-resource URLs in " + rule),
          () -> assertFalse(rule.getResources().contains("secrets"), "Secrets in " + rule),
          () -> assertFalse(rule.getResources().contains("configmaps"), "ConfigMaps in " + rule));
      if (rule.getResources().equals(List.of("mcpservers/proxy"))) {
        assertEquals(Set.of("create", "get"), Set.copyOf(rule.getVerbs()), "the MCP door: " + rule);
      } else {
        assertTrue(READ_VERBS.containsAll(rule.getVerbs()), "only get/list/watch: " + rule);
      }
    }
  }

  @Test
  void kubeApiserverDelegationIsGrantedOnlyThroughTheStandardRoles() {
    ClusterRoleBinding delegator = base.all(ClusterRoleBinding.class).stream()
        .filter(b -> b.getRoleRef().getName().equals("system:auth-delegator"))
        .findFirst().orElseThrow(() -> new AssertionError("no binding to system:auth-delegator"));
    RoleBinding authReader = base.all(RoleBinding.class).stream()
        .filter(b -> b.getRoleRef().getName().equals("extension-apiserver-authentication-reader"))
        .findFirst().orElseThrow(() -> new AssertionError("no binding to extension-apiserver-authentication-reader"));

    assertAll(
        () -> assertEquals("ClusterRole", delegator.getRoleRef().getKind()),
        () -> assertServerIsTheOnlySubject(delegator.getSubjects()),
        () -> assertEquals("Role", authReader.getRoleRef().getKind()),
        () -> assertEquals("kube-system", authReader.getMetadata().getNamespace()),
        () -> assertServerIsTheOnlySubject(authReader.getSubjects()),
        () -> assertEquals(List.of(), base.all(Role.class), "no Role of our own; the standard one suffices"));
  }

  @Test
  void theBindingsNameTheServiceAccountThePodsRunAs() {
    ServiceAccount account = base.one(ServiceAccount.class, SERVER);

    assertEquals(NAMESPACE, account.getMetadata().getNamespace());
    assertEquals(SERVER, podSpec(base).getServiceAccountName());
    assertTrue(podSpec(base).getAutomountServiceAccountToken(), "the server calls kube-apiserver as itself");
  }

  @Test
  void viewersEditorsAndAdminsCanReadEveryViewAndNothingMore() {
    ClusterRole readViews = aggregatedRoles().stream()
        .filter(role -> role.getRules().stream().anyMatch(r -> r.getResources().contains("workloadsummaries")))
        .findFirst().orElseThrow(() -> new AssertionError("no aggregated role for the views"));

    Map<String, String> labels = readViews.getMetadata().getLabels();
    assertAll(
        () -> assertEquals("true", labels.get(AGGREGATE_TO + "view")),
        () -> assertEquals("true", labels.get(AGGREGATE_TO + "edit")),
        () -> assertEquals("true", labels.get(AGGREGATE_TO + "admin")));
    assertEquals(2, readViews.getRules().size());
    PolicyRule rule = readViews.getRules().get(0);
    PolicyRule evidence = readViews.getRules().get(1);
    assertAll(
        () -> assertEquals(List.of("ai.k8s.io"), rule.getApiGroups()),
        () -> assertEquals(Set.of("workloadsummaries", "clustercontexts", "mcpservers"), Set.copyOf(rule.getResources())),
        () -> assertEquals(READ_VERBS, Set.copyOf(rule.getVerbs())),
        // logs inside it follow the caller's own pods/log permission, checked per request
        () -> assertEquals(List.of("ai.k8s.io"), evidence.getApiGroups()),
        () -> assertEquals(List.of("workloadsummaries/evidence"), evidence.getResources()),
        () -> assertEquals(List.of("get"), evidence.getVerbs()));
  }

  @Test
  void talkingToTheMcpDoorIsAGrantOfItsOwnNotPartOfView() {
    ClusterRole mcp = base.all(ClusterRole.class).stream()
        .filter(role -> role.getRules().stream().anyMatch(r -> r.getResources().contains("mcpservers/proxy")))
        .findFirst().orElseThrow(() -> new AssertionError("no role for mcpservers/proxy"));

    assertTrue(mcp.getMetadata().getLabels().keySet().stream().noneMatch(key -> key.startsWith(AGGREGATE_TO)),
        "the MCP role must not join view, edit or admin: " + mcp.getMetadata().getLabels());
    assertTrue(aggregatedRoles().stream()
            .flatMap(role -> role.getRules().stream())
            .noneMatch(rule -> rule.getResources().contains("mcpservers/proxy")),
        "no aggregated role opens the MCP door");
  }

  private static ClusterRole roleBoundToTheServer() {
    List<ClusterRole> bound = base.all(ClusterRoleBinding.class).stream()
        .filter(b -> b.getSubjects().stream().anyMatch(DeployRbacTest::isServer))
        .map(b -> b.getRoleRef().getName())
        .flatMap(name -> base.all(ClusterRole.class).stream().filter(r -> r.getMetadata().getName().equals(name)))
        .toList();
    assertEquals(1, bound.size(), "exactly one ClusterRole of our own is bound to the server: " + bound);
    return bound.get(0);
  }

  private static List<ClusterRole> aggregatedRoles() {
    return base.all(ClusterRole.class).stream()
        .filter(role -> role.getMetadata().getLabels().keySet().stream().anyMatch(key -> key.startsWith(AGGREGATE_TO)))
        .toList();
  }

  private static void assertServerIsTheOnlySubject(List<Subject> subjects) {
    assertEquals(1, subjects.size(), subjects.toString());
    assertTrue(isServer(subjects.get(0)), subjects.toString());
  }

  private static boolean isServer(Subject subject) {
    return subject.getKind().equals("ServiceAccount")
        && subject.getName().equals(SERVER)
        && subject.getNamespace().equals(NAMESPACE);
  }
}
