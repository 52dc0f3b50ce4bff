package dev.aiapiserver.http;

import dev.aiapiserver.request.Json;

import dev.aiapiserver.api.Discovery;
import dev.aiapiserver.api.Discovery.APIResourceDiscovery;
import dev.aiapiserver.api.Discovery.GroupVersionForDiscovery;
import dev.aiapiserver.api.Discovery.GroupVersionKind;
import dev.aiapiserver.resources.ResourceType;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The discovery documents, built once: legacy /apis, /apis/ai.k8s.io, /apis/ai.k8s.io/v1alpha1, and
 * aggregated discovery (apidiscovery.k8s.io v2 and v2beta1) on /apis when the Accept header asks.
 */
public final class DiscoveryDocuments {
  static final String AGGREGATED_V2 = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList";
  static final String AGGREGATED_V2BETA1 =
      "application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList";

  private final Buffer groupList;
  private final Buffer group;
  private final Buffer resourceList;
  private final Buffer aggregatedV2;
  private final Buffer aggregatedV2beta1;

  DiscoveryDocuments(List<ResourceType> types, List<SubresourceType> subresources) {
    GroupVersionForDiscovery gv = new GroupVersionForDiscovery(ResourceType.GROUP_VERSION, ResourceType.VERSION);
    Discovery.APIGroup apiGroup = new Discovery.APIGroup("APIGroup", "v1", ResourceType.GROUP, List.of(gv), gv);
    groupList = Buffer.buffer(Json.bytes(new Discovery.APIGroupList("APIGroupList", "v1", List.of(apiGroup))));
    group = Buffer.buffer(Json.bytes(apiGroup));
    List<Discovery.APIResource> resources = new ArrayList<>();
    List<APIResourceDiscovery> aggregated = new ArrayList<>();
    for (ResourceType t : types) {
      resources.add(new Discovery.APIResource(t.plural(), t.singular(), t.namespaced(), t.kind(), t.verbs(),
          t.shortNames(), t.categories()));
      List<Discovery.APISubresourceDiscovery> subs = new ArrayList<>();
      for (SubresourceType s : subresources) {
        if (s.parent().equals(t.plural())) {
          resources.add(new Discovery.APIResource(t.plural() + "/" + s.name(), "", t.namespaced(), s.kind(),
              s.verbs(), List.of(), List.of()));
          subs.add(new Discovery.APISubresourceDiscovery(s.name(),
              new GroupVersionKind(ResourceType.GROUP, ResourceType.VERSION, s.kind()), List.of(), s.verbs()));
        }
      }
      aggregated.add(new APIResourceDiscovery(t.plural(),
          new GroupVersionKind(ResourceType.GROUP, ResourceType.VERSION, t.kind()),
          t.namespaced() ? "Namespaced" : "Cluster", t.singular(), t.verbs(), t.shortNames(), t.categories(), subs));
    }
    resourceList = Buffer.buffer(Json.bytes(new Discovery.APIResourceList("APIResourceList", "v1",
        ResourceType.GROUP_VERSION, resources)));
    aggregatedV2 = aggregated("apidiscovery.k8s.io/v2", aggregated);
    aggregatedV2beta1 = aggregated("apidiscovery.k8s.io/v2beta1", aggregated);
  }

  /** A subresource to advertise, e.g. mcpservers/proxy with create, get, delete. */
  public record SubresourceType(String parent, String name, String kind, List<String> verbs) {}

  private static Buffer aggregated(String apiVersion, List<APIResourceDiscovery> resources) {
    Discovery.APIGroupDiscovery g = new Discovery.APIGroupDiscovery(
        Map.of("name", ResourceType.GROUP),
        List.of(new Discovery.APIVersionDiscovery(ResourceType.VERSION, resources, "Current")));
    return Buffer.buffer(Json.bytes(new Discovery.APIGroupDiscoveryList("APIGroupDiscoveryList", apiVersion,
        Map.of(), List.of(g))));
  }

  void apis(RoutingContext ctx) {
    String accept = ctx.request().getHeader("Accept");
    String chosen = chooseAggregated(accept);
    ctx.response().putHeader("Vary", "Accept");
    if (chosen == null) {
      ctx.response().putHeader("Content-Type", "application/json").end(groupList);
    } else if (chosen.equals(AGGREGATED_V2)) {
      ctx.response().putHeader("Content-Type", AGGREGATED_V2).end(aggregatedV2);
    } else {
      ctx.response().putHeader("Content-Type", AGGREGATED_V2BETA1).end(aggregatedV2beta1);
    }
  }

  void group(RoutingContext ctx) {
    ctx.response().putHeader("Content-Type", "application/json").end(group);
  }

  void resources(RoutingContext ctx) {
    ctx.response().putHeader("Content-Type", "application/json").end(resourceList);
  }

  /** The first aggregated type the Accept header lists, in its order, or null for legacy. */
  static String chooseAggregated(String accept) {
    if (accept == null) {
      return null;
    }
    for (String part : accept.split(",")) {
      String p = part.replace(" ", "");
      if (p.contains("as=APIGroupDiscoveryList") && p.contains("g=apidiscovery.k8s.io")) {
        if (p.contains("v=v2beta1")) {
          return AGGREGATED_V2BETA1;
        }
        if (p.contains("v=v2;") || p.endsWith("v=v2")) {
          return AGGREGATED_V2;
        }
      } else if (p.startsWith("application/json") || p.startsWith("*/*")) {
        return null;
      }
    }
    return null;
  }
}
