package dev.aiapiserver.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/** The discovery documents: legacy (APIGroupList, APIGroup, APIResourceList) and aggregated (apidiscovery.k8s.io). */
public final class Discovery {
  private Discovery() {}

  public record GroupVersionForDiscovery(String groupVersion, String version) {}

  public record APIGroup(String kind, String apiVersion, String name, List<GroupVersionForDiscovery> versions,
      GroupVersionForDiscovery preferredVersion) {}

  public record APIGroupList(String kind, String apiVersion, List<APIGroup> groups) {}

  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record APIResource(String name, String singularName, boolean namespaced, String kind, List<String> verbs,
      List<String> shortNames, List<String> categories) {}

  public record APIResourceList(String kind, String apiVersion, String groupVersion, List<APIResource> resources) {}

  public record GroupVersionKind(String group, String version, String kind) {}

  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record APISubresourceDiscovery(String subresource, GroupVersionKind responseKind, List<String> acceptedTypes,
      List<String> verbs) {}

  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record APIResourceDiscovery(String resource, GroupVersionKind responseKind, String scope,
      String singularResource, List<String> verbs, List<String> shortNames, List<String> categories,
      List<APISubresourceDiscovery> subresources) {}

  public record APIVersionDiscovery(String version, List<APIResourceDiscovery> resources, String freshness) {}

  public record APIGroupDiscovery(Map<String, Object> metadata, List<APIVersionDiscovery> versions) {}

  public record APIGroupDiscoveryList(String kind, String apiVersion, Map<String, Object> metadata,
      List<APIGroupDiscovery> items) {}
}
