package dev.aiapiserver.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.aiapiserver.api.WorkloadSummary;
import dev.aiapiserver.request.Json;
import dev.aiapiserver.resources.AiResources;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Given the v2 document, when it is encoded as gnostic's openapi.v2.Document (what kubectl reads),
 * then a schema-less protobuf reader finds the same definitions, descriptions and kinds as in JSON.
 * Field numbers are those of gnostic's OpenAPIv2.proto.
 */
class SwaggerProtobufTest {
  private static final String NS = "ai.k8s.io.v1alpha1.";
  private static final OpenApiDocuments DOCUMENTS = new OpenApiDocuments(AiResources.all());
  private static final JsonNode JSON = Json.MAPPER.readTree(DOCUMENTS.v2().json());
  private static final ProtoReader DOCUMENT = new ProtoReader(DOCUMENTS.v2().protobuf());

  @Test
  void everyPathAndDefinitionOfTheJsonIsInTheProtobuf() {
    assertEquals("2.0", DOCUMENT.string(1));
    assertEquals(JSON.at("/info/title").asString(), DOCUMENT.message(2).string(1));
    assertEquals(new TreeSet<>(JSON.path("paths").propertyNames()), new TreeSet<>(DOCUMENT.message(8).named(2).keySet()));
    assertEquals(new TreeSet<>(JSON.path("definitions").propertyNames()), new TreeSet<>(DOCUMENT.message(9).named(1).keySet()));
  }

  @Test
  void theKindTagTravelsAsAVendorExtensionThatKubectlParsesAsYaml() {
    ProtoReader summary = definition("WorkloadSummary");
    ProtoReader any = summary.named(31).get(KindDefinitions.GVK);
    JsonNode gvk = Json.MAPPER.readTree(any.string(2));
    assertEquals(JSON.at("/definitions/" + NS + "WorkloadSummary/" + KindDefinitions.GVK), gvk);
  }

  @Test
  void theVerdictKeepsItsDescriptionTypeAndValues() {
    ProtoReader verdict = definition("WorkloadSummary.Health").message(25).named(1).get("verdict");
    assertEquals(JSON.at("/definitions/" + NS + "WorkloadSummary.Health/properties/verdict/description").asString(), verdict.string(4));
    assertEquals("string", verdict.message(22).string(1));
    List<String> values = verdict.messages(20).stream().map(a -> Json.MAPPER.readTree(a.string(2)).asString()).toList();
    assertEquals(Arrays.stream(WorkloadSummary.Verdict.values()).map(Enum::name).toList(), values);
    ProtoReader health = definition("WorkloadSummary").message(25).named(1).get("health");
    assertEquals("#/definitions/" + NS + "WorkloadSummary.Health", health.string(1));
  }

  @Test
  void mapsArraysAndQueryParametersUseTheirOneofBranches() {
    ProtoReader roles = definition("ClusterContext.Nodes").message(25).named(1).get("roles");
    assertEquals("object", roles.message(22).string(1));
    assertEquals("integer", roles.message(21).message(1).message(22).string(1), "additionalProperties.schema");
    ProtoReader reasons = definition("WorkloadSummary.Health").message(25).named(1).get("reasons");
    assertEquals("string", reasons.message(23).message(1).message(22).string(1), "items.schema[0]");

    ProtoReader list = DOCUMENT.message(8).named(2).get("/apis/ai.k8s.io/v1alpha1/namespaces/{namespace}/workloadsummaries");
    ProtoReader get = list.message(2);
    assertEquals("listAiK8sIoV1alpha1NamespacedWorkloadSummary", get.string(5));
    List<String> queries = get.messages(8).stream()
        .map(item -> item.message(1).message(2).message(3).string(4)).toList();
    assertEquals(JSON.at("/paths/~1apis~1ai.k8s.io~1v1alpha1~1namespaces~1{namespace}~1workloadsummaries/get/parameters")
        .values().stream().map(p -> p.path("name").asString()).toList(), queries);
    ProtoReader namespace = list.messages(9).get(0).message(1).message(2).message(4);
    assertEquals(Set.of("namespace", "path"), Set.of(namespace.string(4), namespace.string(2)));
    assertEquals(List.of(1L), namespace.all(1), "required is true");
  }

  @Test
  void aKeyTheEncoderDoesNotKnowFailsRatherThanVanishes() {
    JsonNode odd = Json.MAPPER.valueToTree(Map.of("swagger", "2.0", "definitions", Map.of("X", Map.of("nullable", true))));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SwaggerProtobuf.encode(odd));
    assertEquals("OpenAPI v2 protobuf: Schema has no field for nullable", e.getMessage());
  }

  private static ProtoReader definition(String name) {
    return DOCUMENT.message(9).named(1).get(NS + name);
  }
}
