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

  ViewsServer(BenchCluster cluster) throws Exception {
    Command.Serve serve = (Command.Serve) CommandLine.parse("serve", "--secure-port=0", "--bind-address=127.0.0.1",
        "--authentication-skip-lookup");
    IssuedCertificate cert = ca.issueServing(ServingNames.forService("ai-apiserver", "ai-system"), Duration.ofDays(1));
    startedNanos = System.nanoTime();
    server = AiApiServer.start(serve.options(), new AiApiServer.Wiring(cluster.client(), cluster.client(),
        SourceOptions.forMockServer(), AuthenticationFlags.none(),
        ServingCertificate.of(cert.certificatePem(), cert.privateKeyPem())));
    listeningNanos = System.nanoTime();
    HttpClient probe = client(HttpClient.Version.HTTP_1_1);
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    long synced = 0;
    while (true) {
      long asked = System.nanoTime();
      probe.send(get("/livez").build(), HttpResponse.BodyHandlers.ofString());
      long answered = System.nanoTime();
      HttpResponse<String> r = probe.send(get("/readyz?verbose").build(), HttpResponse.BodyHandlers.ofString());
      long now = System.nanoTime();
      probeNanos.add(answered - asked);
      probeNanos.add(now - answered);
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
