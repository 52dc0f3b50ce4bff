package dev.aiapiserver.bench;

import dev.aiapiserver.testing.MockServers;

import dev.aiapiserver.request.UserInfo;
import dev.aiapiserver.testing.FaultyReviews;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.crud.AttributeSet;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fabric8 CRUD mock API server on loopback holding a synthetic cluster, behind a
 * {@link MockFront}, answering TokenReview and SubjectAccessReview from its own RBAC objects (one
 * agent user that may read the views). {@link #seed} puts a whole scenario into the mock's store directly: the CRUD
 * mock looks up every write by scanning all it holds, so creating 10k pods through the API takes
 * about a minute, while the store itself is a map that takes them in a second.
 */
final class BenchCluster implements AutoCloseable {
  /** The one agent of the benchmarks: may read the views everywhere, as a cluster's "view" role allows. */
  static final String AGENT = "agent";
  static final String AGENT_TOKEN = "agent-token";

  private final KubernetesCrudDispatcher crud = new KubernetesCrudDispatcher();
  private final KubernetesAttributesExtractor attributes = (KubernetesAttributesExtractor) crud.getAttributeExtractor();
  private final KubernetesSerialization json = new KubernetesSerialization();
  final FaultyReviews reviews = new FaultyReviews(crud,
      Map.of(AGENT_TOKEN, new UserInfo(AGENT, "", List.of(), Map.of())));
  final MockFront front = new MockFront(reviews);
  private final KubernetesMockServer server;
  private final KubernetesClient client;
  private final KubernetesClient reviewsClient;

  BenchCluster() {
    QuietLogs.apply();
    server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), front, false);
    server.init(InetAddress.getLoopbackAddress(), 0);
    // the CRUD mock takes seconds to list thousands of objects; the client's 10 s default would cut it off
    client = server.createClient(b -> b.editOrNewConfig().withRequestTimeout(120_000).endConfig());
    // serve gives the reviews a client (connections and threads) of their own; so does the bench
    reviewsClient = server.createClient();
    seed(List.of(
        new ClusterRoleBuilder().withNewMetadata().withName("bench-agent").endMetadata()
            .addNewRule().withApiGroups("ai.k8s.io").withResources("*").withVerbs("get", "list", "watch").endRule()
            .addNewRule().withNonResourceURLs("/api", "/api/*", "/apis", "/apis/*", "/openapi", "/openapi/*",
                "/version", "/healthz", "/readyz", "/livez").withVerbs("get").endRule()
            .build(),
        new ClusterRoleBindingBuilder().withNewMetadata().withName("bench-agent").endMetadata()
            .withNewRoleRef().withApiGroup("rbac.authorization.k8s.io").withKind("ClusterRole").withName("bench-agent")
            .endRoleRef().addNewSubject().withApiGroup("rbac.authorization.k8s.io").withKind("User").withName(AGENT)
            .endSubject().build()));
  }

  KubernetesClient client() {
    return client;
  }

  /** The client the server sends TokenReviews and SubjectAccessReviews with. */
  KubernetesClient reviewsClient() {
    return reviewsClient;
  }

  String url() {
    return "http://127.0.0.1:" + server.getPort();
  }

  /**
   * Stores every object as the mock would after a create, keeping the scenario's uids and
   * timestamps (a create through the API would replace them), in the mock's own key format.
   */
  void seed(List<HasMetadata> objects) {
    List<Map.Entry<AttributeSet, String>> entries = objects.parallelStream().map(o -> {
      AttributeSet keys = attributes.extract(o);
      if (!keys.containsKey(KubernetesAttributesExtractor.PLURAL)) {
        keys = AttributeSet.merge(crud.getKey(collectionPath(o)), keys);
      }
      return Map.entry(keys, json.asJson(o));
    }).toList();
    Map<AttributeSet, String> store = crud.getMap();
    for (Map.Entry<AttributeSet, String> e : entries) {
      store.put(e.getKey(), e.getValue());
    }
    crud.requestResourceVersion();
  }

  static String collectionPath(HasMetadata o) {
    String apiVersion = o.getApiVersion();
    String prefix = apiVersion.contains("/") ? "/apis/" + apiVersion : "/api/" + apiVersion;
    String ns = o.getMetadata().getNamespace();
    return prefix + (ns == null ? "" : "/namespaces/" + ns) + "/" + HasMetadata.getPlural(o.getClass());
  }

  /** A kubeconfig for the real kubectl, plain HTTP to the mock on loopback. */
  Path kubeconfig(Path dir) throws IOException {
    Path file = dir.resolve("mock.kubeconfig");
    Files.writeString(file, """
        apiVersion: v1
        kind: Config
        clusters:
        - name: mock
          cluster:
            server: %s
        users:
        - name: agent
          user: {}
        contexts:
        - name: mock
          context:
            cluster: mock
            user: agent
        current-context: mock
        """.formatted(url()));
    return file;
  }

  @Override
  public void close() {
    client.close();
    reviewsClient.close();
    MockServers.destroy(server);
  }
}
