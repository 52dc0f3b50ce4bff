package dev.aiapiserver.auth;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;

/** Reads a PEM bundle (one or more CERTIFICATE blocks), as CA files and the ConfigMap hold them. */
final class PemCertificates {
  private PemCertificates() {}

  /** @throws IllegalArgumentException when the text holds no certificate or a broken one */
  static List<X509Certificate> parse(String pem) {
    if (pem == null || !pem.contains("-----BEGIN CERTIFICATE-----")) {
      throw new IllegalArgumentException("no PEM CERTIFICATE block");
    }
    try {
      return CertificateFactory.getInstance("X.509")
          .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))
          .stream().map(X509Certificate.class::cast).toList();
    } catch (CertificateException e) {
      throw new IllegalArgumentException("unreadable PEM certificate: " + e.getMessage());
    }
  }
}
