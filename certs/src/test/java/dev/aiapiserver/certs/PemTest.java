package dev.aiapiserver.certs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reads keys in the forms OpenSSL, kubeadm and cert-manager write (fixtures made by OpenSSL). */
class PemTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "rsa-pkcs1.key, rsa.crt, RSA",
    "rsa-pkcs8.key, rsa.crt, RSA",
    "ec-sec1.key,   ec.crt,  EC",
    "ec-pkcs8.key,  ec.crt,  EC"
  })
  void givenAKeyFileInAnyCommonFormatWhenItIsReadThenItPairsWithItsCertificateAndRoundTrips(
      String keyFile, String certificateFile, String algorithm) {
    String keyPem = fixture(keyFile);

    PrivateKey key = Pem.readPrivateKey(keyPem);
    CertifiedKey pair = CertifiedKey.fromPem(fixture(certificateFile), keyPem);

    assertEquals(algorithm, key.getAlgorithm());
    assertEquals(key, pair.privateKey());
    String written = Pem.writePrivateKey(key);
    assertTrue(written.startsWith("-----BEGIN PRIVATE KEY-----\n"), written);
    assertArrayEquals(key.getEncoded(), Pem.readPrivateKey(written).getEncoded());
  }

  @Test
  void givenAPkcs8KeyFromOpensslWhenWrittenThenTheTextIsIdentical() {
    assertEquals(
        fixture("ec-pkcs8.key"), Pem.writePrivateKey(Pem.readPrivateKey(fixture("ec-pkcs8.key"))));
    assertEquals(
        fixture("rsa.crt"), Pem.writeCertificates(Pem.readCertificates(fixture("rsa.crt"))));
  }

  @Test
  void givenABundleWhenItIsReadThenEveryCertificateComesBackInOrder() {
    List<X509Certificate> bundle = Pem.readCertificates(fixture("bundle.crt"));

    assertEquals(2, bundle.size());
    assertEquals("CN=openssl-rsa", bundle.get(0).getSubjectX500Principal().getName());
    assertEquals("CN=openssl-ec", bundle.get(1).getSubjectX500Principal().getName());
    assertEquals(bundle, Pem.readCertificates(Pem.writeCertificates(bundle)));
  }

  @Test
  void givenOneFileWithCertificateAndKeyWhenBothAreReadThenEachReaderFindsItsBlock() {
    String combined = fixture("ec.crt") + fixture("ec-sec1.key");

    CertifiedKey pair = CertifiedKey.fromPem(combined, combined);

    assertEquals("CN=openssl-ec", pair.certificate().getSubjectX500Principal().getName());
  }

  @Test
  void givenUnusableTextWhenItIsReadThenTheErrorSaysWhy() {
    assertMessage("no CERTIFICATE block", () -> Pem.readCertificates("hello"));
    assertMessage("no PRIVATE KEY block", () -> Pem.readPrivateKey(fixture("rsa.crt")));
    assertMessage("encrypted", () -> Pem.readPrivateKey(fixture("rsa-encrypted.key")));
    assertMessage(
        "malformed PEM",
        () ->
            Pem.readCertificates("-----BEGIN CERTIFICATE-----\n!!!\n-----END CERTIFICATE-----\n"));
    assertMessage(
        "does not match", () -> CertifiedKey.fromPem(fixture("rsa.crt"), fixture("ec-pkcs8.key")));
    assertMessage("does not match", () -> CertifiedKey.fromPem(fixture("ec.crt"), wrongEcKey()));
  }

  private static String wrongEcKey() {
    return CertificateAuthority.generate("other").privateKeyPem();
  }

  private static void assertMessage(
      String expected, org.junit.jupiter.api.function.Executable read) {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class, read);
    assertTrue(error.getMessage().contains(expected), error.getMessage());
  }

  static String fixture(String name) {
    try (InputStream in = PemTest.class.getResourceAsStream("/pem/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
