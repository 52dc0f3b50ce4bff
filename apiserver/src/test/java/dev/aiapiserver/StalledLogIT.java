package dev.aiapiserver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Given serve's stderr stops being read (a stuck log collector, a full pipe), when clients keep
 * sending requests, then every request is still answered: log lines (one audit line per request)
 * are written from a queue of their own and dropped when it is full, never on an event loop.
 */
class StalledLogIT {
  /** About 200 bytes of audit line each: far more than a pipe's 64 KiB buffer holds. */
  private static final int REQUESTS = 2_000;

  static ServeProcess serve;

  @BeforeAll
  static void start() throws Exception {
    serve = ServeProcess.startWithStderrNeverRead();
  }

  @AfterAll
  static void stop() {
    if (serve != null) {
      serve.close();
    }
  }

  @Test
  void givenStderrIsNeverRead_whenThousandsOfRequestsArrive_thenEveryOneIsAnswered() throws Exception {
    serve.awaitReady();

    List<Integer> codes = new ArrayList<>();
    for (int i = 0; i < REQUESTS; i++) {
      codes.add(serve.get("/apis/ai.k8s.io/v1alpha1/namespaces/shop/workloadsummaries/pod.debug-shell-" + i,
          "dana-token").statusCode());
    }

    assertEquals(List.of(404), codes.stream().distinct().toList(), "every request answered (the views do not exist)");
  }
}
