package dev.aiapiserver.mockcluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Lists in pages from the CRUD mock, as a client following kube-apiserver's continue tokens sees them.
 * The informer's test runs last: the mock holds its event loop for seconds when a watch closes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ListPagesTest {
  private static final int PODS = 120;
  private static KubernetesMockServer mock;
  private static KubernetesClient client;
  private static final List<String> seen = java.util.Collections.synchronizedList(new ArrayList<>());

  @BeforeAll
  static void start() {
    mock = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
        new ReviewingDispatcher(new KubernetesCrudDispatcher(), Map.of()) {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            seen.add(request.getPath());
            return super.dispatch(request);
          }
        }, false);
    mock.init(InetAddress.getLoopbackAddress(), 0);
    client = mock.createClient();
    for (int i = 0; i < PODS; i++) {
      client.pods().inNamespace(i % 2 == 0 ? "shop" : "web").resource(new PodBuilder().withNewMetadata()
          .withName("pod-" + i).addToLabels("app", i % 3 == 0 ? "checkout" : "cart").endMetadata().build()).create();
    }
  }

  @AfterAll
  static void stop() {
    client.close();
    try {
      mock.destroy();
    } catch (IllegalStateException e) {
      // the mock may exceed its own limit to close after a watch closed (see the class comment)
    }
  }

  @Test
  void pagesFollowedToTheEndAreTheWholeListOnce() {
    List<String> paged = new ArrayList<>();
    List<Long> remaining = new ArrayList<>();
    String next = null;
    int pages = 0;
    do {
      PodList page = client.pods().inAnyNamespace().list(new ListOptionsBuilder().withLimit(50L).withContinue(next).build());
      page.getItems().forEach(p -> paged.add(p.getMetadata().getNamespace() + "/" + p.getMetadata().getName()));
      remaining.add(page.getMetadata().getRemainingItemCount());
      next = page.getMetadata().getContinue();
      pages++;
    } while (next != null && !next.isEmpty());
    assertEquals(3, pages);
    assertEquals(java.util.Arrays.asList(70L, 20L, null), remaining);
    assertEquals(PODS, paged.size());
    assertEquals(names(client.pods().inAnyNamespace().list().getItems()), new TreeSet<>(paged));
  }

  @Test
  void selectorsAndNamespacesStillApplyToEveryPage() {
    PodList first = client.pods().inNamespace("shop").withLabel("app", "checkout")
        .list(new ListOptionsBuilder().withLimit(5L).build());
    assertEquals(5, first.getItems().size());
    assertTrue(first.getItems().stream().allMatch(p -> p.getMetadata().getNamespace().equals("shop")
        && p.getMetadata().getLabels().get("app").equals("checkout")));
    assertEquals(20 - 5, first.getMetadata().getRemainingItemCount());
  }

  @Test
  void aLimitAboveTheCountIsOnePageWithoutAToken() {
    PodList all = client.pods().inAnyNamespace().list(new ListOptionsBuilder().withLimit(500L).build());
    assertEquals(PODS, all.getItems().size());
    assertNull(all.getMetadata().getContinue());
  }

  @Test
  void anUnknownTokenIsExpiredAsACompactedRevisionIs() {
    KubernetesClientException e = assertThrows(KubernetesClientException.class, () -> client.pods().inAnyNamespace()
        .list(new ListOptionsBuilder().withLimit(50L).withContinue("eyJ2IjoibWV0YS5rOHMuaW8vdjEiLCJydiI6MSwic3RhcnQiOiI1MCJ9").build()));
    assertEquals(410, e.getCode());
    assertEquals("Expired", e.getStatus().getReason());
    assertThrows(KubernetesClientException.class, () -> client.pods().inAnyNamespace()
        .list(new ListOptionsBuilder().withLimit(50L).withContinue("not a token").build()));
  }

  @Test
  @Order(Integer.MAX_VALUE)
  void anInformerListingInPagesHoldsEveryPod() throws Exception {
    SharedIndexInformer<Pod> informer = client.pods().inAnyNamespace().withLimit(7L).runnableInformer(0);
    try {
      seen.clear();
      informer.start().toCompletableFuture().get(30, TimeUnit.SECONDS);
      assertEquals(PODS, informer.getIndexer().list().size());
      assertEquals(PODS / 7 + 1, seen.stream().filter(p -> p.contains("limit=7") && !p.contains("watch")).count(),
          "one request per page: " + seen);
      assertNotNull(informer.lastSyncResourceVersion());
    } finally {
      informer.stop();
    }
  }

  private static Set<String> names(List<Pod> pods) {
    Set<String> names = new TreeSet<>();
    pods.forEach(p -> names.add(p.getMetadata().getNamespace() + "/" + p.getMetadata().getName()));
    return names;
  }
}
