package dev.aiapiserver.testing;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiapiserver.auth.UserInfo;
import io.fabric8.kubernetes.api.model.authentication.TokenReview;
import io.fabric8.kubernetes.api.model.authentication.TokenReviewBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The mock cluster answers reviews like a real API server, from the RBAC objects stored in it. */
class FaultyReviewsTest {
  private final FaultyReviews reviews = new FaultyReviews(
      Map.of("bob-token", new UserInfo("bob", "u-1", List.of("dev"), Map.of())));
  private final KubernetesMockServer mock =
      new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), reviews, false);
  private KubernetesClient kube;

  @BeforeEach
  void start() {
    mock.init(InetAddress.getLoopbackAddress(), 0);
    kube = mock.createClient(builder -> builder.editOrNewConfig().withRequestRetryBackoffLimit(0).endConfig());
  }

  @AfterEach
  void stop() {
    kube.close();
    MockServers.destroy(mock);
  }

  @Test
  void givenAKnownToken_thenTokenReviewSaysWhoItIsAndAnUnknownOneIsNotAuthenticated() {
    TokenReview known = kube.authentication().v1().tokenReviews()
        .create(new TokenReviewBuilder().withNewSpec().withToken("bob-token").endSpec().build());
    TokenReview unknown = kube.authentication().v1().tokenReviews()
        .create(new TokenReviewBuilder().withNewSpec().withToken("guess").endSpec().build());

    assertTrue(known.getStatus().getAuthenticated());
    assertEquals("bob", known.getStatus().getUser().getUsername());
    assertEquals(List.of("dev"), known.getStatus().getUser().getGroups());
    assertFalse(unknown.getStatus().getAuthenticated());
    assertEquals(2, reviews.tokenReviewCount());
  }

  @Test
  void givenARoleAndBindingCreatedThroughTheApi_thenTheAccessReviewFollowsThem() {
    assertFalse(bobMayListPodsIn("shop"));

    kube.rbac().roles().inNamespace("shop").resource(new RoleBuilder().withNewMetadata().withName("pod-reader")
        .endMetadata().addNewRule().withApiGroups("").withResources("pods").withVerbs("list").endRule().build()).create();
    kube.rbac().roleBindings().inNamespace("shop").resource(new RoleBindingBuilder().withNewMetadata()
        .withName("bob-reads-pods").endMetadata().withNewRoleRef().withApiGroup("rbac.authorization.k8s.io")
        .withKind("Role").withName("pod-reader").endRoleRef().addNewSubject().withKind("Group").withName("dev")
        .endSubject().build()).create();

    assertTrue(bobMayListPodsIn("shop"));
    assertFalse(bobMayListPodsIn("billing"));
    assertEquals(3, reviews.accessReviewCount());
    assertTrue(kube.rbac().roles().inNamespace("shop").withName("pod-reader").get() != null,
        "everything else is the ordinary CRUD mock");
  }

  @Test
  void givenAnOutage_thenTheAccessReviewEndpointAnswers500() {
    reviews.setAccessReviewOutage(FaultyReviews.Outage.ERROR);

    Executable review = () -> bobMayListPodsIn("shop");

    KubernetesClientException error = org.junit.jupiter.api.Assertions.assertThrows(
        KubernetesClientException.class, review);
    assertEquals(500, error.getCode());
    assertEquals(1, reviews.accessReviewCount());
  }

  private boolean bobMayListPodsIn(String namespace) {
    SubjectAccessReview answer = kube.authorization().v1().subjectAccessReview().create(
        new SubjectAccessReviewBuilder().withNewSpec().withUser("bob").withGroups("dev")
            .withNewResourceAttributes().withVerb("list").withResource("pods").withNamespace(namespace)
            .endResourceAttributes().endSpec().build());
    return answer.getStatus().getAllowed();
  }
}
