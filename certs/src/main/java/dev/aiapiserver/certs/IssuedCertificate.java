package dev.aiapiserver.certs;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A freshly issued certificate with its new private key and the CA that signed it, in both object
 * and PEM form (the PEM key is unencrypted PKCS#8).
 */
public record IssuedCertificate(
    X509Certificate certificate,
    PrivateKey privateKey,
    String certificatePem,
    String privateKeyPem,
    String caPem) {

  /** The certificate and key as a TLS server or client presents them. */
  public CertifiedKey certifiedKey() {
    return new CertifiedKey(List.of(certificate), privateKey);
  }

  @Override
  public String toString() {
    // Never print key material.
    return "IssuedCertificate[subject=" + certificate.getSubjectX500Principal().getName() + "]";
  }
}
