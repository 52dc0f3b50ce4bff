package dev.aiapiserver.certs;

import java.math.BigInteger;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
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
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.IPAddress;

/**
 * A certificate authority that issues serving certificates (for this server's TLS endpoint) and
 * client certificates (CN = user, O = groups, as Kubernetes reads them for front-proxy and
 * client-certificate authentication). Either generated fresh and self-signed, or loaded from PEM.
 */
public final class CertificateAuthority {
  /** Ten years: a CA outlives the serving certificates it signs. */
  public static final Duration DEFAULT_VALIDITY = Duration.ofDays(3650);

  /** Certificates start an hour in the past so a peer with a slightly slow clock accepts them. */
  private static final Duration BACKDATE = Duration.ofHours(1);

  private static final SecureRandom RANDOM = new SecureRandom();

  private final X509Certificate certificate;
  private final PrivateKey privateKey;
  private final KeyAlgorithm algorithm;

  private CertificateAuthority(X509Certificate certificate, PrivateKey privateKey) {
    if (certificate.getBasicConstraints() < 0) {
      throw new IllegalArgumentException(
          "not a CA certificate (basicConstraints CA:FALSE): "
              + certificate.getSubjectX500Principal().getName());
    }
    new CertifiedKey(List.of(certificate), privateKey); // refuses a key that does not match
    this.certificate = certificate;
    this.privateKey = privateKey;
    this.algorithm = KeyAlgorithm.of(privateKey);
  }

  /** A new self-signed CA; certificates it issues get keys of the same algorithm. */
  public static CertificateAuthority generate(
      String commonName, KeyAlgorithm algorithm, Duration validity) {
    KeyPair keys = algorithm.generateKeyPair();
    X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).build();
    Instant now = Instant.now();
    X509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            subject,
            serialNumber(),
            Date.from(now.minus(BACKDATE)),
            Date.from(now.plus(positive(validity))),
            subject,
            keys.getPublic());
    try {
      JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
      builder
          .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
          .addExtension(
              Extension.keyUsage,
              true,
              new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature))
          .addExtension(
              Extension.subjectKeyIdentifier,
              false,
              extensions.createSubjectKeyIdentifier(keys.getPublic()));
    } catch (CertIOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot build CA certificate extensions", e);
    }
    X509Certificate certificate = sign(builder, keys.getPrivate(), algorithm);
    return new CertificateAuthority(certificate, keys.getPrivate());
  }

  /** A new self-signed EC P-256 CA valid for {@link #DEFAULT_VALIDITY}. */
  public static CertificateAuthority generate(String commonName) {
    return generate(commonName, KeyAlgorithm.EC_P256, DEFAULT_VALIDITY);
  }

  /** An existing CA from PEM text; the first certificate is the CA's own. */
  public static CertificateAuthority fromPem(String certificatePem, String privateKeyPem) {
    return new CertificateAuthority(
        Pem.readCertificates(certificatePem).get(0), Pem.readPrivateKey(privateKeyPem));
  }

  /** An existing CA from a certificate file and a key file (e.g. ca.crt and ca.key). */
  public static CertificateAuthority load(Path certificateFile, Path privateKeyFile) {
    return new CertificateAuthority(
        Pem.readCertificates(certificateFile).get(0), Pem.readPrivateKey(privateKeyFile));
  }

  /**
   * A TLS serving certificate (extendedKeyUsage serverAuth) for the given DNS names and IP
   * addresses; its common name is the first DNS name, or the first IP when there is none.
   */
  public IssuedCertificate issueServing(
      List<String> dnsNames, List<String> ips, Duration validity) {
    if (dnsNames.isEmpty() && ips.isEmpty()) {
      throw new IllegalArgumentException("a serving certificate needs at least one DNS name or IP");
    }
    List<GeneralName> names = new ArrayList<>();
    dnsNames.forEach(dns -> names.add(new GeneralName(GeneralName.dNSName, dns)));
    for (String ip : ips) {
      if (!IPAddress.isValid(ip)) {
        throw new IllegalArgumentException("not an IP address: " + ip);
      }
      names.add(new GeneralName(GeneralName.iPAddress, ip));
    }
    String commonName = dnsNames.isEmpty() ? ips.get(0) : dnsNames.get(0);
    X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).build();
    return issue(
        subject,
        KeyPurposeId.id_kp_serverAuth,
        new GeneralNames(names.toArray(GeneralName[]::new)),
        validity);
  }

  public IssuedCertificate issueServing(ServingNames names, Duration validity) {
    return issueServing(names.dnsNames(), names.ipAddresses(), validity);
  }

  /**
   * A TLS client certificate (extendedKeyUsage clientAuth) for a Kubernetes identity: the common
   * name is the user name and each organization is a group.
   */
  public IssuedCertificate issueClient(
      String commonName, List<String> organizations, Duration validity) {
    X500NameBuilder subject = new X500NameBuilder(BCStyle.INSTANCE);
    organizations.forEach(group -> subject.addRDN(BCStyle.O, group));
    subject.addRDN(BCStyle.CN, commonName);
    return issue(subject.build(), KeyPurposeId.id_kp_clientAuth, null, validity);
  }

  public X509Certificate certificate() {
    return certificate;
  }

  public PrivateKey privateKey() {
    return privateKey;
  }

  public String certificatePem() {
    return Pem.writeCertificate(certificate);
  }

  /** Unencrypted PKCS#8 PEM. */
  public String privateKeyPem() {
    return Pem.writePrivateKey(privateKey);
  }

  @Override
  public String toString() {
    return "CertificateAuthority[" + certificate.getSubjectX500Principal().getName() + "]";
  }

  private IssuedCertificate issue(
      X500Name subject, KeyPurposeId purpose, GeneralNames alternativeNames, Duration validity) {
    Instant now = Instant.now();
    Instant notAfter = now.plus(positive(validity));
    if (notAfter.isAfter(certificate.getNotAfter().toInstant())) {
      throw new IllegalArgumentException(
          "validity "
              + validity
              + " outlasts the CA, which expires at "
              + certificate.getNotAfter().toInstant());
    }
    KeyPair keys = algorithm.generateKeyPair();
    PublicKey publicKey = keys.getPublic();
    X509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            certificate,
            serialNumber(),
            Date.from(now.minus(BACKDATE)),
            Date.from(notAfter),
            subject,
            publicKey);
    int usage = KeyUsage.digitalSignature;
    if (algorithm.allowsKeyEncipherment()) {
      usage |= KeyUsage.keyEncipherment;
    }
    try {
      JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
      builder
          .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
          .addExtension(Extension.keyUsage, true, new KeyUsage(usage))
          .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose))
          .addExtension(
              Extension.subjectKeyIdentifier,
              false,
              extensions.createSubjectKeyIdentifier(publicKey))
          .addExtension(
              Extension.authorityKeyIdentifier,
              false,
              extensions.createAuthorityKeyIdentifier(certificate));
      if (alternativeNames != null) {
        builder.addExtension(Extension.subjectAlternativeName, false, alternativeNames);
      }
    } catch (CertIOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot build certificate extensions", e);
    }
    X509Certificate issued = sign(builder, privateKey, algorithm);
    return new IssuedCertificate(
        issued,
        keys.getPrivate(),
        Pem.writeCertificate(issued),
        Pem.writePrivateKey(keys.getPrivate()),
        certificatePem());
  }

  private static X509Certificate sign(
      X509v3CertificateBuilder builder, PrivateKey signingKey, KeyAlgorithm algorithm) {
    try {
      return new JcaX509CertificateConverter()
          .getCertificate(
              builder.build(
                  new JcaContentSignerBuilder(algorithm.signatureAlgorithm()).build(signingKey)));
    } catch (OperatorCreationException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign certificate", e);
    }
  }

  /** Positive and at most 159 bits, as RFC 5280 requires (20 octets including the sign). */
  private static BigInteger serialNumber() {
    return new BigInteger(159, RANDOM).setBit(0);
  }

  private static Duration positive(Duration validity) {
    if (validity.isNegative() || validity.isZero()) {
      throw new IllegalArgumentException("validity must be positive, got " + validity);
    }
    return validity;
  }
}
