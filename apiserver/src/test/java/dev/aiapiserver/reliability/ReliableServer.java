package dev.aiapiserver.reliability;

import dev.aiapiserver.AiApiServer;
import dev.aiapiserver.ServingCertificate;
import dev.aiapiserver.auth.AuthenticationFlags;
import dev.aiapiserver.auth.UserInfo;
import dev.aiapiserver.certs.CertificateAuthority;
import dev.aiapiserver.certs.IssuedCertificate;
import dev.aiapiserver.certs.ServingNames;
import dev.aiapiserver.config.Command;
import dev.aiapiserver.config.CommandLine;
import dev.aiapiserver.config.ServerOptions;
import dev.aiapiserver.e2e.TlsClients;
import dev.aiapiserver.sources.SourceOptions;
import dev.aiapiserver.testing.Await;
import dev.aiapiserver.testing.FaultyReviews;
import dev.aiapiserver.testing.MockServers;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLContext;

/**
 * The whole server over real TLS, on the CRUD mock (which answers TokenReview and
 * SubjectAccessReview from RBAC objects), reaching its upstream through a {@link LoopbackProxy} so
 * that outages can be staged. Callers: {@code admin-token} (system:masters), {@code dana-token}
 * (reads every view), anonymous.
 */
final class ReliableServer implements AutoCloseable {
  static final String ADMIN = "admin-token";

  final FaultyReviews reviews;
  final KubernetesMockServer mock;
  final KubernetesClient cluster;
  final LoopbackProxy proxy;
  final KubernetesClient throughProxy;
  final AiApiServer server;
  final CertificateAuthority ca = CertificateAuthority.generate("reliability-ca");
  final SSLContext tls;
  final HttpClient http;

  /** @param options changes to the options parsed from the flags (e.g. shorter connection timeouts) */
  ReliableServer(List<String> flags, UnaryOperator<ServerOptions> options) throws Exception {
    reviews = new FaultyReviews(new KubernetesCrudDispatcher(), Map.of(
        ADMIN, new UserInfo("admin", "", List.of("system:masters"), Map.of()),
        "dana-token", new UserInfo("dana", "", List.of(), Map.of())));
    mock = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), reviews, false);
    mock.init(InetAddress.getLoopbackAddress(), 0);
    cluster = mock.createClient();
    try (InputStream rbac = ReliableServer.class.getResourceAsStream("/rbac/cluster.yaml")) {
      for (HasMetadata o : Serialization.<List<HasMetadata>>unmarshal(rbac)) {
        cluster.resource(o).create();
      }
    }
    cluster.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("shop").endMetadata().build())
        .create();
    deployment("web", 2);
    proxy = new LoopbackProxy(URI.create(cluster.getConfiguration().getMasterUrl()).getPort());
    Config config = new ConfigBuilder(cluster.getConfiguration())
        .withMasterUrl("http://127.0.0.1:" + proxy.port() + "/")
        .withRequestTimeout(5_000).withConnectionTimeout(2_000)
        .withWatchReconnectInterval(dev.aiapiserver.sources.SourceOptions.WATCH_RECONNECT_INTERVAL_MS).build();
    throughProxy = new KubernetesClientBuilder().withConfig(config).build();

    List<String> args = new java.util.ArrayList<>(List.of("serve", "--secure-port=0", "--bind-address=127.0.0.1",
        "--authentication-skip-lookup", "--view-coalesce-interval=5ms"));
    args.addAll(flags);
    Command.Serve serve = (Command.Serve) CommandLine.parse(args.toArray(String[]::new));
    IssuedCertificate cert = ca.issueServing(ServingNames.forService("ai-apiserver", "ai-system"), Duration.ofDays(1));
    server = AiApiServer.start(options.apply(serve.options()), new AiApiServer.Wiring(throughProxy, cluster,
        SourceOptions.forMockServer(), AuthenticationFlags.none(),
        ServingCertificate.of(cert.certificatePem(), cert.privateKeyPem())));
    tls = TlsClients.trusting(ca.certificatePem());
    http = HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(5)).build();
    Await.until("server ready", Duration.ofSeconds(60), () -> get("/readyz", null).statusCode() == 200);
  }

  void deployment(String name, int replicas) {
    Map<String, String> labels = Map.of("app", name);
    cluster.apps().deployments().inNamespace("shop").resource(new DeploymentBuilder()
        .withNewMetadata().withName(name).withNamespace("shop").withLabels(labels).endMetadata()
        .withNewSpec().withReplicas(replicas).withNewSelector().withMatchLabels(labels).endSelector()
        .withNewTemplate().withNewMetadata().withLabels(labels).endMetadata().withNewSpec()
        .addNewContainer().withName("app").withImage("shop/" + name + ":1").endContainer().endSpec().endTemplate()
        .endSpec().withNewStatus().withReplicas(replicas).withReadyReplicas(replicas)
        .withAvailableReplicas(replicas).withUpdatedReplicas(replicas).withObservedGeneration(1L).endStatus()
        .build()).createOr(r -> r.update());
  }

  int port() {
    return server.port();
  }

  RawHttps raw() {
    return new RawHttps(tls, port());
  }

  HttpResponse<String> get(String path, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port() + path))
        .timeout(Duration.ofSeconds(10));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Override
  public void close() throws Exception {
    server.close();
    throughProxy.close();
    proxy.close();
    cluster.close();
    MockServers.destroy(mock);
  }
}
