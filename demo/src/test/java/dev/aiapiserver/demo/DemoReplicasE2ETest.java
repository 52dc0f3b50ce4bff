package dev.aiapiserver.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiapiserver.e2e.Kubectl;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Given the demo with {@code --replicas 2}, whose front door sends each request to the next
 * replica (as kube-apiserver does with endpoint routing), when a user pages and watches with the
 * real kubectl, then every page and every watch works, and both replicas served them.
 */
class DemoReplicasE2ETest {
  static DemoCommand.RunningDemo demo;
  static Kubectl kubectl;

  @BeforeAll
  static void start() throws Exception {
    Path dir = Files.createTempDirectory("demo-replicas");
    DemoCommandLine command = DemoCommandLine.parse("--secure-port", "0", "--front-door-port", "0",
        "--kubeconfig-out", dir.resolve("kubeconfig").toString(), "--replicas", "2");
    demo = DemoCommand.start(command.server(), command.demo(), Clock.systemUTC());
    kubectl = new Kubectl("1.33", demo.kubeconfig());
  }

  @AfterAll
  static void stop() {
    demo.close();
  }

  @Test
  void kubectlPagesAndWatchesThroughTheFrontDoorSpreadOverTwoReplicas() throws Exception {
    assertEquals(2, demo.replicas().size());
    List<String> columns = List.of("get", "wls", "-A", "--no-headers", "-o",
        "custom-columns=NS:.metadata.namespace,NAME:.metadata.name");
    String unpaged = kubectl.ok(columns.toArray(String[]::new));
    for (int i = 0; i < 10; i++) {
      List<String> paged = new java.util.ArrayList<>(columns);
      paged.add("--chunk-size=2");
      assertEquals(unpaged, kubectl.ok(paged.toArray(String[]::new)), "kubectl --chunk-size=2, list " + i);
    }
    // the demo's pods change every few seconds: the watch that follows the list sees it
    try (Kubectl.Streaming w = kubectl.stream("get", "wls", "-A", "-w", "--output-watch-events")) {
      w.await("MODIFIED\\s+\\S+\\s+\\S+.*");
    }
    // the replicas are interchangeable: a page token from the first is served by the second
    String first = get(demo.replicas().get(0), "/apis/ai.k8s.io/v1alpha1/workloadsummaries?limit=3");
    String token = first.replaceAll("(?s).*\"continue\":\"([^\"]+)\".*", "$1");
    assertTrue(get(demo.replicas().get(1), "/apis/ai.k8s.io/v1alpha1/workloadsummaries?limit=3&continue=" + token)
        .contains("\"items\""));
  }

  private static String get(String replica, String path) throws Exception {
    HttpClient http = DemoTrust.client(DemoTrust.caPem(demo.kubeconfig()));
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(replica + path))
        .header("Authorization", "Bearer " + demo.users().adminToken()).timeout(Duration.ofSeconds(20)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
    return r.body();
  }
}
