package dev.aiapiserver.demo;

import dev.aiapiserver.auth.RequestAttributes;
import dev.aiapiserver.http.Json;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The writes kubectl sends that the fabric8 mock cannot do by itself, done here as kube-apiserver
 * would, by reading the object, changing it and writing it back: strategic merge patches
 * ({@code apply}, {@code edit}, {@code set image}, {@code patch}), server-side apply (created when
 * missing, merged when present; field managers are not tracked) and the scale subresource of
 * Deployments, ReplicaSets and StatefulSets. Every other write goes to the mock as it is.
 */
final class ClusterWrites {
  static final String STRATEGIC = "application/strategic-merge-patch+json";
  static final String APPLY = "application/apply-patch+yaml";
  static final String MERGE = "application/merge-patch+json";
  private static final Set<String> SCALABLE = Set.of("deployments", "replicasets", "statefulsets");
  private static final Set<String> SCALE_VERBS = Set.of("get", "update", "patch");
  private static final long TIMEOUT_MILLIS = 10_000;

  private record Answer(int code, Buffer body) {
    boolean ok() {
      return code / 100 == 2;
    }
  }

  private final HttpClient client;
  private final ClusterEndpoint cluster;

  ClusterWrites(HttpClient client, ClusterEndpoint cluster) {
    this.client = client;
    this.cluster = cluster;
  }

  /** Whether this request is one the mock cannot answer itself. */
  static boolean handles(HttpServerRequest in, RequestAttributes request) {
    if (!request.resourceRequest() || request.name().isEmpty()) {
      return false;
    }
    if (request.subresource().equals("scale")) {
      return SCALABLE.contains(request.resource()) && SCALE_VERBS.contains(request.verb());
    }
    String type = mediaType(in);
    return request.verb().equals("patch") && (type.equals(STRATEGIC) || type.equals(APPLY));
  }

  void serve(HttpServerRequest in, RequestAttributes request) {
    String object = request.subresource().isEmpty()
        ? in.path() : in.path().substring(0, in.path().lastIndexOf('/'));
    Future<Buffer> body = in.body();
    in.resume();
    body.compose(patch -> request.subresource().equals("scale")
            ? scale(in, request, object, patch) : patch(in, request, object, patch))
        .onSuccess(answer -> send(in, request, answer))
        .onFailure(e -> StatusAnswers.send(in.response(), e instanceof IllegalArgumentException
            ? StatusAnswers.badRequest(e.getMessage())
            : StatusAnswers.unavailable("the cluster (" + e.getMessage() + ")")));
  }

  /** A strategic merge patch or an apply: read, merge, write back (create when applying anew). */
  private Future<Answer> patch(HttpServerRequest in, RequestAttributes request, String object,
      Buffer body) {
    boolean apply = mediaType(in).equals(APPLY);
    JsonNode patch = parse(body, apply);
    return call(HttpMethod.GET, object, null).compose(current -> {
      if (current.code() == 404 && apply && request.subresource().isEmpty()) {
        String collection = object.substring(0, object.lastIndexOf('/'));
        return call(HttpMethod.POST, collection, patch);
      }
      if (!current.ok()) {
        return Future.succeededFuture(current);
      }
      JsonNode merged = StrategicMergePatch.apply(Json.MAPPER.readTree(current.body().getBytes()),
          patch);
      return call(HttpMethod.PUT, in.path(), merged);
    });
  }

  /** The scale subresource: a Scale made from the object's replicas, written back to them. */
  private Future<Answer> scale(HttpServerRequest in, RequestAttributes request, String object,
      Buffer body) {
    return call(HttpMethod.GET, object, null).compose(current -> {
      if (!current.ok() || request.verb().equals("get")) {
        return Future.succeededFuture(current.ok() ? scaleOf(current) : current);
      }
      JsonNode asked = request.verb().equals("update") ? parse(body, false)
          : StrategicMergePatch.apply(Json.MAPPER.readTree(scaleOf(current).body().getBytes()),
              parse(body, false));
      if (!asked.path("spec").path("replicas").canConvertToInt()) {
        throw new IllegalArgumentException("spec.replicas must be a number");
      }
      ObjectNode change = Json.MAPPER.createObjectNode();
      change.putObject("spec").put("replicas", asked.path("spec").path("replicas").asInt());
      RequestOptions options = cluster.request(HttpMethod.PATCH, object)
          .putHeader("Content-Type", MERGE);
      return send(options, change).map(updated -> updated.ok() ? scaleOf(updated) : updated);
    });
  }

  /** autoscaling/v1 Scale, as kube-apiserver makes it from a Deployment, ReplicaSet or StatefulSet. */
  private static Answer scaleOf(Answer object) {
    JsonNode item = Json.MAPPER.readTree(object.body().getBytes());
    ObjectNode scale = Json.MAPPER.createObjectNode().put("kind", "Scale")
        .put("apiVersion", "autoscaling/v1");
    ObjectNode metadata = scale.putObject("metadata");
    for (String field : new String[] {"name", "namespace", "uid", "resourceVersion",
        "creationTimestamp"}) {
      if (item.path("metadata").has(field)) {
        metadata.set(field, item.path("metadata").get(field));
      }
    }
    scale.putObject("spec").put("replicas", item.path("spec").path("replicas").asInt(1));
    scale.putObject("status").put("replicas", item.path("status").path("replicas").asInt(0))
        .put("selector", WorkloadColumns.labels(item.path("spec").path("selector")
            .path("matchLabels")));
    return new Answer(200, Buffer.buffer(Json.bytes(scale)));
  }

  private Future<Answer> call(HttpMethod method, String uri, JsonNode body) {
    RequestOptions options = cluster.request(method, uri);
    if (body != null) {
      options.putHeader("Content-Type", "application/json");
    }
    return send(options, body);
  }

  private Future<Answer> send(RequestOptions options, JsonNode body) {
    options.putHeader("Accept", "application/json").setTimeout(TIMEOUT_MILLIS);
    return client.request(options)
        .compose(req -> body == null ? req.send() : req.send(Buffer.buffer(Json.bytes(body))))
        .compose(response -> response.body().map(b -> new Answer(response.statusCode(), b)));
  }

  private static void send(HttpServerRequest in, RequestAttributes request, Answer answer) {
    if (answer.code() == 404 && answer.body().length() == 0) {
      StatusAnswers.send(in.response(), StatusAnswers.notFound(request));
      return;
    }
    in.response().setStatusCode(answer.code()).putHeader("Content-Type", "application/json")
        .end(answer.body());
  }

  private static JsonNode parse(Buffer body, boolean yaml) {
    try {
      JsonNode parsed = yaml ? Json.YAML.readTree(body.getBytes())
          : Json.MAPPER.readTree(body.getBytes());
      if (parsed == null || !parsed.isObject()) {
        throw new IllegalArgumentException("the patch must be an object");
      }
      return parsed;
    } catch (tools.jackson.core.JacksonException e) {
      throw new IllegalArgumentException("the patch is not valid " + (yaml ? "YAML" : "JSON"));
    }
  }

  private static String mediaType(HttpServerRequest in) {
    String type = in.getHeader("Content-Type");
    return type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
  }
}
