package dev.aiapiserver.demo;

import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIGroupBuilder;
import io.fabric8.kubernetes.api.model.APIGroupList;
import io.fabric8.kubernetes.api.model.APIGroupListBuilder;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceBuilder;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.APIResourceListBuilder;
import io.fabric8.kubernetes.api.model.APIVersions;
import io.fabric8.kubernetes.api.model.APIVersionsBuilder;
import io.fabric8.kubernetes.api.model.GroupVersionForDiscoveryBuilder;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The built-in APIs the demo cluster serves, as legacy discovery documents: only the kinds the CRUD
 * mock stores and the scenario uses, each with the verbs, short names and categories a real
 * kube-apiserver gives it (kubectl resolves {@code po}, {@code deploy} and {@code all} from here).
 */
final class NativeApis {
  private static final List<String> READ_WRITE =
      List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");
  private static final List<String> CREATE_ONLY = List.of("create");

  /** group/version ("v1" for the core group) to its resources. */
  private static final Map<String, List<APIResource>> RESOURCES = Map.of(
      "v1", List.of(
          resource("configmaps", "ConfigMap", true, List.of("cm")),
          resource("events", "Event", true, List.of("ev")),
          resource("namespaces", "Namespace", false, List.of("ns")),
          resource("nodes", "Node", false, List.of("no")),
          resource("pods", "Pod", true, List.of("po"), "all"),
          resource("secrets", "Secret", true, List.of()),
          resource("serviceaccounts", "ServiceAccount", true, List.of("sa")),
          resource("services", "Service", true, List.of("svc"), "all")),
      "apps/v1", List.of(
          resource("daemonsets", "DaemonSet", true, List.of("ds"), "all"),
          resource("deployments", "Deployment", true, List.of("deploy"), "all"),
          resource("replicasets", "ReplicaSet", true, List.of("rs"), "all"),
          resource("statefulsets", "StatefulSet", true, List.of("sts"), "all")),
      "batch/v1", List.of(
          resource("cronjobs", "CronJob", true, List.of("cj"), "all"),
          resource("jobs", "Job", true, List.of(), "all")),
      "rbac.authorization.k8s.io/v1", List.of(
          resource("clusterrolebindings", "ClusterRoleBinding", false, List.of()),
          resource("clusterroles", "ClusterRole", false, List.of()),
          resource("rolebindings", "RoleBinding", true, List.of()),
          resource("roles", "Role", true, List.of())),
      "authentication.k8s.io/v1", List.of(
          review("tokenreviews", "TokenReview")),
      "authorization.k8s.io/v1", List.of(
          review("subjectaccessreviews", "SubjectAccessReview")));

  /** The named groups, in the order kube-apiserver lists them. */
  static final List<String> GROUPS = List.of("apps", "authentication.k8s.io",
      "authorization.k8s.io", "batch", "rbac.authorization.k8s.io");

  private NativeApis() {}

  /** /api */
  static APIVersions coreVersions() {
    return new APIVersionsBuilder().withVersions("v1").build();
  }

  /** /apis, plus any groups served elsewhere (the aggregated ones) at the end. */
  static APIGroupList groups(List<APIGroup> aggregated) {
    APIGroupListBuilder list = new APIGroupListBuilder();
    GROUPS.forEach(group -> list.addToGroups(group(group)));
    aggregated.forEach(list::addToGroups);
    return list.build();
  }

  /** /apis/{group} */
  static APIGroup group(String name) {
    String groupVersion = name + "/v1";
    return new APIGroupBuilder().withName(name)
        .addNewVersion().withGroupVersion(groupVersion).withVersion("v1").endVersion()
        .withPreferredVersion(new GroupVersionForDiscoveryBuilder()
            .withGroupVersion(groupVersion).withVersion("v1").build())
        .build();
  }

  /** /api/v1 or /apis/{group}/{version}, when served. */
  static Optional<APIResourceList> resources(String groupVersion) {
    List<APIResource> resources = RESOURCES.get(groupVersion);
    return Optional.ofNullable(resources).map(r ->
        new APIResourceListBuilder().withGroupVersion(groupVersion).withResources(r).build());
  }

  static boolean servesGroup(String group) {
    return GROUPS.contains(group);
  }

  private static APIResource resource(String plural, String kind, boolean namespaced,
      List<String> shortNames, String... categories) {
    return new APIResourceBuilder().withName(plural)
        .withSingularName(kind.toLowerCase(java.util.Locale.ROOT))
        .withNamespaced(namespaced).withKind(kind).withVerbs(READ_WRITE)
        .withShortNames(shortNames.isEmpty() ? null : shortNames)
        .withCategories(categories.length == 0 ? null : List.of(categories))
        .build();
  }

  private static APIResource review(String plural, String kind) {
    return new APIResourceBuilder().withName(plural)
        .withSingularName(kind.toLowerCase(java.util.Locale.ROOT))
        .withNamespaced(false).withKind(kind).withVerbs(CREATE_ONLY).build();
  }
}
