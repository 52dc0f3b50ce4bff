package dev.aiapiserver.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiapiserver.config.ServerOptions;
import dev.aiapiserver.http.Json;
import dev.aiapiserver.testing.Await;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Given the whole server with kube-apiserver's connection rules (here with short timeouts: header
 * read 2 s, idle 3 s; at most 4 reads in flight), when clients connect and say nothing, send half a
 * request, go idle, or pile up requests, then connections are closed on time, file descriptors and
 * heap stay bounded, and overload is a 429 Status with Retry-After while probes still answer.
 */
class ConnectionAbuseTest {
  static final Duration HEADER_READ = Duration.ofSeconds(2);
  static final Duration IDLE = Duration.ofSeconds(3);
  static ReliableServer server;

  @BeforeAll
  static void start() throws Exception {
    server = new ReliableServer(List.of("--max-requests-inflight=4", "--max-mutating-requests-inflight=2"),
        o -> new ServerOptions(new ServerOptions.Serving(o.serving().securePort(), o.serving().bindAddress(),
            o.serving().tlsCertFile(), o.serving().tlsPrivateKeyFile(), o.serving().certDir(),
            o.serving().maxRequestBodyBytes(), new ServerOptions.Limits(4, 2, Duration.ofSeconds(20), 1800, 0,
                HEADER_READ, IDLE)), o.kubeconfig(), o.authentication(), o.authorization(), o.views(), o.verbosity()));
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  static long openFiles() throws IOException {
    try (var fds = Files.list(Path.of("/proc/self/fd"))) {
      return fds.count();
    }
  }

  static long usedHeapMiB() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
  }

  /** Waits until the server closes the connection; returns when it did, in ms since {@code since}. */
  static long closedAfter(InputStream in, long since) {
    try {
      while (in.read() >= 0) {
        // the server has nothing to say to half a request; keep reading until it closes
      }
    } catch (IOException e) {
      // reset: closed too
    }
    return (System.nanoTime() - since) / 1_000_000;
  }

  static Thread daemon(Runnable r) {
    Thread t = new Thread(r, "half-open-client");
    t.setDaemon(true);
    t.start();
    return t;
  }

  @Test
  void halfOpenAndSilentConnectionsAreClosedWithinTheHeaderTimeoutWithFilesAndHeapBounded() throws Exception {
    int tlsHalfHeaders = 300;
    int silentTcp = 100;
    long filesBefore = openFiles();
    long heapBefore = usedHeapMiB();
    ConcurrentLinkedQueue<Long> closedAfterMs = new ConcurrentLinkedQueue<>();
    List<Thread> readers = new ArrayList<>();
    List<Socket> sockets = new ArrayList<>();
    for (int i = 0; i < tlsHalfHeaders; i++) {
      SSLSocket s = server.raw().connect();
      s.setSoTimeout(0);
      OutputStream out = s.getOutputStream();
      out.write(("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Half: ").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      long sent = System.nanoTime();
      sockets.add(s);
      readers.add(daemon(() -> {
        try {
          closedAfterMs.add(closedAfter(s.getInputStream(), sent));
        } catch (IOException e) {
          closedAfterMs.add(0L);
        }
      }));
    }
    for (int i = 0; i < silentTcp; i++) {
      Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port()); // never starts TLS
      long opened = System.nanoTime();
      sockets.add(s);
      readers.add(daemon(() -> {
        try {
          closedAfterMs.add(closedAfter(s.getInputStream(), opened));
        } catch (IOException e) {
          closedAfterMs.add(0L);
        }
      }));
    }
    long filesPeak = openFiles();
    long heapPeak = usedHeapMiB();
    for (Thread t : readers) {
      t.join(TimeUnit.SECONDS.toMillis(30));
    }
    for (Socket s : sockets) {
      s.close();
    }
    Await.until("file descriptors released", Duration.ofSeconds(10), () -> openFiles() <= filesBefore + 20);
    long filesAfter = openFiles();
    long heapAfter = usedHeapMiB();
    long worst = closedAfterMs.stream().mapToLong(Long::longValue).max().orElse(-1);
    System.out.printf("half-open clients: %d TLS connections with half-sent headers + %d TCP connections that"
        + " never start TLS (header-read timeout %d s): %d of %d closed by the server, the last %d ms after its"
        + " last byte; open files before %d, with all open %d, after %d; used heap before %d MiB, with all open"
        + " %d MiB, after %d MiB%n", tlsHalfHeaders, silentTcp, HEADER_READ.toSeconds(), closedAfterMs.size(),
        tlsHalfHeaders + silentTcp, worst, filesBefore, filesPeak, filesAfter, heapBefore, heapPeak, heapAfter);
    assertEquals(tlsHalfHeaders + silentTcp, closedAfterMs.size(), "every connection closed by the server");
    assertTrue(worst <= HEADER_READ.toMillis() + 2500, "closed within the header timeout (+ a sweep, on a busy machine): " + worst);
    assertEquals(200, server.get("/livez", null).statusCode());
  }

  @Test
  void anIdleKeepAliveConnectionIsClosedButAQuietWatchIsNot() throws Exception {
    RawHttps raw = server.raw();
    try (SSLSocket idle = raw.connect(); SSLSocket watch = raw.connect()) {
      idle.setSoTimeout(0);
      watch.setSoTimeout(0);
      idle.getOutputStream().write("GET /livez HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      assertEquals(200, RawHttps.read(idle.getInputStream()).code());
      long answered = System.nanoTime();
      watch.getOutputStream().write(("GET /apis/ai.k8s.io/v1alpha1/namespaces/nobody/workloadsummaries?watch=1"
          + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + ReliableServer.ADMIN + "\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      InputStream watchIn = watch.getInputStream();
      long idleClosed = closedAfter(idle.getInputStream(), answered);
      System.out.printf("idle keep-alive connection closed %d ms after its last answer (idle timeout %d s)%n",
          idleClosed, IDLE.toSeconds());
      assertTrue(idleClosed >= IDLE.toMillis() - 100 && idleClosed <= IDLE.toMillis() + 1500, "" + idleClosed);
      // the watch (no events: an empty namespace, no bookmarks asked) outlives the idle timeout
      watch.setSoTimeout(200);
      try {
        int b = watchIn.read();
        assertTrue(b >= 0, "the quiet watch is still open");
      } catch (java.net.SocketTimeoutException stillOpen) {
        // nothing to read and not closed: as it should be
      }
    }
  }

  @Test
  void readsBeyondTheInFlightLimitGetA429WithRetryAfterWhileProbesAndWatchesGoOn() throws Exception {
    server.reviews.setAccessReviewLatency(Duration.ofSeconds(2)); // each of dana's requests waits on its review
    try {
      HttpClient http = server.http;
      List<CompletableFuture<HttpResponse<String>>> pending = IntStream.range(0, 12)
          .mapToObj(i -> http.sendAsync(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + server.port()
              + "/apis/ai.k8s.io/v1alpha1/namespaces/ns" + i + "/workloadsummaries"))
              .header("Authorization", "Bearer dana-token").timeout(Duration.ofSeconds(20)).build(),
              HttpResponse.BodyHandlers.ofString()))
          .toList();
      Await.until("requests in flight", Duration.ofSeconds(10), () -> pending.stream().filter(f -> f.isDone()).count() >= 8);
      long probe = System.nanoTime();
      assertEquals(200, server.get("/readyz", null).statusCode());
      long probeMs = (System.nanoTime() - probe) / 1_000_000;
      Map<Integer, Long> codes = pending.stream().map(CompletableFuture::join)
          .collect(Collectors.groupingBy(HttpResponse::statusCode, Collectors.counting()));
      HttpResponse<String> refused = pending.stream().map(CompletableFuture::join).filter(r -> r.statusCode() == 429)
          .findFirst().orElseThrow();
      JsonNode status = Json.MAPPER.readTree(refused.body());
      System.out.printf("in-flight limit 4 reads: 12 concurrent slow reads answered %s; /readyz meanwhile in %d ms%n",
          codes, probeMs);
      assertEquals(4L, codes.get(200));
      assertEquals(8L, codes.get(429));
      assertEquals("1", refused.headers().firstValue("Retry-After").orElse(""));
      assertEquals("TooManyRequests", status.path("reason").asString());
      assertEquals(1, status.path("details").path("retryAfterSeconds").asInt());
    } finally {
      server.reviews.setAccessReviewLatency(Duration.ZERO);
    }
  }

  @Test
  void requestLinesAndHeadersUpToAMebibyteAreServedAndLongerOnesGetAStatus() throws Exception {
    String values = IntStream.range(0, 9000).mapToObj(i -> "v" + i).collect(Collectors.joining(","));
    String selector = java.net.URLEncoder.encode("app in (" + values + ")", StandardCharsets.UTF_8);
    String path = "/apis/ai.k8s.io/v1alpha1/workloadsummaries?labelSelector=" + selector;
    HttpClient h2 = HttpClient.newBuilder().sslContext(server.tls).version(HttpClient.Version.HTTP_2).build();
    HttpResponse<String> viaH2 = h2.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + server.port() + path))
        .header("Authorization", "Bearer " + ReliableServer.ADMIN).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, viaH2.statusCode(), viaH2.body());
    assertEquals(HttpClient.Version.HTTP_2, viaH2.version());
    RawHttps.Response viaH1 = server.raw().exchange("GET " + path + " HTTP/1.1",
        Map.of("Authorization", "Bearer " + ReliableServer.ADMIN, "X-Big", "b".repeat(500_000)));
    assertEquals(200, viaH1.code(), viaH1.body());
    RawHttps.Response tooLongLine = server.raw().exchange("GET /healthz?x=" + "a".repeat(1_100_000) + " HTTP/1.1",
        Map.of());
    RawHttps.Response tooManyHeaders = server.raw().exchange("GET /healthz HTTP/1.1", Map.of("X-Big", "b".repeat(1_100_000)));
    System.out.printf("long requests: %d-byte request line served over HTTP/1.1 and HTTP/2; over 1 MiB: line %d,"
        + " headers %d%n", path.length(), tooLongLine.code(), tooManyHeaders.code());
    for (RawHttps.Response r : List.of(tooLongLine, tooManyHeaders)) {
      JsonNode status = Json.MAPPER.readTree(r.body());
      assertEquals("Status", status.path("kind").asString());
      assertEquals(r.code(), status.path("code").asInt());
    }
    assertEquals(414, tooLongLine.code());
    assertEquals(431, tooManyHeaders.code());
  }
}
