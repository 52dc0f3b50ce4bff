package dev.aiapiserver.deploy;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.APIService;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Given the manifests in deploy/, when the real {@code kubectl kustomize} renders the base and
 * each overlay, then a cluster admin gets a least-privilege, hardened, highly available install
 * whose APIService kube-apiserver can trust.
 */
class DeployManifestsTest {
  private static final String NAMESPACE = "ai-system";
  private static final String SERVER = "ai-apiserver";
  private static final String SERVICE_DNS_NAME = "ai-apiserver.ai-system.svc";
  private static final String TLS_SECRET = "ai-apiserver-tls";
  private static final Set<String> READ_VERBS = Set.of("get", "list", "watch");
  private static final String AGGREGATE_TO = "rbac.authorization.k8s.io/aggregate-to-";

  @TempDir static Path scratch;
  private static Path deploy;
  private static RenderedManifests base;
  private static RenderedManifests certManager;
  private static RenderedManifests selfSigned;

  @BeforeAll
  static void renderEveryKustomization() throws Exception {
    deploy = locateDeployFolder();
    base = new Kustomization(deploy.resolve("base")).render();
    certManager = new Kustomization(deploy.resolve("overlays/cert-manager")).render();
    // The self-signed overlay consumes what the certs subcommand writes into generated/;
    // render a copy with freshly written throwaway files, never the developer's real ones.
    Path copy = copyWithoutGeneratedFiles(deploy, scratch.resolve("with-certs"));
    CertsSubcommandOutput.writeTo(copy.resolve("overlays/self-signed/generated"), SERVER, NAMESPACE);
    selfSigned = new Kustomization(copy.resolve("overlays/self-signed")).render();
  }

  static Stream<Named<RenderedManifests>> everyRendering() {
    return Stream.of(Named.of("base", base), Named.of("cert-manager overlay", certManager),
        Named.of("self-signed overlay", selfSigned));
  }

  static Stream<Named<RenderedManifests>> everyOverlay() {
    return Stream.of(Named.of("cert-manager overlay", certManager), Named.of("self-signed overlay", selfSigned));
  }

  // --- what the base is, and what it leaves to the overlays ---------------------------------

  @Test
  void theBaseAloneInstallsTheServerButRegistersNoApiServiceAndShipsNoKey() {
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
  void theSelfSignedOverlayRefusesToRenderUntilTheCertsSubcommandHasRun() throws IOException {
    Path copy = copyWithoutGeneratedFiles(deploy, scratch.resolve("without-certs"));

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

  // --- least privilege ---------------------------------------------------------------------

  @Test
  void theServerMayOnlyReadTheSourcesItDerivesViewsFrom() {
    ClusterRole sources = roleBoundToTheServer(base);

    Set<String> granted = new HashSet<>();
    for (PolicyRule rule : sources.getRules()) {
      assertEquals(READ_VERBS, Set.copyOf(rule.getVerbs()), "verbs of " + rule);
      assertEquals(List.of(), rule.getResourceNames(), "no rule is narrowed to names by accident");
      rule.getApiGroups().forEach(group -> rule.getResources().forEach(r -> granted.add(group + "/" + r)));
    }
    assertEquals(
        Set.of("/pods", "/services", "/nodes", "/namespaces", "/events",
            "apps/replicasets", "apps/deployments", "apps/statefulsets", "apps/daemonsets",
            "batch/jobs", "batch/cronjobs"),
        granted);
  }

  @ParameterizedTest
  @MethodSource("everyRendering")
  void noRoleGrantsWildcardsSecretsConfigMapsOrAnyWriteExceptTheMcpDoor(RenderedManifests rendering) {
    List<PolicyRule> rules = new ArrayList<>();
    rendering.all(ClusterRole.class).forEach(role -> rules.addAll(role.getRules()));
    rendering.all(Role.class).forEach(role -> rules.addAll(role.getRules()));
    assertFalse(rules.isEmpty());

    for (PolicyRule rule : rules) {
      assertAll(
          () -> assertFalse(rule.getApiGroups().contains("*"), "wildcard group in " + rule),
          () -> assertFalse(rule.getResources().contains("*"), "wildcard resource in " + rule),
          () -> assertFalse(rule.getVerbs().contains("*"), "wildcard verb in " + rule),
          () -> assertEquals(List.of(), rule.getNonResourceURLs(), "non-resource URLs in " + rule),
          () -> assertFalse(rule.getResources().contains("secrets"), "Secrets in " + rule),
          () -> assertFalse(rule.getResources().contains("configmaps"), "ConfigMaps in " + rule));
      if (rule.getResources().equals(List.of("mcpservers/proxy"))) {
        assertEquals(Set.of("create", "get"), Set.copyOf(rule.getVerbs()), "the MCP door: " + rule);
      } else {
        assertTrue(READ_VERBS.containsAll(rule.getVerbs()), "only get/list/watch: " + rule);
      }
    }
  }

  @Test
  void kubeApiserverDelegationIsGrantedOnlyThroughTheStandardRoles() {
    ClusterRoleBinding delegator = base.all(ClusterRoleBinding.class).stream()
        .filter(b -> b.getRoleRef().getName().equals("system:auth-delegator"))
        .findFirst().orElseThrow(() -> new AssertionError("no binding to system:auth-delegator"));
    RoleBinding authReader = base.all(RoleBinding.class).stream()
        .filter(b -> b.getRoleRef().getName().equals("extension-apiserver-authentication-reader"))
        .findFirst().orElseThrow(() -> new AssertionError("no binding to extension-apiserver-authentication-reader"));

    assertAll(
        () -> assertEquals("ClusterRole", delegator.getRoleRef().getKind()),
        () -> assertServerIsTheOnlySubject(delegator.getSubjects()),
        () -> assertEquals("Role", authReader.getRoleRef().getKind()),
        () -> assertEquals("kube-system", authReader.getMetadata().getNamespace()),
        () -> assertServerIsTheOnlySubject(authReader.getSubjects()),
        () -> assertEquals(List.of(), base.all(Role.class), "no Role of our own; the standard one suffices"));
  }

  @Test
  void theBindingsNameTheServiceAccountThePodsRunAs() {
    ServiceAccount account = base.one(ServiceAccount.class, SERVER);

    assertEquals(NAMESPACE, account.getMetadata().getNamespace());
    assertEquals(SERVER, podSpec(base).getServiceAccountName());
    assertTrue(podSpec(base).getAutomountServiceAccountToken(), "the server calls kube-apiserver as itself");
  }

  // --- who may read the views -----------------------------------------------------------------

  @Test
  void viewersEditorsAndAdminsCanReadEveryViewAndNothingMore() {
    ClusterRole readViews = aggregatedRoles(base).stream()
        .filter(role -> role.getRules().stream().anyMatch(r -> r.getResources().contains("workloadsummaries")))
        .findFirst().orElseThrow(() -> new AssertionError("no aggregated role for the views"));

    Map<String, String> labels = readViews.getMetadata().getLabels();
    assertAll(
        () -> assertEquals("true", labels.get(AGGREGATE_TO + "view")),
        () -> assertEquals("true", labels.get(AGGREGATE_TO + "edit")),
        () -> assertEquals("true", labels.get(AGGREGATE_TO + "admin")));
    assertEquals(1, readViews.getRules().size());
    PolicyRule rule = readViews.getRules().get(0);
    assertAll(
        () -> assertEquals(List.of("ai.k8s.io"), rule.getApiGroups()),
        () -> assertEquals(Set.of("workloadsummaries", "clustercontexts", "mcpservers"), Set.copyOf(rule.getResources())),
        () -> assertEquals(READ_VERBS, Set.copyOf(rule.getVerbs())));
  }

  @Test
  void talkingToTheMcpDoorIsAGrantOfItsOwnNotPartOfView() {
    ClusterRole mcp = base.all(ClusterRole.class).stream()
        .filter(role -> role.getRules().stream().anyMatch(r -> r.getResources().contains("mcpservers/proxy")))
        .findFirst().orElseThrow(() -> new AssertionError("no role for mcpservers/proxy"));

    assertTrue(mcp.getMetadata().getLabels().keySet().stream().noneMatch(key -> key.startsWith(AGGREGATE_TO)),
        "the MCP role must not join view, edit or admin: " + mcp.getMetadata().getLabels());
    assertTrue(aggregatedRoles(base).stream()
            .flatMap(role -> role.getRules().stream())
            .noneMatch(rule -> rule.getResources().contains("mcpservers/proxy")),
        "no aggregated role opens the MCP door");
  }

  // --- the pods -----------------------------------------------------------------------------------

  @Test
  void theServerRunsAsAFixedNonRootUserWithNoPrivilegesOnAReadOnlyRoot() {
    PodSecurityContext pod = podSpec(base).getSecurityContext();
    SecurityContext container = serverContainer(base).getSecurityContext();
    assertNotNull(container, "the container sets its own securityContext");

    assertAll(
        () -> assertEquals(Boolean.TRUE, effective(container.getRunAsNonRoot(), pod.getRunAsNonRoot())),
        () -> assertNotNull(effective(container.getRunAsUser(), pod.getRunAsUser()), "a fixed uid"),
        () -> assertNotEquals(0L, effective(container.getRunAsUser(), pod.getRunAsUser())),
        () -> assertNotEquals(0L, effective(container.getRunAsGroup(), pod.getRunAsGroup())),
        () -> assertEquals(Boolean.FALSE, container.getAllowPrivilegeEscalation()),
        () -> assertEquals(Boolean.TRUE, container.getReadOnlyRootFilesystem()),
        () -> assertEquals(List.of("ALL"), container.getCapabilities().getDrop()),
        () -> assertEquals(List.of(), container.getCapabilities().getAdd()),
        () -> assertEquals(Boolean.FALSE, Objects.requireNonNullElse(container.getPrivileged(), false)),
        () -> assertEquals("RuntimeDefault",
            effective(container.getSeccompProfile(), pod.getSeccompProfile()).getType()),
        () -> assertEquals("restricted",
            base.one(Namespace.class, NAMESPACE).getMetadata().getLabels().get("pod-security.kubernetes.io/enforce"),
            "the namespace enforces the restricted Pod Security Standard"));
  }

  @Test
  void kubeletProbesCheckLivezAndReadyzOverHttpsOnTheServingPort() {
    Container server = serverContainer(base);

    assertAll(
        () -> assertHttpsProbe(server, server.getStartupProbe(), "/livez"),
        () -> assertHttpsProbe(server, server.getLivenessProbe(), "/livez"),
        () -> assertHttpsProbe(server, server.getReadinessProbe(), "/readyz"));
  }

  @Test
  void twoReplicasSpreadOverNodesAndADrainOrUpgradeKeepsOneServing() {
    Deployment deployment = base.one(Deployment.class, SERVER);
    Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
    PodDisruptionBudget budget = base.one(PodDisruptionBudget.class, SERVER);
    List<TopologySpreadConstraint> spread = podSpec(base).getTopologySpreadConstraints();

    assertAll(
        () -> assertEquals(2, deployment.getSpec().getReplicas()),
        () -> assertEquals(new IntOrString(0), deployment.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable()),
        () -> assertEquals(new IntOrString(1), budget.getSpec().getMinAvailable()),
        () -> assertTrue(selects(budget.getSpec().getSelector().getMatchLabels(), podLabels), "the PDB covers the pods"),
        () -> assertTrue(spread.stream().anyMatch(c -> c.getTopologyKey().equals("kubernetes.io/hostname")
                && selects(c.getLabelSelector().getMatchLabels(), podLabels)),
            "the replicas spread over nodes: " + spread));
  }

  @Test
  void theServerServesTlsFromTheMountedSecretWithBoundedResources() {
    PodSpec pod = podSpec(base);
    Container server = serverContainer(base);
    Map<String, Quantity> requests = server.getResources().getRequests();
    Map<String, Quantity> limits = server.getResources().getLimits();

    assertAll(
        () -> assertEquals(List.of("serve", "--secure-port=8443",
            "--tls-cert-file=/etc/ai-apiserver/tls/tls.crt",
            "--tls-private-key-file=/etc/ai-apiserver/tls/tls.key"), server.getArgs()),
        () -> assertEquals(TLS_SECRET, volumeMountedAt(pod, server, "/etc/ai-apiserver/tls").getSecret().getSecretName()),
        () -> assertNotNull(volumeMountedAt(pod, server, "/tmp").getEmptyDir(), "a writable /tmp for the JVM"),
        () -> assertTrue(server.getEnv().stream().anyMatch(e -> e.getName().equals("JAVA_TOOL_OPTIONS")
            && e.getValue().contains("-XX:MaxRAMPercentage=")), "the heap follows the memory limit"),
        () -> assertEquals(new Quantity("100m"), requests.get("cpu")),
        () -> assertEquals(new Quantity("1"), limits.get("cpu")),
        () -> assertEquals(new Quantity("256Mi"), requests.get("memory")),
        () -> assertEquals(new Quantity("512Mi"), limits.get("memory")));
  }

  @Test
  void theServiceSendsPort443ToTheServingPort() {
    Service service = base.one(Service.class, SERVER);
    ServicePort port = service.getSpec().getPorts().get(0);
    Map<String, String> podLabels = base.one(Deployment.class, SERVER).getSpec().getTemplate().getMetadata().getLabels();

    assertAll(
        () -> assertEquals(NAMESPACE, service.getMetadata().getNamespace()),
        () -> assertEquals(1, service.getSpec().getPorts().size()),
        () -> assertEquals(443, port.getPort()),
        () -> assertEquals(8443, containerPort(serverContainer(base), port.getTargetPort())),
        () -> assertTrue(selects(service.getSpec().getSelector(), podLabels), "the Service selects the pods"));
  }

  // --- the overlays: APIService and certificates -----------------------------------------------

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
    APIService apiService = certManager.one(APIService.class, "v1alpha1.ai.k8s.io");
    String injectFrom = apiService.getMetadata().getAnnotations().get("cert-manager.io/inject-ca-from");
    assertEquals(NAMESPACE + "/", injectFrom.substring(0, injectFrom.indexOf('/') + 1));
    GenericKubernetesResource serving = certManager.oneGeneric("Certificate", injectFrom.substring(injectFrom.indexOf('/') + 1));
    Map<String, Object> spec = spec(serving);

    assertAll(
        () -> assertEquals(TLS_SECRET, spec.get("secretName"), "the Secret the pods mount"),
        () -> assertTrue(((List<?>) spec.get("dnsNames")).contains(SERVICE_DNS_NAME), "the name kube-apiserver dials"),
        () -> assertEquals("PKCS8", ((Map<?, ?>) spec.get("privateKey")).get("encoding")));

    // The serving certificate must come from a CA Issuer (a stable CA across rotations) whose CA
    // certificate is itself issued in this overlay.
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
    APIService apiService = selfSigned.one(APIService.class, "v1alpha1.ai.k8s.io");
    Secret secret = selfSigned.one(Secret.class, TLS_SECRET);
    assertNotNull(apiService.getSpec().getCaBundle(), "the overlay patches the caBundle in");

    X509Certificate ca = certificate(apiService.getSpec().getCaBundle());
    X509Certificate serving = certificate(secret.getData().get("tls.crt"));

    serving.verify(ca.getPublicKey()); // throws when kube-apiserver would say "x509: unknown authority"
    assertAll(
        () -> assertEquals("kubernetes.io/tls", secret.getType()),
        () -> assertEquals(NAMESPACE, secret.getMetadata().getNamespace()),
        () -> assertEquals(Set.of("tls.crt", "tls.key", "ca.crt"), secret.getData().keySet()),
        () -> assertTrue(serving.getSubjectAlternativeNames().stream().anyMatch(san -> san.get(1).equals(SERVICE_DNS_NAME)),
            "the certificate names " + SERVICE_DNS_NAME));
  }

  // --- helpers ------------------------------------------------------------------------------------

  private static Path locateDeployFolder() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("deploy/base/kustomization.yaml"))) {
        return dir.resolve("deploy");
      }
    }
    throw new AssertionError("no deploy/base/kustomization.yaml above " + Path.of("").toAbsolutePath());
  }

  /** Copies deploy/ but leaves out whatever the certs subcommand may have written locally. */
  private static Path copyWithoutGeneratedFiles(Path from, Path to) throws IOException {
    Path generated = from.resolve("overlays/self-signed/generated");
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path source : paths.toList()) {
        boolean generatedFile = source.startsWith(generated) && !source.equals(generated)
            && !source.getFileName().toString().equals("README.md");
        if (!generatedFile) {
          Path target = to.resolve(from.relativize(source).toString());
          if (Files.isDirectory(source)) {
            Files.createDirectories(target);
          } else {
            Files.copy(source, target);
          }
        }
      }
    }
    return to;
  }

  private static ClusterRole roleBoundToTheServer(RenderedManifests rendering) {
    List<ClusterRole> bound = rendering.all(ClusterRoleBinding.class).stream()
        .filter(b -> b.getSubjects().stream().anyMatch(DeployManifestsTest::isServer))
        .map(b -> b.getRoleRef().getName())
        .flatMap(name -> rendering.all(ClusterRole.class).stream().filter(r -> r.getMetadata().getName().equals(name)))
        .toList();
    assertEquals(1, bound.size(), "exactly one ClusterRole of our own is bound to the server: " + bound);
    return bound.get(0);
  }

  private static List<ClusterRole> aggregatedRoles(RenderedManifests rendering) {
    return rendering.all(ClusterRole.class).stream()
        .filter(role -> role.getMetadata().getLabels().keySet().stream().anyMatch(key -> key.startsWith(AGGREGATE_TO)))
        .toList();
  }

  private static void assertServerIsTheOnlySubject(List<Subject> subjects) {
    assertEquals(1, subjects.size(), subjects.toString());
    assertTrue(isServer(subjects.get(0)), subjects.toString());
  }

  private static boolean isServer(Subject subject) {
    return subject.getKind().equals("ServiceAccount")
        && subject.getName().equals(SERVER)
        && subject.getNamespace().equals(NAMESPACE);
  }

  private static PodSpec podSpec(RenderedManifests rendering) {
    return rendering.one(Deployment.class, SERVER).getSpec().getTemplate().getSpec();
  }

  private static Container serverContainer(RenderedManifests rendering) {
    List<Container> containers = podSpec(rendering).getContainers();
    assertEquals(1, containers.size(), "one container: the server");
    return containers.get(0);
  }

  private static <T> T effective(T containerValue, T podValue) {
    return containerValue != null ? containerValue : podValue;
  }

  private static void assertHttpsProbe(Container container, Probe probe, String path) {
    assertNotNull(probe, "probe on " + path);
    HTTPGetAction get = probe.getHttpGet();
    assertAll(
        () -> assertEquals(path, get.getPath()),
        () -> assertEquals("HTTPS", get.getScheme()),
        () -> assertEquals(8443, containerPort(container, get.getPort())));
  }

  /** A port given by number or by name, resolved against the container's ports. */
  private static int containerPort(Container container, IntOrString port) {
    if (port.getIntVal() != null) {
      return port.getIntVal();
    }
    return container.getPorts().stream()
        .filter(p -> port.getStrVal().equals(p.getName()))
        .map(ContainerPort::getContainerPort)
        .findFirst().orElseThrow(() -> new AssertionError("no container port named " + port.getStrVal()));
  }

  private static Volume volumeMountedAt(PodSpec pod, Container container, String path) {
    String name = container.getVolumeMounts().stream()
        .filter(m -> m.getMountPath().equals(path))
        .map(VolumeMount::getName)
        .findFirst().orElseThrow(() -> new AssertionError("nothing mounted at " + path));
    return pod.getVolumes().stream().filter(v -> v.getName().equals(name)).findFirst().orElseThrow();
  }

  private static boolean selects(Map<String, String> selector, Map<String, String> labels) {
    return !selector.isEmpty() && labels.entrySet().containsAll(selector.entrySet());
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
