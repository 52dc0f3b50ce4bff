package dev.aiapiserver.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiapiserver.http.Json;
import dev.aiapiserver.testing.Await;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Given the server reaching its API server through a loopback proxy, when the proxy refuses
 * connections (cuts the watches) or swallows traffic (a partition: connections stay open, nothing
 * passes), then /readyz fails per informer and ClusterContext.freshness names the stale sources and
 * since when; and when the proxy forwards again, a change made meanwhile reaches the views within
 * seconds.
 */
class UpstreamOutageTest {
  static ReliableServer server;

  @BeforeAll
  static void start() throws Exception {
    server = new ReliableServer(List.of(), o -> o);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  static JsonNode freshness() throws Exception {
    HttpResponse<String> r = server.get("/apis/ai.k8s.io/v1alpha1/clustercontexts/current", ReliableServer.ADMIN);
    return Json.MAPPER.readTree(r.body()).path("freshness");
  }

  static boolean ready() throws Exception {
    return server.get("/readyz", null).statusCode() == 200;
  }

  static boolean summarized(String name) throws Exception {
    return server.get("/apis/ai.k8s.io/v1alpha1/namespaces/shop/workloadsummaries/deployment." + name,
        ReliableServer.ADMIN).statusCode() == 200;
  }

  @Test
  void anOutageIsVisibleInReadyzAndFreshnessAndTheViewsCatchUpWithinSecondsOfRecovery() throws Exception {
    for (LoopbackProxy.Mode outage : List.of(LoopbackProxy.Mode.REFUSE, LoopbackProxy.Mode.SWALLOW)) {
      assertTrue(ready());
      long began = System.nanoTime();
      server.proxy.mode(outage);
      Await.until("/readyz fails", Duration.ofSeconds(30), () -> !ready());
      long detectedMs = (System.nanoTime() - began) / 1_000_000;
      String verbose = server.get("/readyz?verbose", null).body();
      assertTrue(verbose.contains("[-]informer-sync:pods failed: stale since"), verbose);
      Await.until("freshness says stale", Duration.ofSeconds(10), () -> freshness().path("stale").size() > 0);
      JsonNode fresh = freshness();
      assertFalse(fresh.path("synced").asBoolean(), fresh.toString());
      assertTrue(fresh.path("stale").toString().contains("\"source\":\"pods\""), fresh.toString());

      String name = "after-" + outage.name().toLowerCase();
      server.deployment(name, 1); // straight to the mock: the server cannot see it yet
      long restored = System.nanoTime();
      server.proxy.mode(LoopbackProxy.Mode.FORWARD);
      Await.until("the change made during the outage is served", Duration.ofSeconds(60), () -> summarized(name));
      long viewMs = (System.nanoTime() - restored) / 1_000_000;
      Await.until("/readyz passes again", Duration.ofSeconds(60), UpstreamOutageTest::ready);
      long readyMs = (System.nanoTime() - restored) / 1_000_000;
      Await.until("freshness is clear", Duration.ofSeconds(10), () -> freshness().path("stale").isMissingNode());
      System.out.printf("upstream outage (%s): /readyz failed %d ms after it began; after recovery the views"
          + " showed a change made during the outage in %d ms, /readyz passed in %d ms%n", outage, detectedMs, viewMs,
          readyMs);
      assertTrue(viewMs <= 5_000, "views fresh within 5 s of recovery: " + viewMs + " ms");
    }
  }
}
