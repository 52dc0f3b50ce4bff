package dev.aiapiserver.evidence;

import dev.aiapiserver.api.Status;
import dev.aiapiserver.api.WorkloadEvidence;
import dev.aiapiserver.auth.AuthenticationChain;
import dev.aiapiserver.http.Json;
import dev.aiapiserver.http.StatusReplies;
import dev.aiapiserver.resources.AiResources;
import dev.aiapiserver.resources.ResourceType;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /apis/ai.k8s.io/v1alpha1/namespaces/{namespace}/workloadsummaries/{name}/evidence}, behind
 * the request filters (so {@code get workloadsummaries/evidence} with the name was authorized for
 * the caller before this runs), in JSON or YAML. Any other method is 405.
 */
public final class EvidenceRoutes {
  public static final String SUBRESOURCE = "evidence";
  static final String PATH = "/apis/" + ResourceType.GROUP_VERSION + "/namespaces/:namespace/"
      + AiResources.WORKLOAD_SUMMARIES.plural() + "/:name/" + SUBRESOURCE;
  private static final Logger LOG = LoggerFactory.getLogger(EvidenceRoutes.class);

  private final WorkloadEvidences evidences;

  public EvidenceRoutes(WorkloadEvidences evidences) {
    this.evidences = evidences;
  }

  public void mount(Router router) {
    router.get(PATH).handler(this::get);
    router.head(PATH).handler(this::get);
    router.route(PATH).handler(ctx -> StatusReplies.fail(ctx, Status.failure(405, "MethodNotAllowed",
        "the server does not allow this method on the requested resource",
        new Status.Details(ctx.pathParam("name"), ResourceType.GROUP, AiResources.WORKLOAD_SUMMARIES.plural(), null))));
  }

  private void get(RoutingContext ctx) {
    boolean yaml = wantsYaml(ctx.request().getHeader("Accept"));
    if (!yaml && !acceptsJson(ctx.request().getHeader("Accept"))) {
      StatusReplies.fail(ctx, 406, "NotAcceptable", "only the following media types are accepted: application/json,"
          + " application/yaml");
      return;
    }
    String namespace = ctx.pathParam("namespace");
    String name = ctx.pathParam("name");
    long started = System.nanoTime();
    io.vertx.core.Context loop = ctx.vertx().getOrCreateContext(); // answer on the request's own event loop
    evidences.of(AuthenticationChain.userOf(ctx), namespace, name).whenComplete((found, error) ->
        loop.runOnContext(v -> {
          if (error != null) {
            LOG.error("event=evidence_failed namespace={} name=\"{}\" error=\"{}\"", namespace,
                ClusterText.bounded(name, 253), ClusterText.bounded(String.valueOf(error), 300));
            StatusReplies.fail(ctx, 500, "InternalError", "an internal error occurred while serving the request");
          } else if (found.isEmpty()) {
            StatusReplies.fail(ctx, Status.failure(404, "NotFound", AiResources.WORKLOAD_SUMMARIES.plural() + "."
                + ResourceType.GROUP + " \"" + name + "\" not found",
                new Status.Details(name, ResourceType.GROUP, AiResources.WORKLOAD_SUMMARIES.plural(), null)));
          } else {
            write(ctx, found.get(), yaml);
            LOG.debug("event=evidence_served namespace={} name=\"{}\" millis={}", namespace,
                ClusterText.bounded(name, 253), (System.nanoTime() - started) / 1_000_000);
          }
        }));
  }

  private static void write(RoutingContext ctx, WorkloadEvidence evidence, boolean yaml) {
    if (ctx.response().ended() || ctx.response().closed()) {
      return;
    }
    byte[] body = yaml ? Json.YAML.writeValueAsBytes(evidence) : Json.bytes(evidence);
    ctx.response().putHeader("Content-Type", yaml ? "application/yaml" : "application/json")
        .end(Buffer.buffer(body));
  }

  private static boolean wantsYaml(String accept) {
    if (accept == null) {
      return false;
    }
    for (String part : accept.split(",")) {
      String type = part.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
      if (type.equals("application/yaml")) {
        return true;
      }
      if (List.of("application/json", "application/*", "*/*").contains(type) && !part.contains("as=")) {
        return false;
      }
    }
    return false;
  }

  private static boolean acceptsJson(String accept) {
    if (accept == null || accept.isBlank()) {
      return true;
    }
    for (String part : accept.split(",")) {
      String type = part.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
      if (List.of("application/json", "application/*", "*/*").contains(type) && !part.contains("as=")
          && !part.replace(" ", "").contains("q=0;") && !part.replace(" ", "").endsWith("q=0")) {
        return true;
      }
    }
    return false;
  }
}
