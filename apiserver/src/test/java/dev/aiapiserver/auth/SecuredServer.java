package dev.aiapiserver.auth;

import dev.aiapiserver.testing.MockServers;

import dev.aiapiserver.testing.FaultyReviews;
import dev.aiapiserver.http.Json;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * A small HTTPS server secured by the real auth handlers, in the order the server installs them,
 * in front of a mock API server that answers TokenReview and SubjectAccessReview from the RBAC
 * objects it stores. Its last handler echoes the identity the request ended up with.
 */
final class SecuredServer implements AutoCloseable {
  static final String FRONT_PROXY_CN = "front-proxy-client";

  /** What varies between stories. */
  record Options(AuthorizationSettings authorization, Duration tokenCacheTtl, Clock clock,
      AuthenticationFlags flags, boolean publishConfigMap) {
    static Options defaults() {
      return new Options(AuthorizationSettings.defaults(), Duration.ofSeconds(10), Clock.systemUTC(),
          AuthenticationFlags.none(), true);
    }

    Options with(AuthorizationSettings settings) {
      return new Options(settings, tokenCacheTtl, clock, flags, publishConfigMap);
    }

    Options with(Clock clock) {
      return new Options(authorization, tokenCacheTtl, clock, flags, publishConfigMap);
    }

    Options with(AuthenticationFlags flags, boolean publishConfigMap) {
      return new Options(authorization, tokenCacheTtl, clock, flags, publishConfigMap);
    }
  }

  final TestPki.Authority clientCa = TestPki.authority("cluster-client-ca");
  final TestPki.Authority frontProxyCa = TestPki.authority("front-proxy-ca");
  final TestPki.Authority rogueCa = TestPki.authority("rogue-ca");
  final TestPki.Issued frontProxy = frontProxyCa.client(FRONT_PROXY_CN);
  final FaultyReviews reviews = new FaultyReviews(new KubernetesCrudDispatcher(), Map.of());
  final KubernetesMockServer mock =
      new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), reviews, false);
  final KubernetesClient kube;
  final AuthenticationConfigSource authConfig;
  final Vertx vertx = Vertx.vertx();
  private final TestPki.Authority servingCa = TestPki.authority("serving-ca");
  private final Map<TestPki.Issued, HttpClient> clients = new ConcurrentHashMap<>();
  private final HttpClient anonymousClient;
  private final HttpServer server;

  SecuredServer() throws Exception {
    this(Options.defaults());
  }

  SecuredServer(Options options) throws Exception {
    mock.init(InetAddress.getLoopbackAddress(), 0);
    // As the server configures its client: a failing review is retried once, not for a minute.
    kube = mock.createClient(builder -> builder.editOrNewConfig().withRequestRetryBackoffLimit(1).endConfig());
    applyRbac("/rbac/cluster.yaml");
    knowTokens();
    if (options.publishConfigMap()) {
      publishAuthenticationConfigMap(clientCa.pem(), frontProxyCa.pem(), List.of(FRONT_PROXY_CN));
    }
    authConfig = new AuthenticationConfigSource(kube, options.flags(), Duration.ofMillis(100));
    authConfig.start().toCompletableFuture().get(10, TimeUnit.SECONDS);

    Router router = Router.router(vertx);
    router.route().handler(new AuditLog());
    AuthenticationChain.handlers(vertx, kube, authConfig, options.tokenCacheTtl(), options.clock())
        .forEach(handler -> router.route().handler(handler));
    router.route().handler(SecuredServer::resolveRequest);
    router.route().handler(new Authorizer(vertx, kube, options.authorization(), options.clock()));
    router.route().handler(SecuredServer::echoIdentity);

    TestPki.Issued serving = servingCa.serverOnly("ai-apiserver");
    HttpServerOptions serverOptions = new ClientCertificateTrust(authConfig).applyTo(new HttpServerOptions()
        .setSsl(true)
        .setUseAlpn(true) // kube-apiserver and kubectl speak HTTP/2 to aggregated servers
        .setKeyCertOptions(new PemKeyCertOptions()
            .setCertValue(Buffer.buffer(serving.certificatePem()))
            .setKeyValue(Buffer.buffer(serving.keyPem()))));
    server = vertx.createHttpServer(serverOptions).requestHandler(router)
        .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    anonymousClient = httpClient(null);
  }

  /** Writes kube-system/extension-apiserver-authentication as kube-apiserver publishes it. */
  void publishAuthenticationConfigMap(String clientCaPem, String requestHeaderCaPem,
      List<String> allowedNames) {
    Map<String, String> data = new LinkedHashMap<>();
    data.put("client-ca-file", clientCaPem);
    data.put("requestheader-client-ca-file", requestHeaderCaPem);
    data.put("requestheader-allowed-names", Json.MAPPER.writeValueAsString(allowedNames));
    data.put("requestheader-username-headers", "[\"X-Remote-User\"]");
    data.put("requestheader-group-headers", "[\"X-Remote-Group\"]");
    data.put("requestheader-extra-headers-prefix", "[\"X-Remote-Extra-\"]");
    data.put("requestheader-uid-headers", "[\"X-Remote-Uid\"]");
    kube.configMaps().inNamespace("kube-system").resource(new ConfigMapBuilder()
        .withNewMetadata().withName("extension-apiserver-authentication").withNamespace("kube-system")
        .endMetadata().withData(data).build()).createOr(NonDeletingOperation::update);
  }

  /** Stores the RBAC objects of a YAML file under src/test/resources in the mock cluster. */
  void applyRbac(String resource) {
    try (var yaml = SecuredServer.class.getResourceAsStream(resource)) {
      kube.load(yaml).items().forEach(item -> kube.resource(item).create());
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Bearer tokens the mock's TokenReview knows, as a cluster's ServiceAccount and OIDC users. */
  void knowTokens() {
    reviews.putToken("alice-token", new UserInfo("alice", "u-alice", List.of("dev"), Map.of()));
    reviews.putToken("bob-token", new UserInfo("bob", "u-bob", List.of(), Map.of()));
    reviews.putToken("carol-token", new UserInfo("carol", "", List.of(), Map.of()));
    reviews.putToken("dana-token", new UserInfo("dana", "", List.of(), Map.of()));
    reviews.putToken("agent-token", new UserInfo("system:serviceaccount:shop:agent", "sa-uid",
        List.of("system:serviceaccounts", "system:serviceaccounts:shop"),
        Map.of("authentication.kubernetes.io/pod-name", List.of("agent-7d9"))));
  }

  String url() {
    return "https://127.0.0.1:" + server.actualPort();
  }

  String servingCaPem() {
    return servingCa.pem();
  }

  /** GET path as a client presenting clientCertificate (or none), with extra headers. */
  HttpResponse<String> get(String path, TestPki.Issued clientCertificate, String... headerPairs) {
    return send("GET", path, clientCertificate, headerPairs);
  }

  HttpResponse<String> send(String method, String path, TestPki.Issued clientCertificate,
      String... headerPairs) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + server.actualPort() + path))
        .timeout(Duration.ofSeconds(20))
        .method(method, HttpRequest.BodyPublishers.noBody());
    for (int i = 0; i < headerPairs.length; i += 2) {
      request.header(headerPairs[i], headerPairs[i + 1]);
    }
    HttpClient client = clientCertificate == null
        ? anonymousClient : clients.computeIfAbsent(clientCertificate, SecuredServer.this::httpClient);
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException("request " + method + " " + path + " failed", e);
    }
  }

  static UserInfo identityIn(HttpResponse<String> response) {
    return Json.MAPPER.readValue(response.body(), Echo.class).user();
  }

  static Echo echoIn(HttpResponse<String> response) {
    return Json.MAPPER.readValue(response.body(), Echo.class);
  }

  /** What the last handler saw. */
  record Echo(UserInfo user, List<String> identityHeaders, boolean authorizationHeader) {}

  private HttpClient httpClient(TestPki.Issued clientCertificate) {
    try {
      KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
      trusted.load(null, null);
      trusted.setCertificateEntry("serving-ca", servingCa.certificate());
      TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(trusted);
      SSLContext tls = SSLContext.getInstance("TLS");
      tls.init(clientCertificate == null ? null : new KeyManager[] {new PresentAlways(clientCertificate)},
          trust.getTrustManagers(), null);
      return HttpClient.newBuilder().sslContext(tls).version(HttpClient.Version.HTTP_2)
          .connectTimeout(Duration.ofSeconds(10)).build();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A client that sends its certificate whatever CAs the server names — as an attacker would. */
  private static final class PresentAlways extends X509ExtendedKeyManager {
    private final TestPki.Issued identity;

    PresentAlways(TestPki.Issued identity) {
      this.identity = identity;
    }

    @Override
    public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
      return "me";
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
      return "me";
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
      return new String[] {"me"};
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
      return new X509Certificate[] {identity.certificate()};
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
      return identity.key();
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
      return null;
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
      return null;
    }
  }

  /**
   * Stands in for the server's request-info resolution: /apis/{group}/{version}[/namespaces/{ns}]
   * /{resource}[/{name}[/{subresource}]] is a resource request, anything else a path. Like the
   * server's, it reads the path as sent.
   */
  private static void resolveRequest(RoutingContext ctx) {
    String path = ctx.request().path();
    String method = ctx.request().method().name().toLowerCase(Locale.ROOT);
    String[] parts = path.substring(1).split("/");
    RequestAttributes attributes;
    if (parts.length >= 4 && parts[0].equals("apis")) {
      int at = 3;
      String namespace = "";
      if (parts[3].equals("namespaces") && parts.length >= 6) {
        namespace = parts[4];
        at = 5;
      }
      String resource = parts[at];
      String name = parts.length > at + 1 ? parts[at + 1] : "";
      String subresource = parts.length > at + 2 ? parts[at + 2] : "";
      String verb = switch (method) {
        case "get" -> name.isEmpty() ? ("true".equals(ctx.request().getParam("watch")) ? "watch" : "list") : "get";
        case "post" -> "create";
        default -> method;
      };
      attributes = new RequestAttributes(true, verb, parts[1], parts[2], resource, subresource,
          namespace, name, path);
    } else {
      attributes = RequestAttributes.nonResource(path, method);
    }
    ctx.put(RequestAttributes.class.getName(), attributes);
    ctx.next();
  }

  private static void echoIdentity(RoutingContext ctx) {
    List<String> identityHeaders = new ArrayList<>();
    ctx.request().headers().names().stream()
        .filter(name -> name.toLowerCase(Locale.ROOT).startsWith("x-remote-"))
        .forEach(identityHeaders::add);
    Echo echo = new Echo(ctx.get(UserInfo.class.getName()), identityHeaders,
        ctx.request().getHeader("Authorization") != null);
    ctx.response().putHeader("Content-Type", "application/json").end(Buffer.buffer(Json.bytes(echo)));
  }

  @Override
  public void close() throws Exception {
    authConfig.close();
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    kube.close();
    MockServers.destroy(mock);
  }
}
