package dev.aiapiserver.openapi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiapiserver.request.Json;
import dev.aiapiserver.resources.AiResources;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Given the OpenAPI routes on a real HTTP server, when clients fetch the documents as kube-aggregator and kubectl do. */
class OpenApiRoutesTest {
  private static final String V2_PROTOBUF_ASKED = "application/com.github.proto-openapi.spec.v2@v1.0+protobuf";
  private static final String V3_PROTOBUF_ASKED = "application/com.github.proto-openapi.spec.v3@v1.0+protobuf";
  private static final String GROUP_VERSION = "/openapi/v3/apis/ai.k8s.io/v1alpha1";
  private static OpenApiTestServer server;
  private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();

  @BeforeAll
  static void start() throws Exception {
    server = new OpenApiTestServer(AiResources.all());
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @Test
  void theV3DocumentIsThereFromTheVeryFirstRequestBecauseKubeApiserverNeverAsksAgainAfterA404() throws Exception {
    try (OpenApiTestServer fresh = new OpenApiTestServer(AiResources.all())) {
      HttpResponse<byte[]> index = CLIENT.send(HttpRequest.newBuilder(URI.create(fresh.url() + "/openapi/v3"))
          .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofByteArray());
      assertEquals(200, index.statusCode());
      String url = Json.MAPPER.readTree(index.body()).at("/paths/apis~1ai.k8s.io~1v1alpha1/serverRelativeURL").asString();
      HttpResponse<byte[]> document = CLIENT.send(HttpRequest.newBuilder(URI.create(fresh.url() + url))
          .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofByteArray());
      assertEquals(200, document.statusCode());
      assertEquals("3.0.0", Json.MAPPER.readTree(document.body()).path("openapi").asString());
    }
  }

  @Test
  void anAggregatorAskingForJsonGetsItWithTheQuotedSha512AsETagAndThenA304() throws Exception {
    HttpResponse<byte[]> first = get("/openapi/v2", "application/json", null);
    assertEquals(200, first.statusCode());
    assertEquals("application/json", first.headers().firstValue("Content-Type").orElseThrow());
    assertEquals("\"" + sha512(first.body()) + "\"", first.headers().firstValue("ETag").orElseThrow());
    assertEquals("Accept", first.headers().firstValue("Vary").orElseThrow());
    assertEquals("no-cache, private", first.headers().firstValue("Cache-Control").orElseThrow());
    assertEquals("2.0", Json.MAPPER.readTree(first.body()).path("swagger").asString());

    String etag = first.headers().firstValue("ETag").orElseThrow();
    HttpResponse<byte[]> again = get("/openapi/v2", "application/json", etag);
    assertEquals(304, again.statusCode());
    assertEquals(0, again.body().length);
    assertEquals(etag, again.headers().firstValue("ETag").orElseThrow());

    HttpResponse<byte[]> stale = get("/openapi/v2", "application/json", "\"0123\"");
    assertEquals(200, stale.statusCode());
  }

  @Test
  void kubectlAskingV2AsProtobufOnlyGetsProtobufWithTheSameETag() throws Exception {
    HttpResponse<byte[]> json = get("/openapi/v2", null, null);
    HttpResponse<byte[]> protobuf = get("/openapi/v2", V2_PROTOBUF_ASKED, null);
    assertEquals(200, protobuf.statusCode());
    assertEquals("application/com.github.proto-openapi.spec.v2.v1.0+protobuf",
        protobuf.headers().firstValue("Content-Type").orElseThrow());
    assertEquals("2.0", new ProtoReader(protobuf.body()).string(1), "field 1 of openapi.v2.Document is swagger");
    assertEquals(json.headers().firstValue("ETag"), protobuf.headers().firstValue("ETag"));
  }

  @Test
  void aClientPreferringV3ProtobufButAcceptingJsonGetsJson() throws Exception {
    HttpResponse<byte[]> response = get(GROUP_VERSION, V3_PROTOBUF_ASKED + ", application/json;q=0.9", null);
    assertEquals(200, response.statusCode());
    assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
    assertEquals("3.0.0", Json.MAPPER.readTree(response.body()).path("openapi").asString());
    for (String accept : new String[] {"*/*", "application/*", "application/json, */*", ""}) {
      assertEquals(200, get(GROUP_VERSION, accept.isEmpty() ? null : accept, null).statusCode(), accept);
    }
  }

  @Test
  void anAcceptThatAllowsNoServedFormatGets406AsAStatus() throws Exception {
    for (String[] ask : new String[][] {{"/openapi/v2", "text/html"}, {GROUP_VERSION, V3_PROTOBUF_ASKED},
        {GROUP_VERSION, "application/json;q=0, text/plain"}}) {
      HttpResponse<byte[]> response = get(ask[0], ask[1], null);
      assertEquals(406, response.statusCode(), ask[0] + " " + ask[1]);
      JsonNode status = Json.MAPPER.readTree(response.body());
      assertEquals("Status", status.path("kind").asString());
      assertEquals("NotAcceptable", status.path("reason").asString());
      assertEquals(406, status.path("code").asInt());
    }
  }

  @Test
  void theHashedUrlFromTheIndexIsCachedForeverAndAStaleHashRedirectsToTheCurrentOne() throws Exception {
    JsonNode index = Json.MAPPER.readTree(get("/openapi/v3", null, null).body());
    String url = index.at("/paths/apis~1ai.k8s.io~1v1alpha1/serverRelativeURL").asString();

    HttpResponse<byte[]> current = get(url, "application/json", null);
    assertEquals(200, current.statusCode());
    assertEquals(url, GROUP_VERSION + "?hash=" + sha512(current.body()));
    String cacheControl = current.headers().firstValue("Cache-Control").orElseThrow();
    assertTrue(cacheControl.contains("public") && cacheControl.contains("immutable") && cacheControl.contains("max-age=31536000"), cacheControl);
    assertTrue(current.headers().firstValue("Expires").isPresent());

    HttpResponse<byte[]> stale = get(GROUP_VERSION + "?hash=ABCDEF", "application/json", null);
    assertEquals(301, stale.statusCode());
    assertEquals(url, stale.headers().firstValue("Location").orElseThrow());

    HttpResponse<byte[]> unhashed = get(GROUP_VERSION, "application/json", null);
    assertEquals("no-cache, private", unhashed.headers().firstValue("Cache-Control").orElseThrow());
    assertArrayEquals(current.body(), unhashed.body());
  }

  @Test
  void theIndexHasAnETagToo() throws Exception {
    HttpResponse<byte[]> index = get("/openapi/v3", "application/json, */*", null);
    assertEquals(200, index.statusCode());
    String etag = index.headers().firstValue("ETag").orElseThrow();
    assertEquals("\"" + sha512(index.body()) + "\"", etag);
    assertEquals(304, get("/openapi/v3", "application/json, */*", etag).statusCode());
  }

  @Test
  void anythingElseUnderOpenapiIsA404StatusAndWritesAre405() throws Exception {
    for (String path : new String[] {"/openapi", "/openapi/v1", "/openapi/v3/", "/openapi/v3/apis/apps/v1",
        "/openapi/v3/apis/ai.k8s.io/v1alpha1/", "/openapi/v2/extra"}) {
      HttpResponse<byte[]> response = get(path, "application/json", null);
      assertEquals(404, response.statusCode(), path);
      assertEquals("NotFound", Json.MAPPER.readTree(response.body()).path("reason").asString(), path);
    }
    HttpResponse<byte[]> post = CLIENT.send(HttpRequest.newBuilder(URI.create(server.url() + "/openapi/v2"))
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(405, post.statusCode());
    assertEquals("MethodNotAllowed", Json.MAPPER.readTree(post.body()).path("reason").asString());
  }

  @Test
  void headAnswersTheHeadersWithoutTheBody() throws Exception {
    HttpResponse<byte[]> head = CLIENT.send(HttpRequest.newBuilder(URI.create(server.url() + "/openapi/v2"))
        .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
    HttpResponse<byte[]> get = get("/openapi/v2", null, null);
    assertEquals(200, head.statusCode());
    assertEquals(0, head.body().length);
    assertEquals(get.headers().firstValue("ETag"), head.headers().firstValue("ETag"));
    assertEquals(Long.toString(get.body().length), head.headers().firstValue("Content-Length").orElseThrow());
    assertNull(head.headers().firstValue("Location").orElse(null));
  }

  private static HttpResponse<byte[]> get(String path, String accept, String ifNoneMatch) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url() + path)).timeout(Duration.ofSeconds(10));
    if (accept != null) {
      request.header("Accept", accept);
    }
    if (ifNoneMatch != null) {
      request.header("If-None-Match", ifNoneMatch);
    }
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static String sha512(byte[] bytes) throws Exception {
    return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-512").digest(bytes));
  }
}
