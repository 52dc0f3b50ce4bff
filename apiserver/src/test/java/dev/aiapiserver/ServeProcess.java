package dev.aiapiserver;

import dev.aiapiserver.auth.UserInfo;
import dev.aiapiserver.testing.FaultyReviews;
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

/**
 * The packaged jar running {@code serve} as a separate process against a CRUD mock cluster (RBAC
 * from /rbac/cluster.yaml, token {@code dana-token} for user dana, one bare pod in namespace shop),
 * with self-signed certificates in a temporary folder. Stdout goes to a file; stderr where the test
 * says.
 */
final class ServeProcess implements AutoCloseable {
  final KubernetesMockServer mock;
  final Process process;
  final Path dir;
  final int port;
  private HttpClient http;

  private ServeProcess(KubernetesMockServer mock, Process process, Path dir, int port) {
    this.mock = mock;
    this.process = process;
    this.dir = dir;
    this.port = port;
  }

  /** Serve with its stderr in the file stderr.txt (see {@link #said}). */
  static ServeProcess start() throws Exception {
    return start(true);
  }

  /** Serve with its stderr a pipe nobody reads: once the pipe's buffer is full, every write blocks. */
  static ServeProcess startWithStderrNeverRead() throws Exception {
    return start(false);
  }

  private static ServeProcess start(boolean stderrToFile) throws Exception {
    FaultyReviews reviews = new FaultyReviews(new KubernetesCrudDispatcher(),
        Map.of("dana-token", new UserInfo("dana", "", List.of(), Map.of())));
    KubernetesMockServer mock = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), reviews,
        false);
    mock.init(InetAddress.getLoopbackAddress(), 0);
    try (KubernetesClient cluster = mock.createClient();
        InputStream rbac = ServeProcess.class.getResourceAsStream("/rbac/cluster.yaml")) {
      for (HasMetadata o : Serialization.<List<HasMetadata>>unmarshal(rbac)) {
        cluster.resource(o).create();
      }
      cluster.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("shop").endMetadata()
          .build()).create();
      cluster.pods().inNamespace("shop").resource(new PodBuilder().withNewMetadata().withName("debug-shell")
          .withNamespace("shop").endMetadata().withNewSpec().addNewContainer().withName("sh").withImage("busybox")
          .endContainer().endSpec().withNewStatus().withPhase("Running").endStatus().build()).create();
    }
    Path dir = Files.createTempDirectory("serve-process");
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
    int port;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    Path jar = Path.of(System.getProperty("aiapiserver.jar", "apiserver/target/ai-apiserver.jar"));
    Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
        jar.toString(), "serve", "--kubeconfig", kubeconfig.toString(), "--secure-port", Integer.toString(port),
        "--bind-address", "127.0.0.1", "--authentication-skip-lookup", "--cert-dir", dir.resolve("certs").toString())
        .redirectOutput(dir.resolve("stdout.txt").toFile())
        .redirectError(stderrToFile ? ProcessBuilder.Redirect.to(dir.resolve("stderr.txt").toFile())
            : ProcessBuilder.Redirect.PIPE)
        .start();
    return new ServeProcess(mock, process, dir, port);
  }

  /** Waits until the CA is written and /readyz answers 200. */
  void awaitReady() throws Exception {
    Path ca = dir.resolve("certs").resolve("ca.crt");
    awaitTrue(() -> Files.isRegularFile(ca), "the self-signed CA is written");
    http = HttpClient.newBuilder().sslContext(TlsClients.trusting(Files.readString(ca))).build();
    awaitTrue(() -> get("/readyz", null).statusCode() == 200, "serve is ready");
  }

  HttpResponse<String> get(String path, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(10));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Waits for a condition, failing at once (with what serve said) if the process has exited. */
  void awaitTrue(Await.Check check, String what) throws Exception {
    Await.until(what, Duration.ofSeconds(90), () -> {
      if (!process.isAlive()) {
        throw new AssertionError("serve exited (" + process.exitValue() + ") before: " + what + "\n" + said());
      }
      return check.holds();
    }, this::said);
  }

  /** What serve wrote to stderr, when it went to the file stderr.txt. */
  String said() throws Exception {
    Path stderr = dir.resolve("stderr.txt");
    return Files.isRegularFile(stderr) ? Files.readString(stderr) : "(stderr not kept)";
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
    }
    MockServers.destroy(mock);
  }
}
