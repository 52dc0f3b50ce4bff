package dev.aiapiserver.openapi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.aiapiserver.api.ApiObject;
import dev.aiapiserver.api.Discovery;
import dev.aiapiserver.api.ObjectMeta;
import dev.aiapiserver.api.WorkloadSummary;
import dev.aiapiserver.request.Json;
import dev.aiapiserver.resources.AiResources;
import dev.aiapiserver.resources.ResourceType;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class OpenApiDocumentsTest {
  private static final String NS = "ai.k8s.io.v1alpha1.";
  private static final OpenApiDocuments DOCUMENTS = new OpenApiDocuments(AiResources.all());
  private static final JsonNode V2 = Json.MAPPER.readTree(DOCUMENTS.v2().json());
  private static final JsonNode V3 = Json.MAPPER.readTree(DOCUMENTS.v3("apis/ai.k8s.io/v1alpha1").json());

  @Test
  void anAgentReadingTheSchemaLearnsWhatAVerdictIsAndItsPossibleValues() throws Exception {
    // given the documents built from the served resources
    // when an agent looks up WorkloadSummary.health.verdict
    JsonNode health = V2.at("/definitions/" + NS + "WorkloadSummary/properties/health");
    JsonNode verdict = V2.at("/definitions/" + NS + "WorkloadSummary.Health/properties/verdict");

    // then it finds the descriptions written on the api-types records, and every verdict
    assertEquals("#/definitions/" + NS + "WorkloadSummary.Health", health.path("$ref").asString());
    assertEquals(description(WorkloadSummary.class, "health"), health.path("description").asString());
    assertEquals(WorkloadSummary.Health.class.getAnnotation(JsonClassDescription.class).value(),
        V2.at("/definitions/" + NS + "WorkloadSummary.Health/description").asString());
    assertTrue(verdict.path("description").asString().startsWith(description(WorkloadSummary.Health.class, "verdict")));
    assertEquals("string", verdict.path("type").asString());
    assertEquals(Arrays.stream(WorkloadSummary.Verdict.values()).map(Enum::name).toList(),
        verdict.path("enum").values().stream().map(JsonNode::asString).toList());
    assertEquals(description(dev.aiapiserver.api.ClusterContext.class, "nodes"),
        V2.at("/definitions/" + NS + "ClusterContext/properties/nodes/description").asString());
  }

  @Test
  void typesFollowTheJavaTypes() {
    JsonNode nodes = V2.at("/definitions/" + NS + "ClusterContext.Nodes/properties");
    assertEquals("integer", nodes.at("/total/type").asString());
    assertEquals("int32", nodes.at("/total/format").asString());
    assertEquals("integer", nodes.at("/roles/additionalProperties/type").asString(), "Map<String, Integer> is a map of integers");
    assertEquals("#/definitions/" + NS + "ClusterContext.NameList", nodes.at("/notReady/$ref").asString());
    assertEquals("array", V2.at("/definitions/" + NS + "ClusterContext.NameList/properties/items/type").asString());
    assertEquals("boolean", V2.at("/definitions/" + NS + "ClusterContext.Freshness/properties/synced/type").asString());
    JsonNode groups = V2.at("/definitions/" + NS + "ClusterContext.Resources/properties/groups");
    assertEquals("object", groups.path("type").asString());
    assertEquals("array", groups.at("/additionalProperties/type").asString());
    assertEquals("string", groups.at("/additionalProperties/items/type").asString());
    JsonNode listMeta = V2.at("/definitions/" + NS + "ListMeta/properties");
    assertEquals(Set.of("resourceVersion", "continue", "remainingItemCount"), names(listMeta), "@JsonProperty renames continueToken");
    assertEquals("int64", listMeta.at("/remainingItemCount/format").asString());
  }

  @Test
  void onlyTheServedKindsAndTheirListsCarryAGroupVersionKind() {
    Map<String, String> tagged = new TreeMap<>();
    V2.path("definitions").properties().forEach(e -> {
      JsonNode gvk = e.getValue().path(KindDefinitions.GVK);
      if (!gvk.isMissingNode()) {
        assertEquals(1, gvk.size());
        assertEquals("ai.k8s.io", gvk.get(0).path("group").asString());
        assertEquals("v1alpha1", gvk.get(0).path("version").asString());
        tagged.put(e.getKey(), gvk.get(0).path("kind").asString());
      }
    });
    assertEquals(Map.of(
        NS + "ClusterContext", "ClusterContext", NS + "ClusterContextList", "ClusterContextList",
        NS + "WorkloadSummary", "WorkloadSummary", NS + "WorkloadSummaryList", "WorkloadSummaryList",
        NS + "NamespaceSummary", "NamespaceSummary", NS + "NamespaceSummaryList", "NamespaceSummaryList",
        NS + "MCPServer", "MCPServer", NS + "MCPServerList", "MCPServerList"), tagged);
  }

  @Test
  void aListKindHasTheShapeKubernetesClientsExpect() {
    JsonNode list = V2.at("/definitions/" + NS + "WorkloadSummaryList");
    assertEquals(Set.of("apiVersion", "kind", "metadata", "items"), names(list.path("properties")));
    assertEquals("#/definitions/" + NS + "ListMeta", list.at("/properties/metadata/$ref").asString());
    assertEquals("#/definitions/" + NS + "WorkloadSummary", list.at("/properties/items/items/$ref").asString());
    assertEquals(List.of("items"), list.path("required").values().stream().map(JsonNode::asString).toList());
  }

  @Test
  void requiredAndReadOnlyAreMarkedWhereTheyHold() {
    JsonNode pods = V2.at("/definitions/" + NS + "WorkloadSummary.Pods");
    assertEquals(Set.of("total", "restarts", "omitted"),
        pods.path("required").values().stream().map(JsonNode::asString).collect(Collectors.toSet()),
        "primitive counters are always written; the rest may be absent");
    JsonNode summary = V2.at("/definitions/" + NS + "WorkloadSummary/properties");
    assertTrue(summary.at("/health/readOnly").asBoolean(), "a derived view is never written by clients");
    assertFalse(summary.at("/kind/readOnly").asBoolean());
  }

  @Test
  void noDefinitionCanCollideWithKubesOwnWhenKubeAggregatorMergesSpecs() {
    assertTrue(names(V2.path("definitions")).stream().allMatch(n -> n.startsWith(NS)), names(V2.path("definitions")).toString());
  }

  @Test
  void everyReferenceResolvesInBothDocuments() {
    for (JsonNode document : List.of(V2, V3)) {
      List<String> refs = new ArrayList<>();
      collectRefs(document, refs);
      assertFalse(refs.isEmpty());
      for (String ref : refs) {
        assertTrue(ref.startsWith("#/"), ref);
        assertFalse(document.at(ref.substring(1)).isMissingNode(), "dangling " + ref);
      }
    }
  }

  @Test
  void theReadOperationsArePublishedAsKubeApiserverPublishesThem() {
    Map<String, String> operations = new TreeMap<>();
    V2.path("paths").properties().forEach(p -> p.getValue().properties().forEach(m -> {
      if (!m.getKey().equals("parameters")) {
        operations.put(m.getKey() + " " + p.getKey(), m.getValue().path("operationId").asString());
      }
    }));
    String gv = "/apis/ai.k8s.io/v1alpha1";
    assertEquals(Map.ofEntries(
        Map.entry("get " + gv + "/", "getAiK8sIoV1alpha1APIResources"),
        Map.entry("get " + gv + "/clustercontexts", "listAiK8sIoV1alpha1ClusterContext"),
        Map.entry("get " + gv + "/clustercontexts/{name}", "readAiK8sIoV1alpha1ClusterContext"),
        Map.entry("get " + gv + "/mcpservers", "listAiK8sIoV1alpha1MCPServer"),
        Map.entry("get " + gv + "/mcpservers/{name}", "readAiK8sIoV1alpha1MCPServer"),
        Map.entry("get " + gv + "/namespaces/{namespace}/namespacesummaries",
            "listAiK8sIoV1alpha1NamespacedNamespaceSummary"),
        Map.entry("get " + gv + "/namespaces/{namespace}/namespacesummaries/{name}",
            "readAiK8sIoV1alpha1NamespacedNamespaceSummary"),
        Map.entry("get " + gv + "/namespaces/{namespace}/workloadsummaries",
            "listAiK8sIoV1alpha1NamespacedWorkloadSummary"),
        Map.entry("get " + gv + "/namespaces/{namespace}/workloadsummaries/{name}",
            "readAiK8sIoV1alpha1NamespacedWorkloadSummary"),
        Map.entry("get " + gv + "/namespacesummaries", "listAiK8sIoV1alpha1NamespaceSummaryForAllNamespaces"),
        Map.entry("get " + gv + "/workloadsummaries", "listAiK8sIoV1alpha1WorkloadSummaryForAllNamespaces")),
        operations);

    JsonNode list = V2.at("/paths/" + pointer(gv + "/namespaces/{namespace}/workloadsummaries"));
    assertEquals("list", list.at("/get/x-kubernetes-action").asString());
    assertEquals(Map.of("group", "ai.k8s.io", "version", "v1alpha1", "kind", "WorkloadSummary"),
        Json.MAPPER.convertValue(list.at("/get/x-kubernetes-group-version-kind"), Map.class));
    assertEquals(List.of("allowWatchBookmarks", "continue", "fieldSelector", "labelSelector", "limit",
            "resourceVersion", "resourceVersionMatch", "sendInitialEvents", "timeoutSeconds", "watch"),
        list.at("/get/parameters").values().stream().map(p -> p.path("name").asString()).toList());
    assertEquals(List.of("namespace", "pretty"), list.path("parameters").values().stream().map(p -> p.path("name").asString()).toList());
    assertTrue(list.at("/get/parameters/2/description").asString().contains("health.verdict"),
        "the field selector names the fields this resource supports");
    assertTrue(list.at("/get/produces").toString().contains("application/json;stream=watch"));
    assertEquals("#/definitions/" + NS + "WorkloadSummaryList", list.at("/get/responses/200/schema/$ref").asString());
    assertEquals("aiK8sIo_v1alpha1", list.at("/get/tags/0").asString());

    JsonNode read = V2.at("/paths/" + pointer(gv + "/clustercontexts/{name}"));
    assertEquals("get", read.at("/get/x-kubernetes-action").asString());
    assertEquals("#/definitions/" + NS + "ClusterContext", read.at("/get/responses/200/schema/$ref").asString());
    assertEquals(List.of("name", "pretty"), read.path("parameters").values().stream().map(p -> p.path("name").asString()).toList());
    assertTrue(read.at("/parameters/0/required").asBoolean());
    assertEquals("#/definitions/" + NS + "APIResourceList",
        V2.at("/paths/" + pointer(gv + "/") + "/get/responses/200/schema/$ref").asString());
    assertEquals("#/definitions/" + NS + "APIResource",
        V2.at("/definitions/" + NS + "APIResourceList/properties/resources/items/$ref").asString());
  }

  @Test
  void theV3DocumentCarriesTheSameSchemasInItsOwnDialect() throws Exception {
    assertEquals("3.0.0", V3.path("openapi").asString());
    assertEquals(names(V2.path("definitions")), names(V3.at("/components/schemas")));
    assertEquals(names(V2.path("paths")), names(V3.path("paths")));
    // v3.0 ignores siblings of $ref, so a described reference goes through allOf (kubectl reads both)
    JsonNode health = V3.at("/components/schemas/" + NS + "WorkloadSummary/properties/health");
    assertEquals(description(WorkloadSummary.class, "health"), health.path("description").asString());
    assertEquals("#/components/schemas/" + NS + "WorkloadSummary.Health", health.at("/allOf/0/$ref").asString());
    JsonNode list = V3.at("/paths/" + pointer("/apis/ai.k8s.io/v1alpha1/workloadsummaries") + "/get");
    assertEquals("listAiK8sIoV1alpha1WorkloadSummaryForAllNamespaces", list.path("operationId").asString());
    assertEquals("integer", list.at("/parameters/4/schema/type").asString());
    assertEquals(Set.of("application/json", "application/yaml", "application/json;stream=watch"),
        names(list.at("/responses/200/content")));
    assertEquals("#/components/schemas/" + NS + "WorkloadSummaryList",
        list.at("/responses/200/content/application~1json/schema/$ref").asString());
  }

  @Test
  void theV3IndexNamesTheDocumentByTheSha512OfItsBytes() throws Exception {
    JsonNode index = Json.MAPPER.readTree(DOCUMENTS.v3Index().json());
    assertEquals(Set.of("apis/ai.k8s.io/v1alpha1"), names(index.path("paths")));
    String hash = HexFormat.of().withUpperCase().formatHex(
        MessageDigest.getInstance("SHA-512").digest(DOCUMENTS.v3("apis/ai.k8s.io/v1alpha1").json()));
    assertEquals("/openapi/v3/apis/ai.k8s.io/v1alpha1?hash=" + hash,
        index.at("/paths/apis~1ai.k8s.io~1v1alpha1/serverRelativeURL").asString());
  }

  @Test
  void everyReplicaBuildsTheSameBytesSoHashesAgreeBehindOneService() {
    OpenApiDocuments again = new OpenApiDocuments(AiResources.all());
    assertArrayEquals(DOCUMENTS.v2().json(), again.v2().json());
    assertArrayEquals(DOCUMENTS.v2().protobuf(), again.v2().protobuf());
    assertArrayEquals(DOCUMENTS.v3("apis/ai.k8s.io/v1alpha1").json(), again.v3("apis/ai.k8s.io/v1alpha1").json());
    assertArrayEquals(DOCUMENTS.v3Index().json(), again.v3Index().json());
  }

  @Test
  void theSchemaDescribesExactlyWhatTheServerWrites() {
    // given a view of each kind with every field set, serialized by the server's own mapper
    for (ResourceType type : AiResources.all()) {
      JsonNode written = Json.MAPPER.valueToTree(SampleRecords.of(type.type()));
      // then every written field is in the schema with a matching type, and nothing more
      List<String> problems = new ArrayList<>();
      SchemaConformance.check(written, V2.at("/definitions/" + NS + type.kind()), V2, type.kind(), problems);
      assertTrue(problems.isEmpty(), String.join("\n", problems));
    }
    List<String> problems = new ArrayList<>();
    SchemaConformance.check(Json.MAPPER.valueToTree(SampleRecords.of(Discovery.APIResourceList.class)),
        V2.at("/definitions/" + NS + "APIResourceList"), V2, "APIResourceList", problems);
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  @Test
  void theMcpServersKindAndItsProxySubresourceAreDocumented() {
    // given the served resources, with the proxy subresource of mcpservers (cluster-scoped)
    OpenApiDocuments documents = new OpenApiDocuments(AiResources.all(),
        List.of(new OpenApiDocuments.Subresource("mcpservers", "proxy", List.of("create", "get", "delete"))));
    JsonNode v2 = Json.MAPPER.readTree(documents.v2().json());

    // then the kind, its nested records and its paths are there, and the proxy is connectable
    assertNotNull(v2.at("/definitions/" + NS + "MCPServer").get(KindDefinitions.GVK));
    assertEquals("#/definitions/" + NS + "MCPServer.Tool",
        v2.at("/definitions/" + NS + "MCPServer.Spec/properties/tools/items/$ref").asString());
    assertEquals("listAiK8sIoV1alpha1MCPServer", v2.at("/paths/" + pointer("/apis/ai.k8s.io/v1alpha1/mcpservers") + "/get/operationId").asString());
    JsonNode proxyPath = v2.at("/paths/" + pointer("/apis/ai.k8s.io/v1alpha1/mcpservers/{name}/proxy"));
    assertEquals("connectPostAiK8sIoV1alpha1MCPServerProxy", proxyPath.at("/post/operationId").asString());
    assertEquals("connectGetAiK8sIoV1alpha1MCPServerProxy", proxyPath.at("/get/operationId").asString());
    assertEquals("connectDeleteAiK8sIoV1alpha1MCPServerProxy", proxyPath.at("/delete/operationId").asString());
    assertEquals("connect", proxyPath.at("/post/x-kubernetes-action").asString());
    assertEquals(List.of("name"), proxyPath.path("parameters").values().stream().map(p -> p.path("name").asString()).toList());
    assertTrue(documents.v2().protobuf().length > DOCUMENTS.v2().protobuf().length);
  }

  @Test
  void aFieldOfATypeWithoutASchemaFailsTheBuildInsteadOfVanishing() {
    ResourceType odd = new ResourceType("odds", "odd", "Odd", false, List.of(), List.of(), List.of("get"),
        Odd.class, List.of(), o -> List.of(), Map.of());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new OpenApiDocuments(List.of(odd)));
    assertTrue(e.getMessage().contains("java.util.Date"), e.getMessage());
  }

  record Odd(String apiVersion, ObjectMeta metadata, java.util.Date when) implements ApiObject {
    @Override
    public ApiObject withMetadata(ObjectMeta m) {
      return this;
    }
  }

  private static String description(Class<?> record, String component) throws NoSuchFieldException {
    return record.getDeclaredField(component).getAnnotation(JsonPropertyDescription.class).value();
  }

  private static Set<String> names(JsonNode object) {
    return new TreeSet<>(object.propertyNames());
  }

  private static String pointer(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }

  private static void collectRefs(JsonNode node, List<String> refs) {
    if (node.isObject()) {
      node.properties().forEach(e -> {
        if (e.getKey().equals("$ref")) {
          refs.add(e.getValue().asString());
        } else {
          collectRefs(e.getValue(), refs);
        }
      });
    } else if (node.isArray()) {
      node.values().forEach(v -> collectRefs(v, refs));
    }
  }
}
