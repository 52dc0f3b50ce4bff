package dev.aiapiserver.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiapiserver.e2e.Kubectl;
import io.fabric8.kubernetes.api.model.NamedCluster;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README's promise, end to end: given the packaged jar started as its own process with
 * no arguments but ports and a kubeconfig path, when a newcomer points the real kubectl at the kubeconfig it writes, then admin
 * sees the workloads of every namespace and the pods they came from, agent is served in shop and
 * refused anywhere else, and SIGTERM stops the demo.
 */
class DemoProcessIT {
  static Path dir;
  static Process demo;
  static Path kubeconfig;
  static Kubectl kubectl;

  @BeforeAll
  static void start() throws Exception {
    Path jar = Path.of(System.getProperty("aiapiserver.demo.jar", "demo/target/ai-apiserver-demo.jar"));
    assertTrue(Files.isRegularFile(jar), "the packaged jar is missing: " + jar.toAbsolutePath());
    dir = Files.createTempDirectory("demo-process");
    kubeconfig = dir.resolve("demo.kubeconfig");
    demo = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", jar.toString(), "--secure-port", "0", "--front-door-port", "0",
        "--kubeconfig-out", kubeconfig.toString())
        .redirectOutput(dir.resolve("stdout.txt").toFile())
        .redirectError(dir.resolve("stderr.txt").toFile())
        .start();
    awaitTrue(() -> Files.isRegularFile(kubeconfig), "the kubeconfig is written");
    awaitTrue(DemoProcessIT::ready, "the front door is ready");
    kubectl = new Kubectl("1.33", kubeconfig);
  }

  @AfterAll
  static void stop() throws Exception {
    if (demo != null && demo.isAlive()) {
      demo.destroyForcibly();
    }
  }

  @Test
  void aNewcomerFollowsTheReadme() throws Exception {
    String welcome = Files.readString(dir.resolve("stdout.txt"));
    assertTrue(welcome.contains("kubectl get wls -A"), welcome);
    assertTrue(welcome.contains(kubeconfig.toString()), welcome);

    String all = kubectl.ok("get", "wls", "-A");
    for (String namespace : new String[] {"shop", "payments", "batch", "kube-system"}) {
      assertTrue(all.lines().anyMatch(l -> l.startsWith(namespace + " ")), all);
    }
    assertTrue(all.contains("OOMKilled"), all);
    assertTrue(kubectl.ok("get", "pods", "-n", "shop").contains("checkout-"));

    assertTrue(kubectl.ok("--context", "demo-agent", "get", "wls", "-n", "shop").contains("deployment.web"));
    Kubectl.Result elsewhere = kubectl.run("--context", "demo-agent", "get", "wls", "-n", "payments");
    assertEquals(1, elsewhere.exitCode());
    assertTrue(elsewhere.stderr().startsWith("Error from server (Forbidden): workloadsummaries.ai.k8s.io"
        + " is forbidden: User \"agent\" cannot list resource \"workloadsummaries\""), elsewhere.stderr());
    Kubectl.Result everywhere = kubectl.run("--context", "demo-agent", "get", "wls", "-A");
    assertEquals(1, everywhere.exitCode());
    assertTrue(everywhere.stderr().contains("at the cluster scope"), everywhere.stderr());

    Kubectl.Result missing = kubectl.run("get", "wls", "deployment.nope", "-n", "shop");
    assertEquals("Error from server (NotFound): workloadsummaries.ai.k8s.io \"deployment.nope\" not found",
        missing.stderr().strip());

    demo.destroy(); // SIGTERM, as Ctrl-C or a container runtime would send
    assertTrue(demo.waitFor(30, TimeUnit.SECONDS), "the demo stops on SIGTERM");
    assertTrue(Files.readString(dir.resolve("stderr.txt")).contains("event=demo_stopping"));
  }

  private static boolean ready() {
    try {
      NamedCluster cluster = DemoTrust.cluster(kubeconfig);
      HttpResponse<String> answer = DemoTrust.client(DemoTrust.caPem(kubeconfig)).send(
          HttpRequest.newBuilder(URI.create(cluster.getCluster().getServer() + "/readyz"))
              .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
      return answer.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void awaitTrue(BooleanSupplier condition, String what) throws IOException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (!condition.getAsBoolean()) {
      if (!demo.isAlive()) {
        throw new AssertionError("the demo exited (" + demo.exitValue() + ") before: " + what + "\n"
            + Files.readString(dir.resolve("stderr.txt")));
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting: " + what);
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
    }
  }
}
