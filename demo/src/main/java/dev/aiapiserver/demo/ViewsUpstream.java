package dev.aiapiserver.demo;

import dev.aiapiserver.request.UserInfo;
import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.vertx.core.Future;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The way to this server, as kube-apiserver's aggregator goes: over TLS with the front-proxy
 * client certificate (set on the client), naming the caller in X-Remote-User, X-Remote-Uid and
 * one X-Remote-Group per group. This server then authenticates the proxy and authorizes the
 * caller itself. With several replicas, each request goes to the next one, as kube-apiserver
 * picks an endpoint per request with --enable-aggregator-routing: any version, continue token or
 * watch position one replica handed out is served by the others.
 */
final class ViewsUpstream {
  static final String GROUP = "ai.k8s.io";
  private static final long DISCOVERY_TIMEOUT_MILLIS = 5_000;

  private final HttpClient client;
  private final List<URI> replicas;
  private final AtomicInteger next = new AtomicInteger();

  ViewsUpstream(HttpClient client, List<URI> replicas) {
    this.client = client;
    this.replicas = List.copyOf(replicas);
  }

  private URI pick() {
    return replicas.get(Math.floorMod(next.getAndIncrement(), replicas.size()));
  }

  /** Whether a path belongs to this server: its API group and the OpenAPI documents. */
  static boolean serves(String path) {
    return path.equals("/apis/" + GROUP) || path.startsWith("/apis/" + GROUP + "/")
        || path.equals("/openapi/v2") || path.startsWith("/openapi/v3");
  }

  void forward(HttpServerRequest in, UserInfo user) {
    Relay.send(client, identify(Relay.to(pick(), in), user), in)
        .onSuccess(answer -> Relay.pipeBack(answer, in))
        .onFailure(e -> StatusAnswers.send(in.response(),
            StatusAnswers.unavailable("the ai.k8s.io API server (" + e.getMessage() + ")")));
  }

  /**
   * This server's APIGroup, asked for as the caller, to list in /apis; empty when it cannot be
   * had (kube-apiserver leaves an unavailable group out too).
   */
  Future<Optional<APIGroup>> group(UserInfo user) {
    URI url = pick();
    RequestOptions options = identify(new RequestOptions().setMethod(HttpMethod.GET)
        .setHost(url.getHost()).setPort(url.getPort()).setURI("/apis/" + GROUP)
        .putHeader("Accept", "application/json").setTimeout(DISCOVERY_TIMEOUT_MILLIS), user);
    return client.request(options).compose(req -> req.send())
        .compose(answer -> answer.body().map(body -> answer.statusCode() == 200
            ? Optional.of(Serialization.unmarshal(body.toString(), APIGroup.class))
            : Optional.<APIGroup>empty()))
        .otherwise(Optional.empty());
  }

  private static RequestOptions identify(RequestOptions options, UserInfo user) {
    options.putHeader("X-Remote-User", user.name());
    if (user.uid() != null && !user.uid().isEmpty()) {
      options.putHeader("X-Remote-Uid", user.uid());
    }
    user.groups().forEach(group -> options.addHeader("X-Remote-Group", group));
    return options;
  }
}
