package dev.aiapiserver.bench;

import dev.aiapiserver.AiApiServer;
import dev.aiapiserver.ServingCertificate;
import dev.aiapiserver.auth.AuthenticationFlags;
import dev.aiapiserver.certs.CertificateAuthority;
import dev.aiapiserver.certs.IssuedCertificate;
import dev.aiapiserver.certs.ServingNames;
import dev.aiapiserver.config.Command;
import dev.aiapiserver.config.CommandLine;
import dev.aiapiserver.e2e.Kubectl;
import dev.aiapiserver.sources.SourceOptions;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The whole ai-apiserver (informers, engine, stores, authentication, RBAC through
 * SubjectAccessReview, HTTPS) started on a {@link BenchCluster}, with default flags, as one agent
 * reaches it: a bearer token whose user may read the views.
 */
final class ViewsServer implements AutoCloseable {
  final CertificateAuthority ca = CertificateAuthority.generate("bench-ca");
  final AiApiServer server;
  /** When the server was asked to start, when /readyz first showed every informer synced, when it was ready. */
  final long startedNanos;
  final long listeningNanos;
  final long syncedNanos;
  final long readyNanos;
  /** JVM uptime (ms) when the first probe was asked. */
  final long firstProbeUptimeMs;
  /** Every /livez and /readyz answer time while the server was syncing (ns), in the order asked. */
  final java.util.List<Long> probeNanos = new java.util.ArrayList<>();
  /** The probes that took longer than 100 ms: which, asked when (JVM uptime, ms), how long (ms). */
  record SlowProbe(String path, long askedUptimeMs, long tookMs) {}

  final java.util.List<SlowProbe> slowProbes = new java.util.ArrayList<>();

  ViewsServer(BenchCluster cluster) throws Exception {
    this(cluster.client(), cluster.reviewsClient());
  }

  /** The server on the given clients: one for its informers, one for its reviews, as serve has. */
  ViewsServer(io.fabric8.kubernetes.client.KubernetesClient informers,
      io.fabric8.kubernetes.client.KubernetesClient reviews) throws Exception {
    Command.Serve serve = (Command.Serve) CommandLine.parse("serve", "--secure-port=0", "--bind-address=127.0.0.1",
        "--authentication-skip-lookup");
    IssuedCertificate cert = ca.issueServing(ServingNames.forService("ai-apiserver", "ai-system"), Duration.ofDays(1));
    HttpClient probe = client(HttpClient.Version.HTTP_1_1);
    warm(probe, cert);
    startedNanos = System.nanoTime();
    server = AiApiServer.start(serve.options(), new AiApiServer.Wiring(informers, reviews,
        SourceOptions.forMockServer(), AuthenticationFlags.none(),
        ServingCertificate.of(cert.certificatePem(), cert.privateKeyPem())));
    listeningNanos = System.nanoTime();
    firstProbeUptimeMs = GcPauses.uptimeMs();
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(20);
    long synced = 0;
    while (true) {
      long asked = System.nanoTime();
      long askedUptime = GcPauses.uptimeMs();
      HttpResponse<String> live = probe.send(probe("/livez"), HttpResponse.BodyHandlers.ofString());
      long answered = System.nanoTime();
      HttpResponse<String> r = probe.send(probe("/readyz?verbose"), HttpResponse.BodyHandlers.ofString());
      long now = System.nanoTime();
      probeNanos.add(answered - asked);
      probeNanos.add(now - answered);
      if (answered - asked > 100_000_000L) {
        slowProbes.add(new SlowProbe("/livez", askedUptime, (answered - asked) / 1_000_000));
      }
      if (now - answered > 100_000_000L) {
        slowProbes.add(new SlowProbe("/readyz", askedUptime + (answered - asked) / 1_000_000, (now - answered) / 1_000_000));
      }
      if (live.statusCode() != 200 || (r.statusCode() != 200 && r.statusCode() != 500)) {
        throw new AssertionError("a probe was refused: /livez " + live.statusCode() + ", /readyz " + r.statusCode());
      }
      if (synced == 0 && r.body().contains("[+]informer-sync") && !r.body().contains("[-]informer-sync")) {
        synced = now;
      }
      if (r.statusCode() == 200) {
        readyNanos = now;
        break;
      }
      if (now > deadline) {
        throw new AssertionError("ai-apiserver not ready after 20 minutes: " + r.body());
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
    }
    syncedNanos = synced == 0 ? readyNanos : synced;
  }

  /**
   * One HTTPS request from the probe client to a throwaway loopback server before the server under
   * test starts: the client's TLS classes, key exchange and JIT are then warm, as the kubelet's are,
   * and the first probe's time is the server's, not this JVM's first handshake as a client.
   */
  private void warm(HttpClient probe, IssuedCertificate cert) throws Exception {
    KeyStore keys = KeyStore.getInstance("PKCS12");
    keys.load(null, null);
    keys.setKeyEntry("warm", cert.privateKey(), new char[0], new java.security.cert.Certificate[] {cert.certificate()});
    javax.net.ssl.KeyManagerFactory kmf =
        javax.net.ssl.KeyManagerFactory.getInstance(javax.net.ssl.KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(keys, new char[0]);
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(kmf.getKeyManagers(), null, null);
    com.sun.net.httpserver.HttpsServer warm = com.sun.net.httpserver.HttpsServer.create(
        new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
    warm.setHttpsConfigurator(new com.sun.net.httpserver.HttpsConfigurator(tls));
    warm.createContext("/", exchange -> {
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    warm.start();
    try {
      probe.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + warm.getAddress().getPort() + "/"))
          .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.discarding());
    } finally {
      warm.stop(0);
    }
  }

  String url() {
    return "https://127.0.0.1:" + server.port();
  }

  /** A probe as the kubelet's httpGet sends it: no credentials (health paths are always allowed). */
  HttpRequest probe(String path) {
    return HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(60))
        .header("User-Agent", "kube-probe/1.33").build();
  }

  HttpRequest.Builder get(String path) {
    return HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(60))
        .header("Authorization", "Bearer " + BenchCluster.AGENT_TOKEN).header("User-Agent", "bench-agent");
  }

  HttpClient client(HttpClient.Version version) throws Exception {
    return HttpClient.newBuilder().sslContext(trusting()).version(version).connectTimeout(Duration.ofSeconds(10))
        .build();
  }

  Kubectl kubectl(Path dir) throws Exception {
    return new Kubectl("1.33", Kubectl.kubeconfig(dir, url(), ca.certificatePem(), BenchCluster.AGENT,
        BenchCluster.AGENT_TOKEN));
  }

  SSLContext trusting() throws Exception {
    KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
    ks.load(null, null);
    ks.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(
        new ByteArrayInputStream(ca.certificatePem().getBytes(StandardCharsets.UTF_8))));
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(ks);
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(null, tmf.getTrustManagers(), null);
    return ctx;
  }

  @Override
  public void close() {
    server.close();
  }
}
