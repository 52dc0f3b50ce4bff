package dev.aiapiserver.demo;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import dev.aiapiserver.mockcluster.KubeletLogs;
import dev.aiapiserver.mockcluster.ReviewingDispatcher;
import io.fabric8.kubernetes.client.VersionInfo;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.net.InetAddress;
import java.net.URI;
import java.text.ParseException;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded cluster: the fabric8 mock API server in CRUD mode, in-process, plain HTTP on
 * loopback. It answers /version and discovery as a v1.32 kube-apiserver, TokenReview from the
 * demo's token table and SubjectAccessReview from the RBAC objects stored in it. Every request
 * must carry a random bearer token that only the front door and this server hold ({@link
 * TokenGuard}): the mock itself would let anyone read and write everything.
 */
public final class DemoCluster implements AutoCloseable {
  public static final String KUBERNETES_VERSION = "v1.32.3";

  private static final Logger LOG = LoggerFactory.getLogger(DemoCluster.class);

  /** The mock logs every request through java.util.logging; held so the level sticks. */
  private static final java.util.logging.Logger MOCK_LOG =
      java.util.logging.Logger.getLogger(MockWebServer.class.getName());

  private final KubernetesMockServer server;
  private final String token;
  private final KubernetesClient client;
  private final KubeletLogs logs;
  private final ScheduledExecutorService drain;

  private DemoCluster(KubernetesMockServer server, String token, KubeletLogs logs) {
    this.server = server;
    this.token = token;
    this.logs = logs;
    this.client = server.createClient(builder -> builder.editOrNewConfig().withOauthToken(token)
        .endConfig());
    this.drain = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "demo-cluster-drain");
      thread.setDaemon(true);
      return thread;
    });
    // The mock keeps every request it received for test assertions: forget them, or a long demo
    // grows without bound.
    drain.scheduleWithFixedDelay(this::forgetRequests, 10, 10, TimeUnit.SECONDS);
  }

  public static DemoCluster start(DemoUsers users) {
    MOCK_LOG.setLevel(Level.WARNING);
    VersionInfo version = version();
    ReviewingDispatcher reviews =
        new ReviewingDispatcher(new KubernetesCrudDispatcher(), users.reviewedTokens());
    KubeletLogs logs = new KubeletLogs(reviews);
    String token = DemoUsers.newToken();
    KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(),
        new HashMap<>(), new TokenGuard(new DiscoveryDispatcher(logs, version), token), false,
        version);
    server.init(InetAddress.getLoopbackAddress(), 0);
    DemoCluster cluster = new DemoCluster(server, token, logs);
    LOG.info("event=demo_cluster_started url={} version={}", cluster.endpoint().url(),
        KUBERNETES_VERSION);
    return cluster;
  }

  /** A client with full access, for seeding, for the motion and for this server's informers. */
  public KubernetesClient client() {
    return client;
  }

  /** The pods' logs, as the kubelet would serve them through pods/{name}/log. */
  public KubeletLogs logs() {
    return logs;
  }

  /** The mock's own address (plain HTTP, loopback) and the token it demands. */
  public ClusterEndpoint endpoint() {
    return new ClusterEndpoint(URI.create("http://127.0.0.1:" + server.getPort()), token);
  }

  /**
   * Publishes kube-system/extension-apiserver-authentication as kube-apiserver does, so that this
   * server trusts the front door's client certificate and reads the caller from X-Remote-*.
   */
  public void publishAuthentication(DemoPki pki) {
    client.configMaps().inNamespace("kube-system").resource(new ConfigMapBuilder()
        .withNewMetadata().withName("extension-apiserver-authentication")
        .withNamespace("kube-system").endMetadata()
        .addToData("client-ca-file", pki.clusterCa().certificatePem())
        .addToData("requestheader-client-ca-file", pki.frontProxyCa().certificatePem())
        .addToData("requestheader-allowed-names", json(List.of(DemoPki.FRONT_PROXY_CLIENT)))
        .addToData("requestheader-username-headers", json(List.of("X-Remote-User")))
        .addToData("requestheader-uid-headers", json(List.of("X-Remote-Uid")))
        .addToData("requestheader-group-headers", json(List.of("X-Remote-Group")))
        .addToData("requestheader-extra-headers-prefix", json(List.of("X-Remote-Extra-")))
        .build()).createOr(existing -> existing.update());
  }

  private void forgetRequests() {
    try {
      while (server.takeRequest(0, TimeUnit.SECONDS) != null) {
        // dropped
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    drain.shutdownNow();
    client.close();
    server.destroy();
  }

  private static String json(List<String> values) {
    return io.fabric8.kubernetes.client.utils.Serialization.asJson(values);
  }

  private static VersionInfo version() {
    try {
      return new VersionInfo.Builder().withMajor("1").withMinor("32")
          .withGitVersion(KUBERNETES_VERSION)
          .withGitCommit("32cc146f75aad04beaaa245a7157eb35063a9f99")
          .withGitTreeState("clean").withBuildDate("2025-03-11T19:52:21Z")
          .withGoVersion("go1.23.6").withCompiler("gc").withPlatform("linux/amd64").build();
    } catch (ParseException e) {
      throw new IllegalStateException(e);
    }
  }
}
