package dev.aiapiserver.openapi;

import dev.aiapiserver.request.Json;
import dev.aiapiserver.request.StatusReplies;
import dev.aiapiserver.resources.ResourceType;
import io.fabric8.kubernetes.api.model.APIGroupListBuilder;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceBuilder;
import io.fabric8.kubernetes.api.model.APIResourceListBuilder;
import io.fabric8.kubernetes.api.model.ConfigBuilder;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * A plain-HTTP server on loopback with the OpenAPI routes and, for kubectl, the least discovery
 * it needs (built from the resource descriptors; the real discovery lives in the http package).
 * It records every request so tests can tell what a client asked for.
 */
final class OpenApiTestServer implements AutoCloseable {
  /** A request as the server saw it. */
  record Seen(String method, String uri, String accept, int status, String contentType) {}

  final Queue<Seen> seen = new ConcurrentLinkedQueue<>();
  private final Vertx vertx = Vertx.vertx();
  private final HttpServer server;

  OpenApiTestServer(List<ResourceType> resources) throws Exception {
    Router router = Router.router(vertx);
    router.route().handler(ctx -> {
      ctx.addEndHandler(done -> seen.add(new Seen(ctx.request().method().name(), ctx.request().uri(),
          ctx.request().getHeader("Accept"), ctx.response().getStatusCode(),
          ctx.response().headers().get("Content-Type"))));
      ctx.next();
    });
    router.get("/version").handler(ctx -> json(ctx, Map.of("major", "1", "minor", "33", "gitVersion", "v1.33.0",
        "platform", "linux/amd64")));
    router.get("/apis").handler(ctx -> json(ctx, new APIGroupListBuilder().addNewGroup()
        .withName(ResourceType.GROUP)
        .addNewVersion(ResourceType.GROUP_VERSION, ResourceType.VERSION)
        .withNewPreferredVersion(ResourceType.GROUP_VERSION, ResourceType.VERSION)
        .endGroup().build()));
    router.get("/apis/" + ResourceType.GROUP_VERSION).handler(ctx -> json(ctx, new APIResourceListBuilder()
        .withGroupVersion(ResourceType.GROUP_VERSION)
        .withResources(resources.stream().map(OpenApiTestServer::discovered).toList())
        .build()));
    OpenApiRoutes.mount(router, new OpenApiDocuments(resources));
    router.route().last().handler(ctx -> StatusReplies.fail(ctx, 404, "NotFound", "the server could not find the requested resource"));
    server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
        .toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
  }

  String url() {
    return "http://127.0.0.1:" + server.actualPort();
  }

  /** A kubeconfig pointing at this server, written as YAML from fabric8's model. */
  Path kubeconfig(Path dir) throws Exception {
    Path file = dir.resolve("kubeconfig");
    Files.writeString(file, Json.YAML.writeValueAsString(new ConfigBuilder()
        .withApiVersion("v1").withKind("Config")
        .addNewCluster().withName("openapi-test").withNewCluster().withServer(url()).endCluster().endCluster()
        .addNewUser().withName("tester").withNewUser().endUser().endUser()
        .addNewContext().withName("openapi-test").withNewContext().withCluster("openapi-test").withUser("tester")
        .endContext().endContext()
        .withCurrentContext("openapi-test")
        .build()));
    return file;
  }

  private static APIResource discovered(ResourceType type) {
    return new APIResourceBuilder().withName(type.plural()).withSingularName(type.singular())
        .withNamespaced(type.namespaced()).withKind(type.kind()).withVerbs(type.verbs())
        .withShortNames(type.shortNames()).withCategories(type.categories()).build();
  }

  private static void json(RoutingContext ctx, Object body) {
    ctx.response().putHeader("Content-Type", "application/json").end(Buffer.buffer(Json.bytes(body)));
  }

  @Override
  public void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
