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
  /** Every /livez and /readyz answer time while the server was syncing (ns), in the order asked. */
  final java.util.List<Long> probeNanos = new java.util.ArrayList<>();
  /** The probes that took longer than 100 ms: when (ms after the start), which, how long (ms). */
  final java.util.List<String> slowProbes = new java.util.ArrayList<>();

  ViewsServer(BenchCluster cluster) throws Exception {
    this(cluster.client(), cluster.reviewsClient());
  }

  /** The server on the given clients: one for its informers, one for its reviews, as serve has. */
  ViewsServer(io.fabric8.kubernetes.client.KubernetesClient informers,
      io.fabric8.kubernetes.client.KubernetesClient reviews) throws Exception {
    Command.Serve serve = (Command.Serve) CommandLine.parse("serve", "--secure-port=0", "--bind-address=127.0.0.1",
        "--authentication-skip-lookup");
    IssuedCertificate cert = ca.issueServing(ServingNames.forService("ai-apiserver", "ai-system"), Duration.ofDays(1));
    startedNanos = System.nanoTime();
    server = AiApiServer.start(serve.options(), new AiApiServer.Wiring(informers, reviews,
        SourceOptions.forMockServer(), AuthenticationFlags.none(),
        ServingCertificate.of(cert.certificatePem(), cert.privateKeyPem())));
    listeningNanos = System.nanoTime();
    HttpClient probe = client(HttpClient.Version.HTTP_1_1);
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    long synced = 0;
    while (true) {
      long asked = System.nanoTime();
      HttpResponse<String> live = probe.send(probe("/livez"), HttpResponse.BodyHandlers.ofString());
      long answered = System.nanoTime();
      HttpResponse<String> r = probe.send(probe("/readyz?verbose"), HttpResponse.BodyHandlers.ofString());
      long now = System.nanoTime();
      probeNanos.add(answered - asked);
      probeNanos.add(now - answered);
      if (answered - asked > 100_000_000L) {
        slowProbes.add(String.format("%d ms /livez %.0f ms", (asked - startedNanos) / 1_000_000, (answered - asked) / 1e6));
      }
      if (now - answered > 100_000_000L) {
        slowProbes.add(String.format("%d ms /readyz %.0f ms", (answered - startedNanos) / 1_000_000, (now - answered) / 1e6));
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
        throw new AssertionError("ai-apiserver not ready after 5 minutes: " + r.body());
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
    }
    syncedNanos = synced == 0 ? readyNanos : synced;
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
