package dev.aiapiserver.demo;

import dev.aiapiserver.auth.Forbidden;
import dev.aiapiserver.auth.RequestAttributes;
import dev.aiapiserver.auth.UserInfo;
import io.fabric8.kubernetes.api.model.APIGroupList;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the front door does with each request, in kube-apiserver's order: health checks answer
 * anyone; everything else needs a known bearer token (else 401); ai.k8s.io and OpenAPI go to this
 * server, which authorizes the caller itself; every other request is authorized here with a
 * SubjectAccessReview (403 in kube-apiserver's words when denied) and then answered by the
 * cluster, /apis with this server's group added.
 */
final class Reception implements Handler<HttpServerRequest> {
  private static final Logger LOG = LoggerFactory.getLogger(Reception.class);
  private static final Set<String> HEALTH = Set.of("/healthz", "/livez", "/readyz");
  private static final String BEARER = "bearer ";

  private final DemoUsers users;
  private final AccessReviews reviews;
  private final ViewsUpstream views;
  private final ClusterUpstream cluster;

  Reception(DemoUsers users, AccessReviews reviews, ViewsUpstream views, ClusterUpstream cluster) {
    this.users = users;
    this.reviews = reviews;
    this.views = views;
    this.cluster = cluster;
  }

  @Override
  public void handle(HttpServerRequest in) {
    in.pause(); // the body, if any, is streamed on once the request is let through
    String path = in.path();
    if (!KubeRequest.isClean(path)) {
      StatusAnswers.send(in.response(), StatusAnswers.badPath());
      return;
    }
    if (HEALTH.contains(path)) {
      in.response().putHeader("Content-Type", "text/plain; charset=utf-8").end("ok");
      return;
    }
    Optional<UserInfo> user = users.authenticate(bearerToken(in));
    if (user.isEmpty()) {
      StatusAnswers.send(in.response(), StatusAnswers.unauthorized());
      return;
    }
    if (ViewsUpstream.serves(path)) {
      views.forward(in, user.get());
      return;
    }
    String watch = in.getParam("watch");
    RequestAttributes request = RequestAttributes.resolve(in.method().name(), path,
        "true".equalsIgnoreCase(watch) || "1".equals(watch));
    reviews.review(user.get(), request).onComplete(decided -> {
      if (decided.failed()) {
        LOG.warn("event=front_door_review_failed path={} error=\"{}\"", path,
            decided.cause().getMessage());
        StatusAnswers.send(in.response(), StatusAnswers.internalError("authorization failed"));
      } else if (!decided.result().allowed()) {
        StatusAnswers.send(in.response(),
            Forbidden.status(user.get(), request, decided.result().reason()));
      } else {
        serve(in, user.get(), request);
      }
    });
  }

  private void serve(HttpServerRequest in, UserInfo user, RequestAttributes request) {
    String path = in.path();
    if (path.equals("/apis") || path.equals("/apis/")) {
      groups(in, user);
    } else if (path.equals("/version") || path.equals("/api") || path.startsWith("/api/")
        || path.startsWith("/apis/")) {
      cluster.forward(in, request);
    } else {
      StatusAnswers.send(in.response(), StatusAnswers.pathNotFound());
    }
  }

  /** /apis as the aggregator serves it: the cluster's groups, then this server's. */
  private void groups(HttpServerRequest in, UserInfo user) {
    cluster.groups().compose(groups -> views.group(user).map(ours -> {
      ours.ifPresent(group -> groups.getGroups().add(group));
      return groups;
    })).onSuccess((APIGroupList all) -> in.response().putHeader("Content-Type", "application/json")
        .end(Serialization.asJson(all)))
        .onFailure(e -> StatusAnswers.send(in.response(),
            StatusAnswers.unavailable("the cluster (" + e.getMessage() + ")")));
  }

  private static String bearerToken(HttpServerRequest in) {
    String header = in.getHeader("Authorization");
    if (header == null || header.length() <= BEARER.length()
        || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return null;
    }
    return header.substring(BEARER.length()).trim();
  }
}
