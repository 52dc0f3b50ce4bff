package dev.aiapiserver.demo;

import dev.aiapiserver.auth.RequestAttributes;
import dev.aiapiserver.auth.UserInfo;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewSpecBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/**
 * The front door's authorizer: asks the embedded cluster's own SubjectAccessReview endpoint, so
 * native requests are decided by exactly the RBAC evaluation that this server's delegated
 * authorization gets (one policy, one evaluator). Asynchronous: the event loop never waits.
 */
final class AccessReviews {
  private static final String PATH = "/apis/authorization.k8s.io/v1/subjectaccessreviews";
  private static final long TIMEOUT_MILLIS = 10_000;

  /** Whether the request is allowed, and the authorizer's reason when it gave one. */
  record Decision(boolean allowed, String reason) {}

  private final HttpClient cluster;
  private final ClusterEndpoint endpoint;

  AccessReviews(HttpClient cluster, ClusterEndpoint endpoint) {
    this.cluster = cluster;
    this.endpoint = endpoint;
  }

  Future<Decision> review(UserInfo user, RequestAttributes request) {
    Buffer body = Buffer.buffer(Serialization.asJson(reviewOf(user, request)));
    RequestOptions options = endpoint.request(HttpMethod.POST, PATH)
        .putHeader("Content-Type", "application/json").putHeader("Accept", "application/json")
        .setTimeout(TIMEOUT_MILLIS);
    return cluster.request(options)
        .compose(req -> req.send(body))
        .compose(response -> response.body().map(answer -> decide(response, answer)));
  }

  private static Decision decide(HttpClientResponse response, Buffer answer) {
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException("SubjectAccessReview answered " + response.statusCode());
    }
    SubjectAccessReview review = Serialization.unmarshal(answer.toString(), SubjectAccessReview.class);
    if (review.getStatus() == null) {
      throw new IllegalStateException("SubjectAccessReview answered without a status");
    }
    String reason = review.getStatus().getReason();
    return new Decision(Boolean.TRUE.equals(review.getStatus().getAllowed()),
        reason == null ? "" : reason);
  }

  private static SubjectAccessReview reviewOf(UserInfo user, RequestAttributes request) {
    SubjectAccessReviewSpecBuilder spec = new SubjectAccessReviewSpecBuilder()
        .withUser(user.name()).withUid(user.uid()).withGroups(user.groups())
        .withExtra(user.extra());
    if (request.resourceRequest()) {
      spec.withNewResourceAttributes().withVerb(request.verb()).withGroup(request.apiGroup())
          .withVersion(request.apiVersion()).withResource(request.resource())
          .withSubresource(emptyToNull(request.subresource()))
          .withNamespace(emptyToNull(request.namespace()))
          .withName(emptyToNull(request.name())).endResourceAttributes();
    } else {
      spec.withNewNonResourceAttributes().withPath(request.path()).withVerb(request.verb())
          .endNonResourceAttributes();
    }
    return new SubjectAccessReviewBuilder().withSpec(spec.build()).build();
  }

  private static String emptyToNull(String value) {
    return value == null || value.isEmpty() ? null : value;
  }
}
