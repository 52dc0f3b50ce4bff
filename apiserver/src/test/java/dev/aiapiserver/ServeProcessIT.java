package dev.aiapiserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiapiserver.auth.UserInfo;
import dev.aiapiserver.demo.ReviewingDispatcher;
import dev.aiapiserver.e2e.TlsClients;
import dev.aiapiserver.testing.Await;
import dev.aiapiserver.testing.MockServers;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Production's command, as an operator runs it: given a cluster reachable through a kubeconfig, when
 * the packaged jar runs {@code serve} with no certificate files, then it generates its serving
 * certificate, becomes ready, serves views to an authorized token, and stops on SIGTERM.
 */
class ServeProcessIT {
  static KubernetesMockServer mock;
  static Process serve;
  static Path dir;
  static int port;

  @BeforeAll
  static void start() throws Exception {
    ReviewingDispatcher reviews = new ReviewingDispatcher(new KubernetesCrudDispatcher(),
        Map.of("dana-token", new UserInfo("dana", "", List.of(), Map.of())));
    mock = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), reviews, false);
    mock.init(InetAddress.getLoopbackAddress(), 0);
    try (KubernetesClient cluster = mock.createClient();
        InputStream rbac = ServeProcessIT.class.getResourceAsStream("/rbac/cluster.yaml")) {
      for (HasMetadata o : Serialization.<List<HasMetadata>>unmarshal(rbac)) {
        cluster.resource(o).create();
      }
      cluster.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("shop").endMetadata()
          .build()).create();
      cluster.pods().inNamespace("shop").resource(new PodBuilder().withNewMetadata().withName("debug-shell")
          .withNamespace("shop").endMetadata().withNewSpec().addNewContainer().withName("sh").withImage("busybox")
          .endContainer().endSpec().withNewStatus().withPhase("Running").endStatus().build()).create();
    }
    dir = Files.createTempDirectory("serve-process");
    Path kubeconfig = dir.resolve("cluster.kubeconfig");
    Files.writeString(kubeconfig, """
        apiVersion: v1
        kind: Config
        clusters:
        - name: mock
          cluster:
            server: http://127.0.0.1:%d
        users:
        - name: server
          user:
            token: server-token
        contexts:
        - name: mock
          context:
            cluster: mock
            user: server
        current-context: mock
        """.formatted(mock.getPort()));
    try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    Path jar = Path.of(System.getProperty("aiapiserver.jar", "apiserver/target/ai-apiserver.jar"));
    serve = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
        jar.toString(), "serve", "--kubeconfig", kubeconfig.toString(), "--secure-port", Integer.toString(port),
        "--bind-address", "127.0.0.1", "--authentication-skip-lookup", "--cert-dir", dir.resolve("certs").toString())
        .redirectOutput(dir.resolve("stdout.txt").toFile()).redirectError(dir.resolve("stderr.txt").toFile())
        .start();
  }

  @AfterAll
  static void stop() {
    if (serve != null && serve.isAlive()) {
      serve.destroyForcibly();
    }
    MockServers.destroy(mock);
  }

  @Test
  void anOperatorStartsServeAndItServesUntilSigterm() throws Exception {
    Path ca = dir.resolve("certs").resolve("ca.crt");
    awaitTrue(() -> Files.isRegularFile(ca), "the self-signed CA is written");
    HttpClient http = HttpClient.newBuilder().sslContext(TlsClients.trusting(Files.readString(ca))).build();
    awaitTrue(() -> get(http, "/readyz", null).statusCode() == 200, "serve is ready");

    awaitTrue(() -> get(http, "/apis/ai.k8s.io/v1alpha1/namespaces/shop/workloadsummaries/pod.debug-shell",
        "dana-token").statusCode() == 200, "the bare pod's summary is served");
    assertEquals(401, get(http, "/apis/ai.k8s.io/v1alpha1/workloadsummaries", "stolen").statusCode());

    serve.destroy(); // SIGTERM
    assertTrue(serve.waitFor(30, TimeUnit.SECONDS), "serve stops on SIGTERM");
    assertTrue(Files.readString(dir.resolve("stderr.txt")).contains("event=shutting_down"));
  }

  static HttpResponse<String> get(HttpClient http, String path, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(10));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Waits for a condition, failing at once (with serve's stderr) if the process has exited. */
  static void awaitTrue(Await.Check check, String what) throws Exception {
    Await.until(what, Duration.ofSeconds(90), () -> {
      if (!serve.isAlive()) {
        throw new AssertionError("serve exited (" + serve.exitValue() + ") before: " + what + "\n"
            + Files.readString(dir.resolve("stderr.txt")));
      }
      return check.holds();
    }, () -> Files.readString(dir.resolve("stderr.txt")));
  }
}
