package dev.aiapiserver.demo;

import io.fabric8.kubernetes.api.model.Config;
import io.fabric8.kubernetes.api.model.NamedCluster;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** What a client of the demo trusts and where it goes, read as kubectl reads it: from the kubeconfig. */
public final class DemoTrust {
  private DemoTrust() {}

  /** The kubeconfig's only cluster: the front door's address and the demo CA. */
  public static NamedCluster cluster(Path kubeconfig) throws IOException {
    return Serialization.unmarshal(Files.readString(kubeconfig), Config.class).getClusters().get(0);
  }

  public static String caPem(Path kubeconfig) throws IOException {
    return new String(Base64.getDecoder().decode(
        cluster(kubeconfig).getCluster().getCertificateAuthorityData()), StandardCharsets.UTF_8);
  }

  /** An HTTP/2 client that trusts the demo CA (and nothing else), as certificate-authority-data does. */
  public static HttpClient client(String caPem) throws GeneralSecurityException, IOException {
    return HttpClient.newBuilder().sslContext(trusting(caPem)).version(HttpClient.Version.HTTP_2)
        .connectTimeout(Duration.ofSeconds(10)).build();
  }

  static SSLContext trusting(String caPem) throws GeneralSecurityException, IOException {
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    store.load(null, null);
    store.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(
        new ByteArrayInputStream(caPem.getBytes(StandardCharsets.UTF_8))));
    TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(store);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return context;
  }
}
