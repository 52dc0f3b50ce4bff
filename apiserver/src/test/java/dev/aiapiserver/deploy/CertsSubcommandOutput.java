package dev.aiapiserver.deploy;

import io.fabric8.kubernetes.api.model.APIServiceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import org.bouncycastle.asn1.x500.X500Name;
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
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Writes, into a self-signed overlay's {@code generated/} folder, the files the certs subcommand
 * is specified to write there (ca.crt, tls.crt, tls.key, secret.yaml, apiservice-patch.yaml):
 * a throwaway CA and a serving certificate for the Service, made here with BouncyCastle so the
 * manifest tests do not depend on the subcommand's implementation.
 */
final class CertsSubcommandOutput {
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private CertsSubcommandOutput() {}

  static void writeTo(Path generated, String service, String namespace) throws Exception {
    KeyPair caKeys = ecKeyPair();
    X500Name caName = new X500Name("CN=" + service + "-ca");
    X509Certificate ca =
        sign(
            new JcaX509v3CertificateBuilder(caName, BigInteger.ONE, notBefore(), notAfter(), caName, caKeys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign)),
            caKeys.getPrivate());

    String dnsName = service + "." + namespace + ".svc";
    KeyPair servingKeys = ecKeyPair();
    X509Certificate serving =
        sign(
            new JcaX509v3CertificateBuilder(
                    caName, BigInteger.TWO, notBefore(), notAfter(), new X500Name("CN=" + dnsName), servingKeys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                .addExtension(
                    Extension.subjectAlternativeName,
                    false,
                    new GeneralNames(
                        new GeneralName[] {
                          new GeneralName(GeneralName.dNSName, dnsName),
                          new GeneralName(GeneralName.dNSName, dnsName + ".cluster.local")
                        })),
            caKeys.getPrivate());

    String caPem = pem(ca);
    String tlsPem = pem(serving);
    String keyPem = pkcs8Pem(servingKeys.getPrivate());
    Files.createDirectories(generated);
    Files.writeString(generated.resolve("ca.crt"), caPem);
    Files.writeString(generated.resolve("tls.crt"), tlsPem);
    Files.writeString(generated.resolve("tls.key"), keyPem);
    Files.writeString(
        generated.resolve("secret.yaml"),
        SERIALIZATION.asYaml(
            new SecretBuilder()
                .withNewMetadata()
                .withName(service + "-tls")
                .withNamespace(namespace)
                .endMetadata()
                .withType("kubernetes.io/tls")
                .withData(Map.of("tls.crt", base64(tlsPem), "tls.key", base64(keyPem), "ca.crt", base64(caPem)))
                .build()));
    Files.writeString(
        generated.resolve("apiservice-patch.yaml"),
        SERIALIZATION.asYaml(
            new APIServiceBuilder()
                .withNewMetadata()
                .withName("v1alpha1.ai.k8s.io")
                .endMetadata()
                .withNewSpec()
                .withCaBundle(base64(caPem))
                .endSpec()
                .build()));
  }

  private static KeyPair ecKeyPair() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(256);
    return generator.generateKeyPair();
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey issuerKey) throws Exception {
    return new JcaX509CertificateConverter()
        .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey)));
  }

  private static Date notBefore() {
    return Date.from(Instant.now().minus(Duration.ofMinutes(5)));
  }

  private static Date notAfter() {
    return Date.from(Instant.now().plus(Duration.ofDays(1)));
  }

  private static String pem(X509Certificate certificate) throws IOException {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      writer.writeObject(certificate);
    }
    return out.toString();
  }

  /** "BEGIN PRIVATE KEY", the encoding the server and cert-manager (encoding: PKCS8) use. */
  private static String pkcs8Pem(PrivateKey key) throws IOException {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      writer.writeObject(new JcaPKCS8Generator(key, null));
    }
    return out.toString();
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
