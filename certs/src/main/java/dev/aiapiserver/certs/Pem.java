package dev.aiapiserver.certs;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Reads and writes PEM text the way Kubernetes components do: a certificate file may hold a bundle
 * of many certificates; a key file may hold PKCS#1 ({@code RSA PRIVATE KEY}), PKCS#8 ({@code
 * PRIVATE KEY}) or SEC1 ({@code EC PRIVATE KEY}, possibly after an {@code EC PARAMETERS} block).
 * Blocks of other types are skipped, so a combined cert-and-key file works for both readers.
 * Malformed input is an {@link IllegalArgumentException} whose message says what was wrong.
 */
public final class Pem {
  private static final Base64.Encoder BASE64_LINES =
      Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));

  private Pem() {}

  /** Every certificate in the text, in order; at least one. */
  public static List<X509Certificate> readCertificates(String pem) {
    List<X509Certificate> certificates = new ArrayList<>();
    JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
    for (Object block : blocks(pem)) {
      if (block instanceof X509CertificateHolder holder) {
        try {
          certificates.add(converter.getCertificate(holder));
        } catch (CertificateException e) {
          throw new IllegalArgumentException("invalid certificate: " + e.getMessage(), e);
        }
      }
    }
    if (certificates.isEmpty()) {
      throw new IllegalArgumentException("no CERTIFICATE block found");
    }
    return List.copyOf(certificates);
  }

  public static List<X509Certificate> readCertificates(Path file) {
    return withFileName(file, () -> readCertificates(readText(file)));
  }

  /** The first private key in the text. Encrypted keys are refused: a server has no passphrase. */
  public static PrivateKey readPrivateKey(String pem) {
    JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
    for (Object block : blocks(pem)) {
      try {
        if (block instanceof PEMKeyPair pair) { // PKCS#1 RSA or SEC1 EC
          return converter.getPrivateKey(pair.getPrivateKeyInfo());
        }
        if (block instanceof PrivateKeyInfo info) { // PKCS#8
          return converter.getPrivateKey(info);
        }
      } catch (IOException | RuntimeException e) {
        throw new IllegalArgumentException("invalid private key: " + e.getMessage(), e);
      }
      if (block instanceof PEMEncryptedKeyPair || block instanceof PKCS8EncryptedPrivateKeyInfo) {
        throw new IllegalArgumentException("the private key is encrypted; provide it unencrypted");
      }
    }
    throw new IllegalArgumentException("no PRIVATE KEY block found");
  }

  public static PrivateKey readPrivateKey(Path file) {
    return withFileName(file, () -> readPrivateKey(readText(file)));
  }

  /** One {@code CERTIFICATE} block per certificate, concatenated. */
  public static String writeCertificates(List<X509Certificate> certificates) {
    StringBuilder pem = new StringBuilder();
    for (X509Certificate certificate : certificates) {
      try {
        pem.append(block("CERTIFICATE", certificate.getEncoded()));
      } catch (CertificateEncodingException e) {
        throw new IllegalArgumentException("cannot encode certificate: " + e.getMessage(), e);
      }
    }
    return pem.toString();
  }

  public static String writeCertificate(X509Certificate certificate) {
    return writeCertificates(List.of(certificate));
  }

  /** The key as an unencrypted PKCS#8 {@code PRIVATE KEY} block, the form every TLS stack reads. */
  public static String writePrivateKey(PrivateKey key) {
    if (!"PKCS#8".equals(key.getFormat())) {
      throw new IllegalArgumentException("key is not PKCS#8-encodable: " + key.getFormat());
    }
    return block("PRIVATE KEY", key.getEncoded());
  }

  private static String block(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + BASE64_LINES.encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }

  private static List<Object> blocks(String pem) {
    List<Object> blocks = new ArrayList<>();
    try (PEMParser parser = new PEMParser(new StringReader(pem))) {
      for (Object block = parser.readObject(); block != null; block = parser.readObject()) {
        blocks.add(block);
      }
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("malformed PEM: " + e.getMessage(), e);
    }
    return blocks;
  }

  private static String readText(Path file) {
    try {
      // Latin-1 decodes any bytes, so a binary or half-written file fails as "malformed PEM".
      return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static <T> T withFileName(Path file, Supplier<T> read) {
    try {
      return read.get();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }
}
