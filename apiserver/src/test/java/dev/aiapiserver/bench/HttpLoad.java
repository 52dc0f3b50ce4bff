package dev.aiapiserver.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed-loop HTTP load with the JDK HttpClient: each client sends its next request when the last
 * response has been read to its end. Every response must be 200.
 */
final class HttpLoad {
  /** What one run measured. */
  record Run(Samples latencies, long requests, double seconds, long bytesPerResponse) {
    double perSecond() {
      return requests / seconds;
    }
  }

  private HttpLoad() {}

  /** One client, {@code count} requests one after the other. */
  static Run sequential(HttpClient client, HttpRequest request, int count) throws Exception {
    Samples samples = new Samples();
    long bytes = 0;
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      long t = System.nanoTime();
      bytes = send(client, request);
      samples.add(System.nanoTime() - t);
    }
    return new Run(samples, count, (System.nanoTime() - start) / 1e9, bytes);
  }

  /** {@code clients} clients sending as fast as their responses come back, for the duration. */
  static Run concurrent(HttpClient client, HttpRequest request, int clients, Duration duration) throws Exception {
    Samples samples = new Samples();
    AtomicLong bytes = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long start = System.nanoTime();
    long deadline = start + duration.toNanos();
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int i = 0; i < clients; i++) {
        workers.add(pool.submit(() -> {
          while (System.nanoTime() < deadline) {
            long t = System.nanoTime();
            bytes.set(send(client, request));
            samples.add(System.nanoTime() - t);
          }
          return null;
        }));
      }
      for (Future<?> w : workers) {
        w.get();
      }
    } finally {
      pool.shutdownNow();
    }
    return new Run(samples, samples.size(), (System.nanoTime() - start) / 1e9, bytes.get());
  }

  /** Sends, reads the whole body and, when the server compressed it, decompresses it as a client would. */
  private static long send(HttpClient client, HttpRequest request) throws Exception {
    HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    if (r.statusCode() != 200) {
      throw new IllegalStateException(request.uri() + " answered " + r.statusCode());
    }
    if (r.headers().firstValue("Content-Encoding").filter("gzip"::equalsIgnoreCase).isPresent()) {
      try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(r.body()))) {
        return in.readAllBytes().length;
      }
    }
    return r.body().length;
  }
}
