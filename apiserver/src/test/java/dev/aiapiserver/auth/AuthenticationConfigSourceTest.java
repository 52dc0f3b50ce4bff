package dev.aiapiserver.auth;

import dev.aiapiserver.testing.MockServers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CAs and names come from kube-system/extension-apiserver-authentication, which the cluster
 * rotates; the server follows without restart, and says so when it cannot read it.
 */
class AuthenticationConfigSourceTest {
  private static final Duration WATCH_DEADLINE = Duration.ofSeconds(15);
  private static final String WLS = "/apis/ai.k8s.io/v1alpha1/namespaces/shop/workloadsummaries";

  @TempDir
  Path files;

  @Test
  void givenTheFrontProxyCaIsRotatedInTheConfigMap_thenTheNewProxyCertificateIsTrustedAndTheOldOneNot()
      throws Exception {
    try (SecuredServer server = new SecuredServer()) {
      TestPki.Authority rotated = TestPki.authority("front-proxy-ca-2");
      TestPki.Issued newProxy = rotated.client(SecuredServer.FRONT_PROXY_CN);
      String[] forwardedDana = {"X-Remote-User", "dana"};
      assertEquals(401, server.get(WLS, newProxy, forwardedDana).statusCode());

      server.publishAuthenticationConfigMap(server.clientCa.pem(), rotated.pem(), List.of(SecuredServer.FRONT_PROXY_CN));

      Eventually.await(WATCH_DEADLINE, "the rotated front-proxy CA is trusted",
          () -> server.get(WLS, newProxy, forwardedDana).statusCode() == 200);
      assertEquals("dana", SecuredServer.identityIn(server.get(WLS, newProxy, forwardedDana)).name());
      assertEquals(401, server.get(WLS, server.frontProxy, forwardedDana).statusCode());
      assertEquals(List.of(rotated.certificate()), server.authConfig.current().requestHeaderCAs());
    }
  }

  @Test
  void givenTheClientCaIsRotatedToABundle_thenCertificatesOfBothCasAreAccepted() throws Exception {
    try (SecuredServer server = new SecuredServer()) {
      TestPki.Authority next = TestPki.authority("cluster-client-ca-2");
      TestPki.Issued fromNext = next.client("dana");
      TestPki.Issued fromCurrent = server.clientCa.client("dana");

      server.publishAuthenticationConfigMap(TestPki.pem(server.clientCa.certificate(), next.certificate()),
          server.frontProxyCa.pem(), List.of(SecuredServer.FRONT_PROXY_CN));

      Eventually.await(WATCH_DEADLINE, "the new client CA is trusted",
          () -> server.get(WLS, fromNext).statusCode() == 200);
      assertEquals(200, server.get(WLS, fromCurrent).statusCode());
    }
  }

  @Test
  void givenTheFrontProxyCaTurnsToGarbage_thenTheLastGoodCasStayInForceAndReadinessSaysWhy() throws Exception {
    try (SecuredServer server = new SecuredServer()) {
      String[] forwardedDana = {"X-Remote-User", "dana"};
      assertEquals(200, server.get(WLS, server.frontProxy, forwardedDana).statusCode());

      server.publishAuthenticationConfigMap(server.clientCa.pem(),
          "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n",
          List.of(SecuredServer.FRONT_PROXY_CN));

      Eventually.await(WATCH_DEADLINE, "the broken ConfigMap is reported",
          () -> server.authConfig.problem().isPresent());
      assertTrue(server.authConfig.problem().get().contains("requestheader-client-ca-file"),
          server.authConfig.problem().get());
      assertEquals(List.of(server.frontProxyCa.certificate()), server.authConfig.current().requestHeaderCAs());
      assertEquals(200, server.get(WLS, server.frontProxy, forwardedDana).statusCode());

      server.publishAuthenticationConfigMap(server.clientCa.pem(), server.frontProxyCa.pem(),
          List.of(SecuredServer.FRONT_PROXY_CN));
      Eventually.await(WATCH_DEADLINE, "the mended ConfigMap clears the problem",
          () -> server.authConfig.problem().isEmpty());
    }
  }

  @Test
  void givenTheAllowedNamesChange_thenACnNoLongerListedIsNoLongerAProxy() throws Exception {
    try (SecuredServer server = new SecuredServer()) {
      String[] forwardedDana = {"X-Remote-User", "dana"};
      assertEquals(200, server.get(WLS, server.frontProxy, forwardedDana).statusCode());

      server.publishAuthenticationConfigMap(server.clientCa.pem(), server.frontProxyCa.pem(), List.of("aggregator"));

      Eventually.await(WATCH_DEADLINE, "front-proxy-client is no longer allowed",
          () -> server.get(WLS, server.frontProxy, forwardedDana).statusCode() == 401);
    }
  }

  @Test
  void givenTheConfigMapIsForbidden_thenTheProblemIsReportedTheFlagsServeAndAGrantHeals() throws Exception {
    TestPki.Authority clientCa = TestPki.authority("flag-client-ca");
    Path clientCaFile = Files.writeString(files.resolve("client-ca.crt"), clientCa.pem());
    AtomicBoolean forbidden = new AtomicBoolean(true);
    KubernetesCrudDispatcher crud = new KubernetesCrudDispatcher();
    KubernetesMockServer mock = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return forbidden.get() ? forbiddenAnswer() : crud.dispatch(request);
          }
        }, false);
    mock.init(InetAddress.getLoopbackAddress(), 0);
    try (KubernetesClient kube = mock.createClient();
        AuthenticationConfigSource source = new AuthenticationConfigSource(kube, flagsWithClientCa(clientCaFile))) {
      source.start().toCompletableFuture().get(WATCH_DEADLINE.toSeconds(), TimeUnit.SECONDS);

      assertTrue(source.problem().orElseThrow().contains(
          "cannot read ConfigMap kube-system/extension-apiserver-authentication (HTTP 403"), source.problem().get());
      assertEquals(List.of(clientCa.certificate()), source.current().clientCAs());

      forbidden.set(false);
      TestPki.Authority frontProxyCa = TestPki.authority("front-proxy-ca");
      kube.configMaps().inNamespace("kube-system").resource(new io.fabric8.kubernetes.api.model.ConfigMapBuilder()
          .withNewMetadata().withName("extension-apiserver-authentication").endMetadata()
          .addToData("requestheader-client-ca-file", frontProxyCa.pem()).build()).create();

      Eventually.await(Duration.ofSeconds(30), "the ConfigMap is read once granted",
          () -> source.problem().isEmpty());
      assertEquals(List.of(frontProxyCa.certificate()), source.current().requestHeaderCAs());
      assertEquals(List.of(clientCa.certificate()), source.current().clientCAs(), "the flag still wins");
    } finally {
      MockServers.destroy(mock);
    }
  }

  @Test
  void givenNoConfigMapInTheCluster_thenTheProblemSaysItIsMissing() throws Exception {
    KubernetesMockServer mock = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
        new KubernetesCrudDispatcher(), false);
    mock.init(InetAddress.getLoopbackAddress(), 0);
    try (KubernetesClient kube = mock.createClient();
        AuthenticationConfigSource source = new AuthenticationConfigSource(kube, AuthenticationFlags.none())) {
      source.start().toCompletableFuture().get(WATCH_DEADLINE.toSeconds(), TimeUnit.SECONDS);

      assertEquals("ConfigMap kube-system/extension-apiserver-authentication not found;"
          + " serving with flag configuration only", source.problem().orElseThrow());
      assertEquals(AuthenticationConfig.empty(), source.current());
    } finally {
      MockServers.destroy(mock);
    }
  }

  @Test
  void givenAClientCaFileFlag_thenItOverridesTheConfigMapAndARewrittenFileIsPickedUp() throws Exception {
    TestPki.Authority first = TestPki.authority("file-ca-1");
    TestPki.Authority second = TestPki.authority("file-ca-2");
    Path clientCaFile = Files.writeString(files.resolve("client-ca.crt"), first.pem());
    try (SecuredServer server = new SecuredServer(
        SecuredServer.Options.defaults().with(flagsWithClientCa(clientCaFile), true))) {
      assertEquals(200, server.get(WLS, first.client("dana")).statusCode());
      assertEquals(401, server.get(WLS, server.clientCa.client("dana")).statusCode(),
          "the ConfigMap's client CA is overridden by the flag");

      Files.writeString(clientCaFile, "-----BEGIN CERTIFICATE-----\nhalf-writ");
      Eventually.await(WATCH_DEADLINE, "the broken file is reported",
          () -> server.authConfig.problem().isPresent());
      assertEquals(200, server.get(WLS, first.client("dana")).statusCode(), "the last good CA stays");

      Files.writeString(clientCaFile, second.pem());
      Eventually.await(WATCH_DEADLINE, "the rewritten CA file is used",
          () -> server.get(WLS, second.client("dana")).statusCode() == 200);
      assertEquals(401, server.get(WLS, first.client("dana")).statusCode());
      assertTrue(server.authConfig.problem().isEmpty());
    }
  }

  private static AuthenticationFlags flagsWithClientCa(Path clientCaFile) {
    return new AuthenticationFlags(clientCaFile, null, List.of(), List.of(), List.of(), List.of(), List.of());
  }

  private static MockResponse forbiddenAnswer() {
    return new MockResponse().setResponseCode(403).setHeader("Content-Type", "application/json")
        .setBody(Serialization.asJson(new StatusBuilder().withStatus("Failure").withCode(403).withReason("Forbidden")
            .withMessage("configmaps \"extension-apiserver-authentication\" is forbidden").build()));
  }
}
