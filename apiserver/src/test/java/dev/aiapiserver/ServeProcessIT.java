package dev.aiapiserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Production's command, as an operator runs it: given a cluster reachable through a kubeconfig, when
 * the packaged jar runs {@code serve} with no certificate files, then it generates its serving
 * certificate, becomes ready, serves views to an authorized token, and stops on SIGTERM.
 */
class ServeProcessIT {
  static ServeProcess serve;

  @BeforeAll
  static void start() throws Exception {
    serve = ServeProcess.start();
  }

  @AfterAll
  static void stop() {
    if (serve != null) {
      serve.close();
    }
  }

  @Test
  void anOperatorStartsServeAndItServesUntilSigterm() throws Exception {
    serve.awaitReady();

    serve.awaitTrue(() -> serve.get("/apis/ai.k8s.io/v1alpha1/namespaces/shop/workloadsummaries/pod.debug-shell",
        "dana-token").statusCode() == 200, "the bare pod's summary is served");
    assertEquals(401, serve.get("/apis/ai.k8s.io/v1alpha1/workloadsummaries", "stolen").statusCode());

    serve.process.destroy(); // SIGTERM
    assertTrue(serve.process.waitFor(30, TimeUnit.SECONDS), "serve stops on SIGTERM");
    assertTrue(serve.said().contains("event=shutting_down"));
    assertTrue(serve.said().contains("event=stopped"), "the last line is written out before the process exits");
  }
}
