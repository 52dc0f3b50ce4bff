package dev.aiapiserver.demo;

import dev.aiapiserver.certs.CertificateAuthority;
import dev.aiapiserver.certs.IssuedCertificate;
import java.time.Duration;
import java.util.List;

/**
 * The demo's certificates, laid out as a kubeadm cluster lays them out: a cluster CA that signs
 * every serving certificate (the front door's and this server's, so one certificate-authority-data
 * trusts both), and a separate front-proxy CA whose only client certificate, CN
 * {@code front-proxy-client}, is how the front door proves itself to the aggregated server.
 */
public record DemoPki(
    CertificateAuthority clusterCa,
    CertificateAuthority frontProxyCa,
    IssuedCertificate frontDoorServing,
    IssuedCertificate viewsServing,
    IssuedCertificate frontProxyClient) {

  public static final String FRONT_PROXY_CLIENT = "front-proxy-client";

  /** Long enough for any demo session; everything is made anew at each start. */
  private static final Duration VALIDITY = Duration.ofDays(30);

  private static final List<String> LOOPBACK_NAMES = List.of("localhost");
  private static final List<String> LOOPBACK_IPS = List.of("127.0.0.1");

  public static DemoPki generate() {
    CertificateAuthority cluster = CertificateAuthority.generate("ai-apiserver-demo-ca");
    CertificateAuthority frontProxy = CertificateAuthority.generate("ai-apiserver-demo-front-proxy-ca");
    return new DemoPki(cluster, frontProxy,
        cluster.issueServing(LOOPBACK_NAMES, LOOPBACK_IPS, VALIDITY),
        cluster.issueServing(List.of("ai-apiserver.ai-system.svc", "localhost"), LOOPBACK_IPS, VALIDITY),
        frontProxy.issueClient(FRONT_PROXY_CLIENT, List.of(), VALIDITY));
  }

  @Override
  public String toString() {
    return "DemoPki[" + clusterCa + ", " + frontProxyCa + "]"; // never print keys
  }
}
