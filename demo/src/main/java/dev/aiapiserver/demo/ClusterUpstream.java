package dev.aiapiserver.demo;

import dev.aiapiserver.auth.RequestAttributes;
import io.fabric8.kubernetes.api.model.APIGroupList;
import io.fabric8.kubernetes.client.utils.Serialization;
import dev.aiapiserver.http.Json;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;

/**
 * The way to the embedded cluster for everything native, once the front door has authorized it.
 * Watches are served by {@link NativeWatches}, the writes the mock cannot do by {@link
 * ClusterWrites}; a missing object, which the mock answers with an empty
 * 404, becomes the NotFound Status kubectl words as {@code pods "x" not found}.
 */
final class ClusterUpstream {
  private final HttpClient client;
  private final NativeWatches watches;
  private final ClusterWrites writes;
  private final ClusterEndpoint cluster;

  ClusterUpstream(HttpClient client, NativeWatches watches, ClusterEndpoint cluster) {
    this.client = client;
    this.watches = watches;
    this.cluster = cluster;
    this.writes = new ClusterWrites(client, cluster);
  }

  void forward(HttpServerRequest in, RequestAttributes request) {
    if (request.verb().equals("watch")) {
      watches.watch(in, request).onFailure(e -> StatusAnswers.send(in.response(),
          StatusAnswers.unavailable("the cluster (" + e.getMessage() + ")")));
      return;
    }
    if (in.getParam("dryRun") != null) {
      StatusAnswers.send(in.response(),
          StatusAnswers.badRequest("dry run is not supported by the demo cluster"));
      return;
    }
    if (ClusterWrites.handles(in, request)) {
      writes.serve(in, request);
      return;
    }
    String table = NativeTables.tableVersion(in.getHeader("Accept"));
    boolean printable = table != null && request.resourceRequest()
        && request.subresource().isEmpty() && NativeTables.prints(request.resource())
        && (request.verb().equals("list") || request.verb().equals("get"));
    Relay.send(client, cluster.authorize(Relay.to(cluster.url(), in)), in)
        .onSuccess(answer -> {
          if (printable && answer.statusCode() == 200) {
            tabulate(in, request, table, answer);
          } else {
            answer(in, request, answer);
          }
        })
        .onFailure(e -> StatusAnswers.send(in.response(),
            StatusAnswers.unavailable("the cluster (" + e.getMessage() + ")")));
  }

  /** kubectl asked for a Table: the answer is small (one list), so it is read whole and printed. */
  private static void tabulate(HttpServerRequest in, RequestAttributes request, String version,
      HttpClientResponse answer) {
    answer.body().onSuccess(body -> {
      byte[] table = NativeTables.table(request.resource(), version, Json.MAPPER.readTree(
          body.getBytes()), in.getParam("includeObject"));
      in.response().putHeader("Content-Type", "application/json;as=Table;v="
          + version.substring(version.indexOf('/') + 1) + ";g=meta.k8s.io")
          .end(Buffer.buffer(table));
    }).onFailure(e -> StatusAnswers.send(in.response(),
        StatusAnswers.internalError("cannot print the cluster's answer: " + e.getMessage())));
  }

  /** The cluster's own API groups, as its /apis lists them. */
  Future<APIGroupList> groups() {
    RequestOptions options = cluster.request(HttpMethod.GET, "/apis")
        .putHeader("Accept", "application/json").setTimeout(5_000);
    return client.request(options).compose(req -> req.send())
        .compose(answer -> answer.body().map(body -> {
          if (answer.statusCode() != 200) {
            throw new IllegalStateException("/apis answered " + answer.statusCode());
          }
          return Serialization.unmarshal(body.toString(), APIGroupList.class);
        }));
  }

  private static void answer(HttpServerRequest in, RequestAttributes request,
      HttpClientResponse answer) {
    boolean empty = "0".equals(answer.getHeader("Content-Length"));
    if (answer.statusCode() == 404 && empty && request.resourceRequest()
        && !request.name().isEmpty()) {
      answer.resume();
      StatusAnswers.send(in.response(), StatusAnswers.notFound(request));
      return;
    }
    Relay.pipeBack(answer, in);
  }
}
