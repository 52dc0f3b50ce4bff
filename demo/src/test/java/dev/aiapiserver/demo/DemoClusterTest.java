package dev.aiapiserver.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Given the embedded cluster with its seeded Secrets, when another process on the machine calls
 * the mock's port directly, then it is refused: only holders of the cluster's token (the front
 * door and the server) reach the store.
 */
class DemoClusterTest {
  static DemoCluster cluster;
  static HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void start() {
    cluster = DemoCluster.start(DemoUsers.generate());
    DemoScenario.seed(cluster.client(), Clock.systemUTC());
    cluster.publishAuthentication(DemoPki.generate());
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  @Test
  void aLocalProcessWithoutTheTokenCannotReadTheSecrets() throws Exception {
    for (String authorization : new String[] {null, "Bearer guess", "Basic YWRtaW46YWRtaW4="}) {
      HttpResponse<String> answer = send("GET", "/api/v1/secrets", authorization, null);

      assertEquals(401, answer.statusCode(), answer.body());
      assertFalse(answer.body().contains("SecretList"), answer.body());
    }
  }

  @Test
  void aLocalProcessWithoutTheTokenCannotRewriteTheServersTrust() throws Exception {
    String path = "/api/v1/namespaces/kube-system/configmaps/extension-apiserver-authentication";
    HttpResponse<String> answer = send("PUT", path, null,
        "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":"
            + "\"extension-apiserver-authentication\",\"namespace\":\"kube-system\"},"
            + "\"data\":{\"requestheader-allowed-names\":\"[\\\"mallory\\\"]\"}}");

    assertEquals(401, answer.statusCode());
    assertEquals("[\"front-proxy-client\"]", cluster.client().configMaps().inNamespace("kube-system")
        .withName("extension-apiserver-authentication").get().getData()
        .get("requestheader-allowed-names"));
  }

  @Test
  void theTokenHoldersAreServed() throws Exception {
    HttpResponse<String> answer = send("GET", "/api/v1/secrets",
        "Bearer " + cluster.endpoint().token(), null);

    assertEquals(200, answer.statusCode());
    assertFalse(cluster.client().secrets().inAnyNamespace().list().getItems().isEmpty());
  }

  private static HttpResponse<String> send(String method, String path, String authorization,
      String body) throws Exception {
    URI url = URI.create(cluster.endpoint().url() + path);
    HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
