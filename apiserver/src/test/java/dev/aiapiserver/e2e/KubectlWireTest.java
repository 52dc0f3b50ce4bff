package dev.aiapiserver.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import dev.aiapiserver.api.WorkloadSummary.Verdict;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Given the server over TLS, when a user runs the real kubectl (1.27 and 1.33), then it works cleanly. */
class KubectlWireTest {
  static WireServer server;
  static Path kubeconfig;

  @BeforeAll
  static void start() throws Exception {
    server = new WireServer();
    server.seed();
    kubeconfig = Kubectl.kubeconfig(Files.createTempDirectory("wire"), server.url(), server.ca.certificatePem(),
        "tester", null);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.27", "1.33"})
  void getAllNamespacesPrintsTheTable(String version) throws Exception {
    String out = new Kubectl(version, kubeconfig).ok("get", "wls", "-A");
    List<String> lines = out.lines().toList();
    assertTrue(lines.get(0).matches("NAMESPACE\\s+NAME\\s+KIND\\s+READY\\s+VERDICT\\s+REASON\\s+RESTARTS\\s+AGE"), out);
    assertEquals(6, lines.size(), out);
    assertTrue(out.contains("payments    deployment.ledger"), out);
    assertTrue(lines.stream().anyMatch(l -> l.matches("shop\\s+deployment.api\\s+Deployment\\s+2/3\\s+Degraded\\s+CrashLoopBackOff.*")), out);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.27", "1.33"})
  void namespaceByNameYamlJsonAndWide(String version) throws Exception {
    Kubectl k = new Kubectl(version, kubeconfig);
    assertEquals(4, k.ok("get", "wls", "-n", "shop").lines().count());
    assertTrue(k.ok("get", "wls", "deployment.api", "-n", "shop", "-o", "yaml").contains("verdict: Degraded"));
    assertTrue(k.ok("get", "wls", "deployment.api", "-n", "shop", "-o", "json").contains("\"verdict\": \"Degraded\""));
    String wide = k.ok("get", "wls", "-n", "shop", "-o", "wide");
    assertTrue(wide.lines().findFirst().orElseThrow().contains("MESSAGE"), wide);
    assertTrue(wide.contains("2/3 ready: CrashLoopBackOff"), wide);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.27", "1.33"})
  void selectorsAndPaging(String version) throws Exception {
    Kubectl k = new Kubectl(version, kubeconfig);
    String in = k.ok("get", "wls", "-A", "-l", "tier in (front,data)", "-o", "name");
    assertEquals(List.of("workloadsummary.ai.k8s.io/statefulset.db", "workloadsummary.ai.k8s.io/deployment.web"),
        in.lines().sorted(java.util.Comparator.reverseOrder()).toList(), in);
    String notin = k.ok("get", "wls", "-n", "shop", "-l", "tier notin (front,data)", "-o", "name");
    assertEquals("workloadsummary.ai.k8s.io/deployment.api", notin.strip());
    String field = k.ok("get", "wls", "-A", "--field-selector", "health.verdict=Failing", "-o", "name");
    assertEquals("workloadsummary.ai.k8s.io/deployment.ledger", field.strip());
    String paged = k.ok("get", "wls", "-A", "--chunk-size=2", "-o", "name");
    assertEquals(5, paged.lines().count(), paged);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.27", "1.33"})
  void discoveryCategoriesAndClusterContext(String version) throws Exception {
    Kubectl k = new Kubectl(version, kubeconfig);
    String resources = k.ok("api-resources", "--api-group=ai.k8s.io");
    assertTrue(resources.lines().anyMatch(l -> l.matches("workloadsummaries\\s+wls\\s+ai.k8s.io/v1alpha1\\s+true\\s+WorkloadSummary")), resources);
    assertTrue(resources.lines().anyMatch(l -> l.matches("clustercontexts\\s+cctx\\s+ai.k8s.io/v1alpha1\\s+false\\s+ClusterContext")), resources);
    assertTrue(k.ok("get", "ai", "-A").contains("deployment.ledger"));
    String cctx = k.ok("get", "cctx");
    assertTrue(cctx.lines().skip(1).findFirst().orElseThrow().matches("current\\s+v1.32.1\\s+2/3\\s+5\\s+2\\s+120m"), cctx);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.27", "1.33"})
  void watchPrintsTheNewStateWhenAVerdictChanges(String version) throws Exception {
    try (Kubectl.Streaming w = new Kubectl(version, kubeconfig).stream("get", "wls", "-n", "shop", "-w")) {
      w.await("statefulset.db\\s+StatefulSet\\s+1/1\\s+Healthy.*");
      server.summaries.commit(List.of(WireServer.summary("shop", "StatefulSet", "db", Verdict.Failing,
          "CrashLoopBackOff", 0, 1, java.util.Map.of("app", "db", "tier", "data"))), List.of());
      w.await("statefulset.db\\s+StatefulSet\\s+0/1\\s+Failing\\s+CrashLoopBackOff.*");
    } finally {
      server.summaries.commit(List.of(WireServer.summary("shop", "StatefulSet", "db", Verdict.Healthy, null, 1, 1,
          java.util.Map.of("app", "db", "tier", "data"))), List.of());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.27", "1.33"})
  void errorsReadLikeKubernetes(String version) throws Exception {
    Kubectl k = new Kubectl(version, kubeconfig);
    // Standalone, kubectl follows a NotFound by checking the namespace on /api/v1, which only a
    // cluster front serves; the exact message is checked through the demo's front door.
    Kubectl.Result missing = k.run("get", "wls", "deployment.nope", "-n", "shop");
    assertNotEquals(0, missing.exitCode());
    assertTrue(missing.stderr().contains("(NotFound)"), missing.stderr());
    Kubectl.Result badSelector = k.run("get", "wls", "-A", "-l", "app in (a");
    assertNotEquals(0, badSelector.exitCode());
    assertTrue(badSelector.stderr().contains("unable to parse requirement"), badSelector.stderr());
    Kubectl.Result badField = k.run("get", "wls", "-A", "--field-selector", "spec.nodeName=x");
    assertTrue(badField.stderr().contains("field label not supported: spec.nodeName"), badField.stderr());
    Kubectl.Result delete = k.run("delete", "wls", "deployment.api", "-n", "shop");
    assertNotEquals(0, delete.exitCode());
    assertTrue(delete.stderr().contains("MethodNotAllowed") || delete.stderr().contains("does not allow this method"),
        delete.stderr());
  }
}
