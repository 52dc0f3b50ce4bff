package dev.aiapiserver.e2e;

import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** JDK HTTP clients that trust a test CA, as a client with certificate-authority-data would. */
public final class TlsClients {
  private TlsClients() {}

  public static SSLContext trusting(String caPem) throws Exception {
    KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
    ks.load(null, null);
    ks.setCertificateEntry("ca", CertificateFactory.getInstance("X.509")
        .generateCertificate(new ByteArrayInputStream(caPem.getBytes(StandardCharsets.UTF_8))));
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(ks);
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(null, tmf.getTrustManagers(), null);
    return ctx;
  }

  public static HttpClient http2(String caPem) throws Exception {
    return HttpClient.newBuilder().sslContext(trusting(caPem)).version(HttpClient.Version.HTTP_2)
        .connectTimeout(Duration.ofSeconds(10)).build();
  }

  /** Opens a watch and reads its events, one JSON line each, on a background thread. */
  public static java.util.concurrent.BlockingQueue<tools.jackson.databind.JsonNode> watch(HttpClient client,
      java.net.http.HttpRequest request) throws Exception {
    java.net.http.HttpResponse<java.io.InputStream> r =
        client.send(request, java.net.http.HttpResponse.BodyHandlers.ofInputStream());
    if (r.statusCode() != 200) {
      throw new AssertionError("watch answered " + r.statusCode());
    }
    java.util.concurrent.BlockingQueue<tools.jackson.databind.JsonNode> events =
        new java.util.concurrent.LinkedBlockingQueue<>();
    Thread t = new Thread(() -> {
      try (java.io.BufferedReader in = new java.io.BufferedReader(
          new java.io.InputStreamReader(r.body(), java.nio.charset.StandardCharsets.UTF_8))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          events.add(dev.aiapiserver.request.Json.MAPPER.readTree(line));
        }
      } catch (Exception e) {
        // the stream ended
      }
    });
    t.setDaemon(true);
    t.start();
    return events;
  }
}
