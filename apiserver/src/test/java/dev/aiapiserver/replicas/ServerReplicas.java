package dev.aiapiserver.replicas;

import dev.aiapiserver.AiApiServer;
import dev.aiapiserver.ServingCertificate;
import dev.aiapiserver.auth.AuthenticationFlags;
import dev.aiapiserver.request.UserInfo;
import dev.aiapiserver.certs.CertificateAuthority;
import dev.aiapiserver.certs.IssuedCertificate;
import dev.aiapiserver.certs.ServingNames;
import dev.aiapiserver.config.Command;
import dev.aiapiserver.config.CommandLine;
import dev.aiapiserver.e2e.TlsClients;
import dev.aiapiserver.sources.SourceOptions;
import dev.aiapiserver.testing.Await;
import dev.aiapiserver.testing.FaultyReviews;
import dev.aiapiserver.testing.MockServers;
import io.fabric8.kubernetes.api.model.ContainerStateWaitingBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Real server replicas — whole {@link AiApiServer}s, each with its own informers — on one cluster
 * (the CRUD mock, answering TokenReview and SubjectAccessReview from its RBAC objects), sharing a
 * serving certificate as a Deployment's pods share their Secret.
 */
final class ServerReplicas implements AutoCloseable {
  static final String TOKEN = "dana-token"; // may read every view (rbac/cluster.yaml)
  static final String WLS = "/apis/ai.k8s.io/v1alpha1/workloadsummaries";

  final KubernetesMockServer mock;
  final KubernetesClient cluster;
  final CertificateAuthority ca = CertificateAuthority.generate("replicas-ca");
  final IssuedCertificate cert = ca.issueServing(ServingNames.forService("ai-apiserver", "ai-system"),
      Duration.ofDays(1));
  final HttpClient http;
  private final List<AiApiServer> servers = new ArrayList<>();
  private final List<Integer> ports = new ArrayList<>();

  ServerReplicas(int replicas, List<String> namespaces, int podsPerNamespace) throws Exception {
    FaultyReviews reviews = new FaultyReviews(new KubernetesCrudDispatcher(),
        Map.of(TOKEN, new UserInfo("dana", "", List.of(), Map.of())));
    mock = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), reviews, false);
    mock.init(InetAddress.getLoopbackAddress(), 0);
    cluster = mock.createClient();
    try (InputStream rbac = ServerReplicas.class.getResourceAsStream("/rbac/cluster.yaml")) {
      for (HasMetadata o : Serialization.<List<HasMetadata>>unmarshal(rbac)) {
        cluster.resource(o).create();
      }
    }
    for (String ns : namespaces) {
      cluster.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
          .create();
      for (int i = 0; i < podsPerNamespace; i++) {
        cluster.pods().inNamespace(ns).resource(pod(ns, "p" + i)).create();
      }
    }
    http = HttpClient.newBuilder().sslContext(TlsClients.trusting(ca.certificatePem())).build();
    for (int i = 0; i < replicas; i++) {
      servers.add(start(0));
      ports.add(servers.get(i).port());
    }
    for (int i = 0; i < replicas; i++) {
      awaitReady(i);
    }
  }

  private AiApiServer start(int port) throws Exception {
    Command.Serve serve = (Command.Serve) CommandLine.parse("serve", "--secure-port=" + port,
        "--bind-address=127.0.0.1", "--authentication-skip-lookup", "--view-coalesce-interval=5ms");
    return AiApiServer.start(serve.options(), new AiApiServer.Wiring(cluster, cluster,
        SourceOptions.forMockServer(), AuthenticationFlags.none(),
        ServingCertificate.of(cert.certificatePem(), cert.privateKeyPem())));
  }

  private void awaitReady(int i) throws Exception {
    Await.until("replica " + i + " ready", Duration.ofSeconds(60),
        () -> get(url(i), "/readyz").statusCode() == 200);
  }

  List<Integer> ports() {
    return List.copyOf(ports);
  }

  String url(int replica) {
    return "https://127.0.0.1:" + ports.get(replica);
  }

  /**
   * Replaces a replica by a new process on the same port, as a rolling update does: out of the
   * proxy's rotation while it is not ready (a Service's endpoints hold ready pods only).
   */
  void restart(int replica, RoundRobinProxy proxy) throws Exception {
    proxy.remove(ports.get(replica));
    servers.get(replica).close();
    servers.set(replica, start(ports.get(replica)));
    awaitReady(replica);
    proxy.add(ports.get(replica));
  }

  HttpResponse<String> get(String base, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
        .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A bare pod (its own WorkloadSummary, pod.NAME), running and ready. */
  static Pod pod(String ns, String name) {
    return new PodBuilder()
        .withNewMetadata().withName(name).withNamespace(ns).withLabels(Map.of("app", name)).endMetadata()
        .withNewSpec().withNodeName("node-a").addNewContainer().withName("app").withImage("shop/" + name + ":1")
        .endContainer().endSpec()
        .withNewStatus().withPhase("Running")
        .addNewCondition().withType("Ready").withStatus("True").endCondition()
        .addNewContainerStatus().withName("app").withReady(true).withRestartCount(0).withNewState()
        .withNewRunning().withStartedAt(Instant.now().minusSeconds(600).toString()).endRunning().endState()
        .endContainerStatus()
        .endStatus().build();
  }

  /** The pod's container crash-loops (restarts counted) or runs again. */
  void crashLoop(String ns, String name, int restarts) {
    Pod pod = cluster.pods().inNamespace(ns).withName(name).get();
    var status = pod.getStatus().getContainerStatuses().get(0);
    pod.getStatus().getConditions().get(0).setStatus("False");
    status.setReady(false);
    status.setRestartCount(restarts);
    status.getState().setRunning(null);
    status.getState().setWaiting(new ContainerStateWaitingBuilder().withReason("CrashLoopBackOff")
        .withMessage("back-off 5m0s restarting failed container=app pod=" + name).build());
    cluster.pods().inNamespace(ns).resource(pod).updateStatus();
  }

  void recover(String ns, String name) {
    Pod pod = cluster.pods().inNamespace(ns).withName(name).get();
    pod.setStatus(pod(ns, name).getStatus());
    cluster.pods().inNamespace(ns).resource(pod).updateStatus();
  }

  @Override
  public void close() {
    servers.forEach(AiApiServer::close);
    cluster.close();
    MockServers.destroy(mock);
  }
}
