package dev.aiapiserver.demo;

import dev.aiapiserver.auth.UserInfo;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.authentication.TokenReview;
import io.fabric8.kubernetes.api.model.authentication.TokenReviewStatusBuilder;
import io.fabric8.kubernetes.api.model.authentication.UserInfoBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewStatusBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingList;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleList;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingList;
import io.fabric8.kubernetes.api.model.rbac.RoleList;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Makes the fabric8 CRUD mock answer the two reviews a delegating API server sends, the way a real
 * kube-apiserver would: TokenReview from a table of known tokens, SubjectAccessReview by
 * evaluating the Roles, ClusterRoles and bindings stored in the mock itself. Everything else goes
 * to the CRUD dispatcher. The SubjectAccessReview endpoint can be made to fail or hang, so that
 * fail-closed behaviour can be shown.
 */
public final class ReviewingDispatcher extends Dispatcher {
  private static final String TOKEN_REVIEWS = "/apis/authentication.k8s.io/v1/tokenreviews";
  private static final String ACCESS_REVIEWS = "/apis/authorization.k8s.io/v1/subjectaccessreviews";
  private static final String RBAC = "/apis/rbac.authorization.k8s.io/v1/";

  /** How a review endpoint behaves. */
  public enum Outage {
    /** Reviews are answered (from the token table, from RBAC). */
    NONE,
    /** Reviews answer 500 InternalError. */
    ERROR,
    /** Reviews get no answer for a minute. */
    HANGING
  }

  private final KubernetesCrudDispatcher crud;
  private final Map<String, UserInfo> tokens = new ConcurrentHashMap<>();
  private final List<SubjectAccessReview> accessReviews = new CopyOnWriteArrayList<>();
  private final AtomicInteger tokenReviewCount = new AtomicInteger();
  private final AtomicReference<Outage> tokenReviewOutage = new AtomicReference<>(Outage.NONE);
  private final AtomicReference<Outage> accessReviewOutage = new AtomicReference<>(Outage.NONE);
  private final AtomicReference<Duration> accessReviewLatency = new AtomicReference<>(Duration.ZERO);

  public ReviewingDispatcher(KubernetesCrudDispatcher crud, Map<String, UserInfo> tokens) {
    this.crud = crud;
    this.tokens.putAll(tokens);
  }

  public ReviewingDispatcher(Map<String, UserInfo> tokens) {
    this(new KubernetesCrudDispatcher(), tokens);
  }

  /** Makes a bearer token known (or replaces the identity it stands for). */
  public void putToken(String token, UserInfo user) {
    tokens.put(token, user);
  }

  public void setTokenReviewOutage(Outage mode) {
    tokenReviewOutage.set(mode);
  }

  public void setAccessReviewOutage(Outage mode) {
    accessReviewOutage.set(mode);
  }

  /** Delays every SubjectAccessReview answer, so that concurrent reviews overlap. */
  public void setAccessReviewLatency(Duration latency) {
    accessReviewLatency.set(latency);
  }

  /** Every SubjectAccessReview received so far, as sent (also those answered with an outage). */
  public List<SubjectAccessReview> accessReviews() {
    return List.copyOf(accessReviews);
  }

  public int accessReviewCount() {
    return accessReviews.size();
  }

  public int tokenReviewCount() {
    return tokenReviewCount.get();
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    String path = request.getPath() == null ? "" : request.getPath().split("\\?", 2)[0];
    if ("POST".equals(request.getMethod()) && TOKEN_REVIEWS.equals(path)) {
      return reviewToken(request);
    }
    if ("POST".equals(request.getMethod()) && ACCESS_REVIEWS.equals(path)) {
      return reviewAccess(request);
    }
    return crud.dispatch(request);
  }

  private MockResponse reviewToken(RecordedRequest request) {
    tokenReviewCount.incrementAndGet();
    MockResponse outage = outageAnswer(tokenReviewOutage.get());
    if (outage != null) {
      return outage;
    }
    TokenReview review = Serialization.unmarshal(request.getUtf8Body(), TokenReview.class);
    UserInfo user = review.getSpec() == null || review.getSpec().getToken() == null
        ? null : tokens.get(review.getSpec().getToken());
    review.setStatus(user == null
        ? new TokenReviewStatusBuilder().withAuthenticated(false)
            .withError("invalid bearer token").build()
        : new TokenReviewStatusBuilder().withAuthenticated(true)
            .withUser(new UserInfoBuilder().withUsername(user.name()).withUid(user.uid())
                .withGroups(user.groups()).withExtra(user.extra()).build())
            .build());
    return json(201, review);
  }

  private MockResponse reviewAccess(RecordedRequest request) {
    SubjectAccessReview review =
        Serialization.unmarshal(request.getUtf8Body(), SubjectAccessReview.class);
    accessReviews.add(review);
    MockResponse outage = outageAnswer(accessReviewOutage.get());
    if (outage != null) {
      return outage;
    }
    RbacEvaluator.Decision decision = rbac().evaluate(review.getSpec());
    review.setStatus(new SubjectAccessReviewStatusBuilder()
        .withAllowed(decision.allowed())
        .withReason(decision.reason().isEmpty() ? null : decision.reason())
        .build());
    MockResponse answer = json(201, review);
    Duration latency = accessReviewLatency.get();
    return latency.isZero() ? answer : answer.setBodyDelay(latency);
  }

  private static MockResponse outageAnswer(Outage outage) {
    return switch (outage) {
      case ERROR -> json(500, new StatusBuilder().withStatus("Failure").withCode(500)
          .withReason("InternalError").withMessage("the reviewer is down").build());
      case HANGING -> json(500, new StatusBuilder().withStatus("Failure").withCode(500).build())
          .setBodyDelay(Duration.ofMinutes(1));
      case NONE -> null;
    };
  }

  /** Reads RBAC through the CRUD dispatcher directly: a client call would wait on this thread. */
  private RbacEvaluator rbac() {
    return new RbacEvaluator(
        items(RBAC + "roles", RoleList.class),
        items(RBAC + "clusterroles", ClusterRoleList.class),
        items(RBAC + "rolebindings", RoleBindingList.class),
        items(RBAC + "clusterrolebindings", ClusterRoleBindingList.class));
  }

  private <T extends HasMetadata, L extends KubernetesResourceList<T>> List<T> items(
      String path, Class<L> listType) {
    MockResponse response = crud.handleGet(path);
    if (response.code() != 200 || response.getBody() == null) {
      return List.of();
    }
    L list = Serialization.unmarshal(
        new String(response.getBody().getBytes(), StandardCharsets.UTF_8), listType);
    return list == null || list.getItems() == null ? List.of() : new ArrayList<>(list.getItems());
  }

  private static MockResponse json(int code, Object body) {
    return new MockResponse().setResponseCode(code)
        .setHeader("Content-Type", "application/json")
        .setBody(Serialization.asJson(body));
  }

  @Override
  public void shutdown() {
    crud.shutdown();
  }
}
