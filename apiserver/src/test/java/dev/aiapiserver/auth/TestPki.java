package dev.aiapiserver.auth;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Test-only certificate authority: CAs, client certificates (CN, O), serving certificates, in
 * PEM — what a cluster's client CA, front-proxy CA and kube-apiserver's certificates look like.
 */
final class TestPki {
  private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

  /** A certificate with its key. */
  record Issued(X509Certificate certificate, PrivateKey key) {
    String certificatePem() {
      return pem(certificate);
    }

    String keyPem() {
      return "-----BEGIN PRIVATE KEY-----\n"
          + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.getEncoded())
          + "\n-----END PRIVATE KEY-----\n";
    }
  }

  /** A CA that signs. */
  record Authority(Issued self) {
    X509Certificate certificate() {
      return self.certificate();
    }

    String pem() {
      return self.certificatePem();
    }

    Issued client(String commonName, String... organizations) {
      return issue(commonName, List.of(organizations), KeyPurposeId.id_kp_clientAuth,
          Instant.now().minus(Duration.ofHours(1)), Instant.now().plus(Duration.ofDays(1)));
    }

    Issued expiredClient(String commonName) {
      return issue(commonName, List.of(), KeyPurposeId.id_kp_clientAuth,
          Instant.now().minus(Duration.ofDays(2)), Instant.now().minus(Duration.ofDays(1)));
    }

    Issued serverOnly(String commonName) {
      return issue(commonName, List.of(), KeyPurposeId.id_kp_serverAuth,
          Instant.now().minus(Duration.ofHours(1)), Instant.now().plus(Duration.ofDays(1)));
    }

    Issued issue(String commonName, List<String> organizations, KeyPurposeId usage,
        Instant notBefore, Instant notAfter) {
      return sign(self, commonName, organizations, false, usage, notBefore, notAfter);
    }
  }

  private TestPki() {}

  static Authority authority(String commonName) {
    return new Authority(sign(null, commonName, List.of(), true, null,
        Instant.now().minus(Duration.ofHours(1)), Instant.now().plus(Duration.ofDays(30))));
  }

  static String pem(X509Certificate... certificates) {
    StringBuilder pem = new StringBuilder();
    for (X509Certificate certificate : certificates) {
      try {
        pem.append("-----BEGIN CERTIFICATE-----\n")
            .append(Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(certificate.getEncoded()))
            .append("\n-----END CERTIFICATE-----\n");
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }
    return pem.toString();
  }

  private static Issued sign(Issued issuer, String commonName, List<String> organizations,
      boolean ca, KeyPurposeId usage, Instant notBefore, Instant notAfter) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      KeyPair keys = generator.generateKeyPair();
      X500NameBuilder name = new X500NameBuilder(BCStyle.INSTANCE);
      for (String organization : organizations) {
        name.addRDN(BCStyle.O, organization);
      }
      name.addRDN(BCStyle.CN, commonName);
      X500Name subject = name.build();
      X500Name issuerName = issuer == null ? subject
          : X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded());
      X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName,
          BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(notBefore), Date.from(notAfter),
          subject, keys.getPublic());
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
      if (ca) {
        builder.addExtension(Extension.keyUsage, true,
            new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature));
      } else {
        builder.addExtension(Extension.keyUsage, true,
            new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(usage));
        if (usage == KeyPurposeId.id_kp_serverAuth) {
          List<GeneralName> names = new ArrayList<>();
          names.add(new GeneralName(GeneralName.dNSName, "localhost"));
          names.add(new GeneralName(GeneralName.iPAddress, "127.0.0.1"));
          builder.addExtension(Extension.subjectAlternativeName, false,
              new GeneralNames(names.toArray(GeneralName[]::new)));
        }
      }
      PrivateKey signingKey = issuer == null ? keys.getPrivate() : issuer.key();
      X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
          builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signingKey)));
      return new Issued(certificate, keys.getPrivate());
    } catch (Exception e) {
      throw new IllegalStateException("test certificate generation failed", e);
    }
  }
}
