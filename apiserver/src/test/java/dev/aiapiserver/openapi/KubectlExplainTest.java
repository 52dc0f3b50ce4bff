package dev.aiapiserver.openapi;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.aiapiserver.api.ClusterContext;
import dev.aiapiserver.api.WorkloadSummary;
import dev.aiapiserver.e2e.Kubectl;
import dev.aiapiserver.resources.AiResources;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Given a server with our discovery and OpenAPI routes, when a user runs the real kubectl explain
 * (1.27 and 1.33), then it prints the descriptions written on the api-types records, without
 * warnings. kubectl wraps lines, so outputs are compared with whitespace collapsed.
 */
class KubectlExplainTest {
  private static OpenApiTestServer server;
  private static Path kubeconfig;

  @BeforeAll
  static void start() throws Exception {
    server = new OpenApiTestServer(AiResources.all());
    kubeconfig = server.kubeconfig(Files.createTempDirectory("openapi-kubectl"));
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.27", "1.33"})
  void explainWlsHealthDescribesTheConclusionAndItsFields(String version) throws Exception {
    String out = flat(kubectl(version).ok("explain", "wls.health"));
    assertTrue(out.contains("KIND: WorkloadSummary") && out.contains("GROUP: ai.k8s.io"), out);
    assertTrue(out.contains("FIELD: health <Health>"), out);
    assertTrue(out.contains(flat(property(WorkloadSummary.class, "health"))), out);
    assertTrue(out.contains(flat(type(WorkloadSummary.Health.class))), out);
    assertTrue(out.contains("verdict <string>") && out.contains("reasons <[]string>"), out);
    assertTrue(out.contains(flat(property(WorkloadSummary.Health.class, "message"))), out);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.27", "1.33"})
  void explainTheVerdictPrintsItsMeaning(String version) throws Exception {
    String out = flat(kubectl(version).ok("explain", "wls.health.verdict"));
    assertTrue(out.contains("FIELD: verdict <string>"), out);
    assertTrue(out.contains(flat(property(WorkloadSummary.Health.class, "verdict"))), out);
    if (version.equals("1.33")) {
      assertTrue(out.contains("ENUM: Failing Degraded Unknown Progressing Suspended Completed Healthy"), out);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.27", "1.33"})
  void explainClusterContextNodesByShortName(String version) throws Exception {
    String out = flat(kubectl(version).ok("explain", "cctx.nodes"));
    assertTrue(out.contains("KIND: ClusterContext"), out);
    assertTrue(out.contains(flat(property(ClusterContext.class, "nodes"))), out);
    assertTrue(out.contains("roles <map[string]integer>") && out.contains("total <integer> -required-"), out);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.27", "1.33"})
  void explainTheKindAndRecursivelyEveryField(String version) throws Exception {
    Kubectl kubectl = kubectl(version);
    String kind = flat(kubectl.ok("explain", "wls"));
    assertTrue(kind.contains(flat(type(WorkloadSummary.class))), kind);
    String recursive = kubectl.ok("explain", "wls", "--recursive");
    assertTrue(recursive.contains("unhealthy") && recursive.contains("lastTermination") && recursive.contains("exitCode"), recursive);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.27", "1.33"})
  void theOpenapiV2RendererWorksFromTheProtobufDocument(String version) throws Exception {
    server.seen.clear();
    String out = flat(kubectl(version).ok("explain", "wls.health.verdict", "--output=plaintext-openapiv2"));
    assertTrue(out.contains("FIELD: verdict <string>"), out);
    assertTrue(out.contains(flat(property(WorkloadSummary.Health.class, "verdict"))), out);
    assertTrue(server.seen.stream().anyMatch(s -> s.uri().startsWith("/openapi/v2") && s.status() == 200
        && s.accept().contains("protobuf") && s.contentType().contains("protobuf")), server.seen.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.27", "1.33"})
  void kubectlFollowsTheHashedUrlOfTheIndex(String version) throws Exception {
    server.seen.clear();
    kubectl(version).ok("explain", "wls.metadata");
    assertTrue(server.seen.stream().anyMatch(s -> s.uri().startsWith("/openapi/v3/apis/ai.k8s.io/v1alpha1?hash=")
        && s.status() == 200 && "application/json".equals(s.contentType())), server.seen.toString());
  }

  private static Kubectl kubectl(String version) throws Exception {
    return new Kubectl(version, kubeconfig);
  }

  private static String property(Class<?> record, String component) throws NoSuchFieldException {
    return record.getDeclaredField(component).getAnnotation(JsonPropertyDescription.class).value();
  }

  private static String type(Class<?> record) {
    return record.getAnnotation(JsonClassDescription.class).value();
  }

  private static String flat(String text) {
    return text.replaceAll("\\s+", " ").trim();
  }
}
