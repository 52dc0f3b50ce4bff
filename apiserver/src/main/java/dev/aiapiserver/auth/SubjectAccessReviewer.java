package dev.aiapiserver.auth;

import dev.aiapiserver.request.RequestAttributes;
import dev.aiapiserver.request.UserInfo;

import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewSpecBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;

/**
 * Asks the API server, with a SubjectAccessReview (authorization.k8s.io/v1) sent from a worker
 * thread, whether a user may do what a request attempts. Decisions are kept per user (name, uid,
 * groups, extra) and attributes, allows and denies each for their own TTL; identical questions in
 * flight share one review; a review that errs or times out fails the answer (never an allow).
 */
final class SubjectAccessReviewer {
  private record Question(UserInfo user, RequestAttributes request) {}

  private final ReviewWorkers workers;
  private final KubernetesClient client;
  private final ReviewCache<Question, AccessDecision> cache;

  SubjectAccessReviewer(Vertx vertx, KubernetesClient client, AuthorizationSettings settings, Clock clock) {
    this.workers = new ReviewWorkers(vertx, settings.reviewTimeout());
    this.client = client;
    this.cache = new ReviewCache<>(settings.cacheSize(),
        decision -> decision.allowed() ? settings.allowTtl() : settings.denyTtl(), clock);
  }

  CompletableFuture<AccessDecision> review(UserInfo user, RequestAttributes request) {
    RequestAttributes asked = normalized(request);
    // A resource request is the same question whatever path spelled it.
    Question question = new Question(user, asked.resourceRequest()
        ? new RequestAttributes(true, asked.verb(), asked.apiGroup(), asked.apiVersion(), asked.resource(),
            asked.subresource(), asked.namespace(), asked.name(), "")
        : asked);
    return cache.get(question,
        () -> workers.run(() -> send(user, asked)));
  }

  private AccessDecision send(UserInfo user, RequestAttributes request) {
    SubjectAccessReviewSpecBuilder spec = new SubjectAccessReviewSpecBuilder()
        .withUser(user.name())
        .withUid(blankToNull(user.uid()))
        .withGroups(user.groups())
        .withExtra(user.extra());
    if (request.resourceRequest()) {
      spec.withNewResourceAttributes()
          .withVerb(request.verb())
          .withGroup(request.apiGroup())
          .withVersion(blankToNull(request.apiVersion()))
          .withResource(request.resource())
          .withSubresource(blankToNull(request.subresource()))
          .withNamespace(blankToNull(request.namespace()))
          .withName(blankToNull(request.name()))
          .endResourceAttributes();
    } else {
      spec.withNewNonResourceAttributes().withPath(request.path()).withVerb(request.verb())
          .endNonResourceAttributes();
    }
    SubjectAccessReview answer = client.authorization().v1().subjectAccessReview()
        .create(new SubjectAccessReviewBuilder().withSpec(spec.build()).build());
    if (answer == null || answer.getStatus() == null) {
      throw new IllegalStateException("SubjectAccessReview answered without a status");
    }
    String reason = answer.getStatus().getReason() == null ? "" : answer.getStatus().getReason();
    return new AccessDecision(Boolean.TRUE.equals(answer.getStatus().getAllowed())
        && !Boolean.TRUE.equals(answer.getStatus().getDenied()), reason);
  }

  /** The attributes with every absent text as "", so that equal questions compare equal. */
  static RequestAttributes normalized(RequestAttributes r) {
    return new RequestAttributes(r.resourceRequest(), text(r.verb()), text(r.apiGroup()),
        text(r.apiVersion()), text(r.resource()), text(r.subresource()), text(r.namespace()),
        text(r.name()), text(r.path()));
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }

  private static String blankToNull(String value) {
    return value == null || value.isEmpty() ? null : value;
  }
}
