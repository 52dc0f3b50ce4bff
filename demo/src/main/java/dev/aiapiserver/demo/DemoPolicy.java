package dev.aiapiserver.demo;

import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import io.fabric8.kubernetes.api.model.rbac.SubjectBuilder;
import java.util.List;

/**
 * Who may do what, as plain RBAC objects in the cluster (so {@code kubectl get rolebindings -A}
 * shows the policy): admin is in system:masters, which kube-apiserver's bootstrap policy binds to
 * cluster-admin (so admin may write native objects into the demo cluster); agent reads workload
 * summaries, their evidence and pods in shop only — not pods/log, so the evidence it reads comes
 * without logs.
 * The MCP door is the cluster-scoped subresource mcpservers/proxy, which a namespaced Role cannot
 * grant, so agent gets it from a ClusterRole limited to the server named {@code views}. The
 * discovery roles are the ones kube-apiserver bootstraps.
 */
final class DemoPolicy {
  static final String AI_GROUP = "ai.k8s.io";
  static final String MCP_SERVER = "views";
  private static final List<String> READ = List.of("get", "list", "watch");

  private final Seeding seeding;

  DemoPolicy(Seeding seeding) {
    this.seeding = seeding;
  }

  void seed() {
    clusterRole("cluster-admin",
        new PolicyRuleBuilder().withApiGroups("*").withResources("*").withVerbs("*").build(),
        new PolicyRuleBuilder().withNonResourceURLs("*").withVerbs("*").build());
    clusterRoleBinding("cluster-admin", "cluster-admin", group(DemoUsers.MASTERS));

    seeding.create(new RoleBuilder().withNewMetadata().withName("workload-reader")
        .withNamespace(ShopWorkloads.NAMESPACE).endMetadata()
        .withRules(new PolicyRuleBuilder().withApiGroups(AI_GROUP)
                .withResources("workloadsummaries").withVerbs(READ).build(),
            // the evidence, but not pods/log: its logs are withheld, with the reason, the rest is served
            new PolicyRuleBuilder().withApiGroups(AI_GROUP)
                .withResources("workloadsummaries/evidence").withVerbs("get").build(),
            new PolicyRuleBuilder().withApiGroups("").withResources("pods").withVerbs(READ).build())
        .build());
    seeding.create(new RoleBindingBuilder().withNewMetadata().withName("agent-workload-reader")
        .withNamespace(ShopWorkloads.NAMESPACE).endMetadata()
        .withNewRoleRef().withApiGroup("rbac.authorization.k8s.io").withKind("Role")
        .withName("workload-reader").endRoleRef()
        .withSubjects(user(DemoUsers.AGENT)).build());

    clusterRole("mcp-views-client", new PolicyRuleBuilder().withApiGroups(AI_GROUP)
        .withResources("mcpservers/proxy").withResourceNames(MCP_SERVER)
        .withVerbs("create", "get").build());
    clusterRoleBinding("agent-mcp-views-client", "mcp-views-client", user(DemoUsers.AGENT));

    bootstrapDiscovery();
  }

  /** kube-apiserver's bootstrap policy: every signed-in user may discover the API. */
  private void bootstrapDiscovery() {
    clusterRole("system:discovery", new PolicyRuleBuilder().withNonResourceURLs("/api", "/api/*",
        "/apis", "/apis/*", "/healthz", "/livez", "/openapi", "/openapi/*", "/readyz", "/version",
        "/version/").withVerbs("get").build());
    clusterRoleBinding("system:discovery", "system:discovery", group(DemoUsers.AUTHENTICATED));
    clusterRole("system:public-info-viewer", new PolicyRuleBuilder().withNonResourceURLs(
        "/healthz", "/livez", "/readyz", "/version", "/version/").withVerbs("get").build());
    clusterRoleBinding("system:public-info-viewer", "system:public-info-viewer",
        group(DemoUsers.AUTHENTICATED), group("system:unauthenticated"));
  }

  private void clusterRole(String name, PolicyRule... rules) {
    seeding.create(new ClusterRoleBuilder().withNewMetadata().withName(name).endMetadata()
        .withRules(rules).build());
  }

  private void clusterRoleBinding(String name, String clusterRole, Subject... subjects) {
    seeding.create(new ClusterRoleBindingBuilder().withNewMetadata().withName(name).endMetadata()
        .withNewRoleRef().withApiGroup("rbac.authorization.k8s.io").withKind("ClusterRole")
        .withName(clusterRole).endRoleRef()
        .withSubjects(subjects).build());
  }

  private static Subject user(String name) {
    return new SubjectBuilder().withApiGroup("rbac.authorization.k8s.io").withKind("User")
        .withName(name).build();
  }

  private static Subject group(String name) {
    return new SubjectBuilder().withApiGroup("rbac.authorization.k8s.io").withKind("Group")
        .withName(name).build();
  }
}
