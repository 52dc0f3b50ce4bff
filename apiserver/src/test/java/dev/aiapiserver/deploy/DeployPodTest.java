package dev.aiapiserver.deploy;

import static dev.aiapiserver.deploy.DeployRenderings.NAMESPACE;
import static dev.aiapiserver.deploy.DeployRenderings.SERVER;
import static dev.aiapiserver.deploy.DeployRenderings.TLS_SECRET;
import static dev.aiapiserver.deploy.DeployRenderings.podSpec;
import static dev.aiapiserver.deploy.DeployRenderings.serverContainer;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Given the rendered base, then the server's pods run hardened (non-root, read-only root, no
 * privileges), are probed on /livez and /readyz, survive a node drain, and serve TLS on the port
 * the Service and the APIService point at.
 */
class DeployPodTest {
  @TempDir static Path scratch;
  private static RenderedManifests base;

  @BeforeAll
  static void render() throws Exception {
    base = DeployRenderings.render(scratch).base();
  }

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

  /** A container's setting wins over the pod's, as the kubelet applies them. */
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
}
