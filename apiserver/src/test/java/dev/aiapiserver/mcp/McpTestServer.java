package dev.aiapiserver.mcp;

import dev.aiapiserver.testing.MockServers;

import dev.aiapiserver.AiApiServer;
import dev.aiapiserver.ServingCertificate;
import dev.aiapiserver.auth.AuthenticationFlags;
import dev.aiapiserver.auth.UserInfo;
import dev.aiapiserver.certs.CertificateAuthority;
import dev.aiapiserver.certs.IssuedCertificate;
import dev.aiapiserver.certs.ServingNames;
import dev.aiapiserver.config.Command;
import dev.aiapiserver.config.CommandLine;
import dev.aiapiserver.testing.FaultyReviews;
import dev.aiapiserver.sources.SourceOptions;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The whole server on a mock cluster, reached as kube-apiserver reaches it: over TLS with the
 * front-proxy client certificate (CN front-proxy-client, from a request-header CA the server
 * trusts), the user in X-Remote-User and X-Remote-Group. The mock answers SubjectAccessReview from
 * the RBAC objects of rbac/cluster.yaml and mcp/rbac.yaml; the cluster is mcp/cluster.yaml.
 */
public final class McpTestServer implements AutoCloseable {
  /**
   * The cluster to start with: RBAC and object files (classpath resources, created in order), a
   * summary path that answers once the views are built, and what stands in front of the mock's
   * dispatcher (e.g. {@link dev.aiapiserver.mockcluster.KubeletLogs}).
   */
  public record Cluster(List<String> files, String readyPath, UnaryOperator<Dispatcher> front) {
    static final Cluster MCP = new Cluster(List.of("/rbac/cluster.yaml", "/mcp/rbac.yaml", "/mcp/cluster.yaml"),
        "/apis/ai.k8s.io/v1alpha1/namespaces/payments/workloadsummaries/cronjob.report", d -> d);
  }

  static final String PROXY = "/apis/ai.k8s.io/v1alpha1/mcpservers/views/proxy";
  public static final UserInfo AGENT = new UserInfo("system:serviceaccount:shop:agent", "",
      List.of("system:serviceaccounts", "system:serviceaccounts:shop"), Map.of());
  static final UserInfo DANA = new UserInfo("dana", "", List.of(), Map.of());
  static final UserInfo BOB = new UserInfo("bob", "", List.of(), Map.of());
  public static final UserInfo ADMIN = new UserInfo("admin", "", List.of("system:masters"), Map.of());

  final FaultyReviews reviews;
  final KubernetesMockServer mock;
  public final KubernetesClient cluster;
  final AiApiServer server;
  final CertificateAuthority servingCa;
  final Path dir;
  private final SSLContext frontProxyTls;
  private final String readyPath;
  final HttpClient http;

  McpTestServer(String... flags) throws Exception {
    this(Cluster.MCP, flags);
  }

  public McpTestServer(Cluster setup, String... flags) throws Exception {
    reviews = new FaultyReviews(new KubernetesCrudDispatcher(), Map.of("admin-token", ADMIN));
    mock = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), setup.front().apply(reviews),
        false);
    mock.init(InetAddress.getLoopbackAddress(), 0);
    cluster = mock.createClient();
    for (String file : setup.files()) {
      seed(load(file));
    }
    readyPath = setup.readyPath();
    dir = Files.createTempDirectory("mcp-e2e");
    CertificateAuthority frontProxyCa = CertificateAuthority.generate("front-proxy-ca");
    Path frontProxyCaFile = Files.writeString(dir.resolve("front-proxy-ca.crt"), frontProxyCa.certificatePem());
    IssuedCertificate frontProxy = frontProxyCa.issueClient("front-proxy-client", List.of(), Duration.ofDays(1));
    servingCa = CertificateAuthority.generate("serving-ca");
    IssuedCertificate serving = servingCa.issueServing(ServingNames.forService("ai-apiserver", "ai-system"),
        Duration.ofDays(1));

    List<String> args = new ArrayList<>(List.of("serve", "--secure-port=0", "--bind-address=127.0.0.1",
        "--authentication-skip-lookup", "--view-coalesce-interval=5ms", "--cluster-context-min-interval=10ms"));
    args.addAll(List.of(flags));
    Command.Serve serve = (Command.Serve) CommandLine.parse(args.toArray(String[]::new));
    server = AiApiServer.start(serve.options(), new AiApiServer.Wiring(cluster, cluster,
        SourceOptions.forMockServer(),
        new AuthenticationFlags(null, frontProxyCaFile, List.of("front-proxy-client"), List.of("X-Remote-User"),
            List.of("X-Remote-Group"), List.of("X-Remote-Extra-"), List.of("X-Remote-Uid")),
        ServingCertificate.of(serving.certificatePem(), serving.privateKeyPem())));
    frontProxyTls = tls(frontProxy);
    http = HttpClient.newBuilder().sslContext(frontProxyTls).version(HttpClient.Version.HTTP_2)
        .connectTimeout(Duration.ofSeconds(10)).build();
    await(() -> ready(), "server ready with views built");
  }

  private boolean ready() {
    try {
      HttpResponse<String> r = get("/readyz", ADMIN);
      return r.statusCode() == 200 && get("/apis/ai.k8s.io/v1alpha1/clustercontexts/current", ADMIN).statusCode() == 200
          && get(readyPath, ADMIN).statusCode() == 200;
    } catch (Exception e) {
      return false;
    }
  }

  /**
   * Creates the objects in their order (owners first). The mock gives every object a uid of its
   * own, so owner references are pointed at the uids their owners actually got.
   */
  private void seed(List<HasMetadata> objects) {
    Map<String, String> uids = new HashMap<>();
    for (HasMetadata o : objects) {
      if (o.getMetadata().getOwnerReferences() != null) {
        for (OwnerReference owner : o.getMetadata().getOwnerReferences()) {
          owner.setUid(uids.getOrDefault(o.getMetadata().getNamespace() + "/" + owner.getKind() + "/"
              + owner.getName(), owner.getUid()));
        }
      }
      o.getMetadata().setUid(null);
      HasMetadata created = cluster.resource(o).create();
      uids.put(o.getMetadata().getNamespace() + "/" + o.getKind() + "/" + o.getMetadata().getName(),
          created.getMetadata().getUid());
    }
  }

  static List<HasMetadata> load(String resource) throws Exception {
    try (InputStream in = McpTestServer.class.getResourceAsStream(resource)) {
      return Serialization.unmarshal(in);
    }
  }

  /** The serving CA, for clients (kubectl) that verify the server. */
  public String servingCaPem() {
    return servingCa.certificatePem();
  }

  public String url() {
    return "https://127.0.0.1:" + server.port();
  }

  /** An MCP agent with the SDK's own Streamable HTTP client, forwarded as user by the front proxy. */
  public McpSyncClient agent(UserInfo user) {
    HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(url())
        .endpoint(PROXY)
        .clientBuilder(HttpClient.newBuilder().sslContext(frontProxyTls).connectTimeout(Duration.ofSeconds(10)))
        .httpRequestCustomizer((request, method, uri, body, context) -> identify(request, user))
        .build();
    return McpClient.sync(transport).requestTimeout(Duration.ofSeconds(60))
        .clientInfo(new McpSchema.Implementation("test-agent", "1.0")).build();
  }

  /** A raw POST of an MCP message, as kube-apiserver forwards it for user. */
  HttpResponse<String> post(UserInfo user, String body, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url() + PROXY)).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i < headers.length; i += 2) {
      b.setHeader(headers[i], headers[i + 1]);
    }
    identify(b, user);
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> send(UserInfo user, String method, String path, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(30))
        .method(method, HttpRequest.BodyPublishers.noBody());
    for (int i = 0; i < headers.length; i += 2) {
      b.setHeader(headers[i], headers[i + 1]);
    }
    identify(b, user);
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> get(String path, UserInfo user) throws Exception {
    return send(user, "GET", path);
  }

  private static void identify(HttpRequest.Builder request, UserInfo user) {
    request.setHeader("X-Remote-User", user.name());
    for (String group : user.groups()) {
      request.header("X-Remote-Group", group);
    }
  }

  static void await(BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return;
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
    }
    throw new AssertionError("timed out waiting for " + what);
  }

  private SSLContext tls(IssuedCertificate client) throws Exception {
    char[] password = "test".toCharArray();
    KeyStore keys = KeyStore.getInstance("PKCS12");
    keys.load(null, null);
    keys.setKeyEntry("front-proxy", client.privateKey(), password, new Certificate[] {client.certificate()});
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(keys, password);
    KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
    trusted.load(null, null);
    trusted.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(
        new ByteArrayInputStream(servingCa.certificatePem().getBytes(StandardCharsets.UTF_8))));
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trusted);
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
    return ctx;
  }

  @Override
  public void close() {
    server.close();
    cluster.close();
    MockServers.destroy(mock);
  }
}
