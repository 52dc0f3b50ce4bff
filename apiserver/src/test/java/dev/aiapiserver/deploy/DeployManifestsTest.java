package dev.aiapiserver.deploy;

import static dev.aiapiserver.deploy.DeployRenderings.NAMESPACE;
import static dev.aiapiserver.deploy.DeployRenderings.SERVER;
import static dev.aiapiserver.deploy.DeployRenderings.SERVICE_DNS_NAME;
import static dev.aiapiserver.deploy.DeployRenderings.TLS_SECRET;
import static dev.aiapiserver.deploy.DeployRenderings.serverContainer;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.APIService;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Given deploy/, when the real {@code kubectl kustomize} renders the base and each certificate
 * overlay, then the base installs the server without registering it, and each overlay registers
 * an APIService that kube-apiserver can trust. (RBAC: {@link DeployRbacTest}; pods: {@link DeployPodTest}.)
 */
class DeployManifestsTest {
  @TempDir static Path scratch;
  private static DeployRenderings deploy;

  @BeforeAll
  static void render() throws Exception {
    deploy = DeployRenderings.render(scratch);
  }

  static Stream<Named<RenderedManifests>> everyRendering() {
    return deploy.everyRendering();
  }

  static Stream<Named<RenderedManifests>> everyOverlay() {
    return deploy.everyOverlay();
  }

  @Test
  void theBaseAloneInstallsTheServerButRegistersNoApiServiceAndShipsNoKey() {
    RenderedManifests base = deploy.base();

    assertAll(
        () -> assertTrue(base.contains("Namespace")),
        () -> assertTrue(base.contains("Deployment")),
        () -> assertTrue(base.contains("Service")),
        () -> assertTrue(base.contains("PodDisruptionBudget")),
        () -> assertFalse(base.contains("APIService"),
            "an APIService without a trusted caBundle would break discovery cluster-wide"),
        () -> assertFalse(base.contains("Secret"), "the serving key comes from an overlay"));
  }

  @Test
  void theSelfSignedOverlayRefusesToRenderUntilTheCertsSubcommandHasRun() throws Exception {
    Path copy = DeployRenderings.copyWithoutGeneratedFiles(deploy.deploy(), scratch.resolve("without-certs"));

    String error = new Kustomization(copy.resolve("overlays/self-signed")).renderError();

    assertTrue(error.contains("generated/secret.yaml"), error);
  }

  @ParameterizedTest
  @MethodSource("everyRendering")
  void everyFieldIsOneKubernetesKnows(RenderedManifests rendering) {
    for (HasMetadata object : rendering.objects()) {
      assertEquals(List.of(), UnknownFields.in(object), object.getKind() + " " + object.getMetadata().getName());
    }
  }

  @ParameterizedTest
  @MethodSource("everyRendering")
  void everyNamespacedObjectLivesInAiSystemExceptTheAuthReaderBinding(RenderedManifests rendering) {
    for (HasMetadata object : rendering.objects()) {
      String namespace = object.getMetadata().getNamespace();
      if (object instanceof RoleBinding) {
        assertEquals("kube-system", namespace, "the auth reader Role exists only in kube-system");
      } else if (namespace != null) {
        assertEquals(NAMESPACE, namespace, object.getKind() + " " + object.getMetadata().getName());
      }
    }
  }

  @ParameterizedTest
  @MethodSource("everyOverlay")
  void theApiServiceRoutesAiK8sIoToTheServiceAndNeverSkipsTlsVerification(RenderedManifests overlay) {
    APIService apiService = overlay.one(APIService.class, "v1alpha1.ai.k8s.io");
    Service service = overlay.one(Service.class, SERVER);

    assertAll(
        () -> assertEquals("ai.k8s.io", apiService.getSpec().getGroup()),
        () -> assertEquals("v1alpha1", apiService.getSpec().getVersion()),
        () -> assertEquals(1000, apiService.getSpec().getGroupPriorityMinimum()),
        () -> assertEquals(15, apiService.getSpec().getVersionPriority()),
        () -> assertNotEquals(Boolean.TRUE, apiService.getSpec().getInsecureSkipTLSVerify()),
        () -> assertEquals(service.getMetadata().getName(), apiService.getSpec().getService().getName()),
        () -> assertEquals(service.getMetadata().getNamespace(), apiService.getSpec().getService().getNamespace()),
        () -> assertEquals(service.getSpec().getPorts().get(0).getPort(), apiService.getSpec().getService().getPort()));
  }

  @ParameterizedTest
  @MethodSource("everyOverlay")
  void everyOverlayRunsTheReleasedImage(RenderedManifests overlay) {
    assertEquals("ai-apiserver:0.1.0", serverContainer(overlay).getImage());
  }

  @Test
  void withCertManagerTheCaInjectorFillsTheCaBundleFromTheServingCertificate() {
    RenderedManifests certManager = deploy.certManager();
    APIService apiService = certManager.one(APIService.class, "v1alpha1.ai.k8s.io");
    String injectFrom = apiService.getMetadata().getAnnotations().get("cert-manager.io/inject-ca-from");
    assertNotNull(injectFrom, "the cainjector annotation names the serving Certificate");
    String[] namespaceAndName = injectFrom.split("/", 2);
    assertEquals(NAMESPACE, namespaceAndName[0]);
    Map<String, Object> spec = spec(certManager.oneGeneric("Certificate", namespaceAndName[1]));

    assertAll(
        () -> assertEquals(TLS_SECRET, spec.get("secretName"), "the Secret the pods mount"),
        () -> assertTrue(((List<?>) spec.get("dnsNames")).contains(SERVICE_DNS_NAME), "the name kube-apiserver dials"),
        () -> assertEquals("PKCS8", ((Map<?, ?>) spec.get("privateKey")).get("encoding")));

    // Issued by a CA Issuer, so renewals keep the same CA (and the caBundle stays valid), whose
    // CA certificate is itself issued in this overlay.
    String issuerName = (String) ((Map<?, ?>) spec.get("issuerRef")).get("name");
    Map<?, ?> ca = (Map<?, ?>) spec(certManager.oneGeneric("Issuer", issuerName)).get("ca");
    assertNotNull(ca, "the serving certificate is issued by a CA Issuer");
    GenericKubernetesResource caCertificate = certManager.generic("Certificate").stream()
        .filter(c -> ca.get("secretName").equals(spec(c).get("secretName")))
        .findFirst().orElseThrow(() -> new AssertionError("no Certificate produces the CA secret " + ca.get("secretName")));
    assertEquals(Boolean.TRUE, spec(caCertificate).get("isCA"));
  }

  @Test
  void withSelfSignedCertsTheCaBundleIsTheCaThatSignedTheServingCertificate() throws Exception {
    APIService apiService = deploy.selfSigned().one(APIService.class, "v1alpha1.ai.k8s.io");
    Secret secret = deploy.selfSigned().one(Secret.class, TLS_SECRET);
    assertNotNull(apiService.getSpec().getCaBundle(), "the overlay patches the caBundle in");

    X509Certificate ca = certificate(apiService.getSpec().getCaBundle());
    X509Certificate serving = certificate(secret.getData().get("tls.crt"));

    serving.verify(ca.getPublicKey()); // throws where kube-apiserver would say "x509: unknown authority"
    assertAll(
        () -> assertEquals("kubernetes.io/tls", secret.getType()),
        () -> assertEquals(NAMESPACE, secret.getMetadata().getNamespace()),
        () -> assertEquals(Set.of("tls.crt", "tls.key", "ca.crt"), secret.getData().keySet()),
        () -> assertTrue(serving.getSubjectAlternativeNames().stream().anyMatch(san -> san.get(1).equals(SERVICE_DNS_NAME)),
            "the certificate names " + SERVICE_DNS_NAME));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> spec(GenericKubernetesResource resource) {
    return (Map<String, Object>) resource.getAdditionalProperties().get("spec");
  }

  private static X509Certificate certificate(String base64Pem) throws Exception {
    return (X509Certificate) CertificateFactory.getInstance("X.509")
        .generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(base64Pem)));
  }
}
