package dev.aiapiserver.certs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CertificateAuthorityTest {
  private static final Duration ONE_YEAR = Duration.ofDays(365);
  private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
  private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

  @ParameterizedTest
  @EnumSource(KeyAlgorithm.class)
  void givenAServiceWhenAServingCertificateIsIssuedThenEveryNameKubeApiserverMayDialIsInIt(
      KeyAlgorithm algorithm) throws Exception {
    CertificateAuthority ca =
        CertificateAuthority.generate("test-ca", algorithm, CertificateAuthority.DEFAULT_VALIDITY);

    IssuedCertificate serving =
        ca.issueServing(ServingNames.forService("ai-apiserver", "ai-system"), ONE_YEAR);

    X509Certificate certificate = serving.certificate();
    assertEquals(
        List.of(
            "ai-apiserver.ai-system.svc",
            "ai-apiserver",
            "ai-apiserver.ai-system",
            "ai-apiserver.ai-system.svc.cluster.local",
            "localhost",
            "127.0.0.1"),
        alternativeNames(certificate));
    assertEquals("CN=ai-apiserver.ai-system.svc", certificate.getSubjectX500Principal().getName());
    assertEquals(List.of(SERVER_AUTH), certificate.getExtendedKeyUsage());
    assertEquals(-1, certificate.getBasicConstraints(), "a serving certificate is not a CA");
    certificate.verify(ca.certificate().getPublicKey());
    assertEquals(ca.certificatePem(), serving.caPem());
    assertTrue(
        certificate.getNotAfter().toInstant().isAfter(Instant.now().plus(Duration.ofDays(364))));
    assertTrue(certificate.getNotBefore().toInstant().isBefore(Instant.now()));
  }

  @ParameterizedTest
  @EnumSource(KeyAlgorithm.class)
  void givenAServingCertificateWhenAClientDialsTheServiceNameOverTlsThenTheHandshakeSucceeds(
      KeyAlgorithm algorithm) throws Exception {
    CertificateAuthority ca =
        CertificateAuthority.generate("test-ca", algorithm, CertificateAuthority.DEFAULT_VALIDITY);
    CertifiedKey serving =
        ca.issueServing(ServingNames.forService("ai-apiserver", "ai-system"), ONE_YEAR)
            .certifiedKey();

    for (String name : List.of("ai-apiserver.ai-system.svc", "localhost", "127.0.0.1")) {
      assertEquals(
          Optional.empty(), TlsHandshake.connect(serving, ca.certificate(), name, null), name);
    }
    assertThrows(
        SSLHandshakeException.class,
        () -> TlsHandshake.connect(serving, ca.certificate(), "other.ai-system.svc", null),
        "a name outside the certificate is refused");
  }

  @Test
  void givenAnotherCaWhenAClientTrustsOnlyThatCaThenItRefusesTheServer() throws Exception {
    CertificateAuthority ca = CertificateAuthority.generate("test-ca");
    CertificateAuthority stranger = CertificateAuthority.generate("stranger-ca");
    CertifiedKey serving =
        ca.issueServing(List.of("localhost"), List.of(), ONE_YEAR).certifiedKey();

    assertThrows(
        SSLHandshakeException.class,
        () -> TlsHandshake.connect(serving, stranger.certificate(), "localhost", null));
  }

  @Test
  void givenAUserAndGroupsWhenAClientCertificateIsIssuedThenItCarriesThemAsKubernetesReadsThem()
      throws Exception {
    CertificateAuthority ca = CertificateAuthority.generate("front-proxy-ca");

    IssuedCertificate client =
        ca.issueClient("alice", List.of("system:masters", "developers"), ONE_YEAR);

    X509Certificate certificate = client.certificate();
    assertEquals(List.of("alice"), subjectValues(certificate, "CN"));
    assertEquals(List.of("system:masters", "developers"), subjectValues(certificate, "O"));
    assertEquals(List.of(CLIENT_AUTH), certificate.getExtendedKeyUsage());
    certificate.verify(ca.certificate().getPublicKey());
  }

  @Test
  void givenAClientCertificateWhenItIsPresentedInMutualTlsThenTheServerSeesTheUser()
      throws Exception {
    CertificateAuthority ca = CertificateAuthority.generate("test-ca");
    CertifiedKey serving =
        ca.issueServing(List.of("localhost"), List.of(), ONE_YEAR).certifiedKey();
    CertifiedKey client = ca.issueClient("front-proxy", List.of(), ONE_YEAR).certifiedKey();

    X509Certificate seen =
        TlsHandshake.connect(serving, ca.certificate(), "localhost", client).orElseThrow();

    assertEquals(List.of("front-proxy"), subjectValues(seen, "CN"));
  }

  @Test
  void givenACaWrittenAsPemWhenItIsLoadedBackThenItIssuesCertificatesThatChainToIt()
      throws Exception {
    CertificateAuthority original =
        CertificateAuthority.generate(
            "rsa-ca", KeyAlgorithm.RSA_2048, CertificateAuthority.DEFAULT_VALIDITY);

    CertificateAuthority loaded =
        CertificateAuthority.fromPem(original.certificatePem(), original.privateKeyPem());
    IssuedCertificate issued = loaded.issueServing(List.of("localhost"), List.of(), ONE_YEAR);

    assertEquals(original.certificate(), loaded.certificate());
    issued.certificate().verify(original.certificate().getPublicKey());
    assertEquals("RSA", issued.privateKey().getAlgorithm());
  }

  @Test
  void givenALeafCertificateWhenItIsLoadedAsACaThenItIsRefused() {
    CertificateAuthority ca = CertificateAuthority.generate("test-ca");
    IssuedCertificate leaf = ca.issueServing(List.of("localhost"), List.of(), ONE_YEAR);

    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class,
            () -> CertificateAuthority.fromPem(leaf.certificatePem(), leaf.privateKeyPem()));
    assertTrue(refused.getMessage().contains("not a CA"), refused.getMessage());
  }

  @Test
  void givenACaWhenAskedForACertificateThatOutlivesItOrHasNoNamesThenItRefuses() {
    CertificateAuthority ca =
        CertificateAuthority.generate("short-ca", KeyAlgorithm.EC_P256, Duration.ofDays(30));

    assertThrows(
        IllegalArgumentException.class,
        () -> ca.issueServing(List.of("localhost"), List.of(), ONE_YEAR));
    assertThrows(
        IllegalArgumentException.class,
        () -> ca.issueServing(List.of(), List.of(), Duration.ofDays(1)));
    assertThrows(
        IllegalArgumentException.class,
        () -> ca.issueServing(List.of(), List.of("not-an-ip"), Duration.ofDays(1)));
  }

  private static List<String> alternativeNames(X509Certificate certificate) throws Exception {
    List<String> names = new ArrayList<>();
    for (List<?> name : certificate.getSubjectAlternativeNames()) {
      names.add((String) name.get(1));
    }
    return names;
  }

  /** Values of one attribute type in subject order (as Kubernetes reads O = groups). */
  static List<String> subjectValues(X509Certificate certificate, String type) throws Exception {
    // LdapName indexes RDNs right to left, which is the certificate's own (ASN.1) order.
    LdapName subject = new LdapName(certificate.getSubjectX500Principal().getName());
    List<String> values = new ArrayList<>();
    for (Rdn rdn : subject.getRdns()) {
      if (rdn.getType().equalsIgnoreCase(type)) {
        values.add(rdn.getValue().toString());
      }
    }
    return values;
  }
}
