package dev.aiapiserver.mockcluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.authentication.TokenReview;
import io.fabric8.kubernetes.api.model.authentication.TokenReviewStatusBuilder;
import io.fabric8.kubernetes.api.model.authentication.UserInfo;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewStatusBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingList;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleList;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingList;
import io.fabric8.kubernetes.api.model.rbac.RoleList;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes the fabric8 CRUD mock answer the two reviews a delegating API server sends, the way a real
 * kube-apiserver would: TokenReview from a table of known tokens, SubjectAccessReview by
 * evaluating the Roles, ClusterRoles and bindings stored in the mock itself. Lists asked in pages
 * ({@code limit}, {@code continue}) are cut into pages ({@link ListPages}). Everything else goes
 * to the CRUD dispatcher. Tests that need the reviews to fail extend {@link #answerTokenReview}
 * and {@link #answerAccessReview}.
 */
public class ReviewingDispatcher extends Dispatcher {
  private static final String TOKEN_REVIEWS = "/apis/authentication.k8s.io/v1/tokenreviews";
  private static final String ACCESS_REVIEWS = "/apis/authorization.k8s.io/v1/subjectaccessreviews";
  private static final String RBAC = "/apis/rbac.authorization.k8s.io/v1/";

  private final KubernetesCrudDispatcher crud;
  private final Map<String, UserInfo> tokens = new ConcurrentHashMap<>();
  private final ListPages pages = new ListPages();

  public ReviewingDispatcher(KubernetesCrudDispatcher crud, Map<String, UserInfo> tokens) {
    this.crud = crud;
    this.tokens.putAll(tokens);
  }

  /** Makes a bearer token known (or replaces the identity it stands for). */
  public void putToken(String token, UserInfo user) {
    tokens.put(token, user);
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    String path = request.getPath() == null ? "" : request.getPath().split("\\?", 2)[0];
    if ("POST".equals(request.getMethod()) && TOKEN_REVIEWS.equals(path)) {
      return answerTokenReview(Serialization.unmarshal(request.getUtf8Body(), TokenReview.class));
    }
    if ("POST".equals(request.getMethod()) && ACCESS_REVIEWS.equals(path)) {
      return answerAccessReview(
          Serialization.unmarshal(request.getUtf8Body(), SubjectAccessReview.class));
    }
    MockResponse page = pages.page(request, crud::handleGet);
    return page != null ? page : crud.dispatch(request);
  }

  /** The TokenReview, answered from the token table. */
  protected MockResponse answerTokenReview(TokenReview review) {
    UserInfo user = review.getSpec() == null || review.getSpec().getToken() == null
        ? null : tokens.get(review.getSpec().getToken());
    review.setStatus(user == null
        ? new TokenReviewStatusBuilder().withAuthenticated(false)
            .withError("invalid bearer token").build()
        : new TokenReviewStatusBuilder().withAuthenticated(true).withUser(user).build());
    return json(201, review);
  }

  /** The SubjectAccessReview, decided by RBAC over the objects stored in the mock. */
  protected MockResponse answerAccessReview(SubjectAccessReview review) {
    RbacEvaluator.Decision decision = rbac().evaluate(review.getSpec());
    review.setStatus(new SubjectAccessReviewStatusBuilder()
        .withAllowed(decision.allowed())
        .withReason(decision.reason().isEmpty() ? null : decision.reason())
        .build());
    return json(201, review);
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

  /** A JSON answer with the given status code. */
  protected static MockResponse json(int code, Object body) {
    return new MockResponse().setResponseCode(code)
        .setHeader("Content-Type", "application/json")
        .setBody(Serialization.asJson(body));
  }

  @Override
  public void shutdown() {
    crud.shutdown();
  }
}
