package dev.aiapiserver.openapi;

import dev.aiapiserver.api.Discovery;
import dev.aiapiserver.http.Json;
import dev.aiapiserver.resources.ResourceType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OpenAPI documents of ai.k8s.io, built once from the resource descriptors and the api-types
 * records: /openapi/v2 (JSON and gnostic protobuf), the /openapi/v3 index, and the v3 document of
 * the group-version. The same resources always give the same bytes, so every replica serves the
 * same hashes.
 */
public final class OpenApiDocuments {
  private static final Logger LOG = LoggerFactory.getLogger(OpenApiDocuments.class);
  static final String GROUP_VERSION_PATH = "apis/" + ResourceType.GROUP + "/" + ResourceType.VERSION;

  private final ServedDocument v2;
  private final ServedDocument v3Index;
  private final Map<String, ServedDocument> v3;

  /**
   * A subresource: reached through connect requests (e.g. proxy of mcpservers) when it has no
   * type, else read with get as an object of its own kind (e.g. evidence of workloadsummaries).
   *
   * @param type the record whose schema the get answer has, or null for connect
   * @param kind the kind of that answer, or null
   */
  public record Subresource(String parentPlural, String name, List<String> verbs, Class<?> type, String kind) {
    public Subresource(String parentPlural, String name, List<String> verbs) {
      this(parentPlural, name, verbs, null, null);
    }
  }

  /** @param resources the served resources, e.g. AiResources.all() */
  public OpenApiDocuments(List<ResourceType> resources) {
    this(resources, List.of());
  }

  public OpenApiDocuments(List<ResourceType> resources, List<Subresource> subresources) {
    Instant built = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    RecordSchemas schemas = new RecordSchemas(ResourceType.GROUP + "." + ResourceType.VERSION);
    Map<ResourceType, KindDefinitions.Names> names = new LinkedHashMap<>();
    for (ResourceType type : resources) {
      names.put(type, KindDefinitions.add(schemas, type));
    }
    // The discovery answer's own records: the schema is what the discovery route writes.
    schemas.add(Discovery.APIResource.class, "APIResource");
    String discovery = schemas.add(Discovery.APIResourceList.class, "APIResourceList");
    Map<Subresource, String> subresourceKinds = new LinkedHashMap<>();
    for (Subresource s : subresources) {
      if (s.type() != null) {
        subresourceKinds.put(s, KindDefinitions.addSubresourceKind(schemas, s.type(), s.kind()));
      }
    }
    List<ApiPath> paths = ResourcePaths.of(resources, subresources, names, subresourceKinds, discovery);

    ObjectNode swagger = SwaggerDocument.render(schemas.definitions(), paths);
    v2 = ServedDocument.of(Json.bytes(swagger), SwaggerProtobuf.encode(swagger), built);
    ServedDocument groupVersion = ServedDocument.of(
        Json.bytes(OpenApiV3Document.render(schemas.definitions(), paths)), null, built);
    v3 = Map.of(GROUP_VERSION_PATH, groupVersion);

    ObjectNode index = Json.MAPPER.createObjectNode();
    ObjectNode indexPaths = index.putObject("paths");
    v3.forEach((path, document) -> indexPaths.putObject(path).put("serverRelativeURL", v3Url(path, document)));
    v3Index = ServedDocument.of(Json.bytes(index), null, built);
    LOG.info("event=openapi_built definitions={} paths={} v2_bytes={} v2_protobuf_bytes={} v3_bytes={} v3_hash={}",
        schemas.definitions().size(), paths.size(), v2.json().length, v2.protobuf().length,
        groupVersion.json().length, groupVersion.hash().substring(0, 12));
  }

  /** The URL the v3 index gives for a group-version document, e.g. /openapi/v3/apis/ai.k8s.io/v1alpha1?hash=... */
  static String v3Url(String path, ServedDocument document) {
    return "/openapi/v3/" + path + "?hash=" + document.hash();
  }

  ServedDocument v2() {
    return v2;
  }

  ServedDocument v3Index() {
    return v3Index;
  }

  /** The v3 document of a group-version path such as apis/ai.k8s.io/v1alpha1, or null. */
  ServedDocument v3(String groupVersionPath) {
    return v3.get(groupVersionPath);
  }
}
