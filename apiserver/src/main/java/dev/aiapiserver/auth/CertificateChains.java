package dev.aiapiserver.auth;

import java.security.InvalidAlgorithmParameterException;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.PKIXCertPathChecker;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Verifies a TLS client's certificate chain against a set of CAs, as Go's x509.Verify does for
 * kube-apiserver: a PKIX path to one of the CAs, every certificate within its validity, and the
 * leaf usable for client authentication (when it names extended key usages at all). The TLS layer
 * accepts any chain, because the CAs rotate; this check runs per request against the current set.
 */
final class CertificateChains {
  private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
  private static final String ANY_USAGE = "2.5.29.37.0";
  private static final String EXTENDED_KEY_USAGE = "2.5.29.37";

  private CertificateChains() {}

  /** The reason the chain does not verify, or empty when it does. */
  static Optional<String> verify(List<X509Certificate> chain, Collection<X509Certificate> cas) {
    if (chain.isEmpty()) {
      return Optional.of("no client certificate");
    }
    if (cas.isEmpty()) {
      return Optional.of("no CA configured");
    }
    Set<TrustAnchor> anchors =
        cas.stream().map(ca -> new TrustAnchor(ca, null)).collect(Collectors.toSet());
    // The path excludes the anchors themselves; a client may append its root to the chain.
    List<Certificate> path = new ArrayList<>();
    for (X509Certificate certificate : chain) {
      if (!cas.contains(certificate)) {
        path.add(certificate);
      }
    }
    if (path.isEmpty()) {
      return Optional.of("the client certificate is a CA certificate");
    }
    try {
      PKIXParameters parameters = new PKIXParameters(anchors);
      parameters.setRevocationEnabled(false);
      parameters.setDate(new Date());
      parameters.addCertPathChecker(new ClientAuthUsage((X509Certificate) path.get(0)));
      CertPathValidator.getInstance("PKIX").validate(
          CertificateFactory.getInstance("X.509").generateCertPath(path), parameters);
      return Optional.empty();
    } catch (CertPathValidatorException e) {
      return Optional.of(e.getMessage());
    } catch (CertificateException | InvalidAlgorithmParameterException
        | NoSuchAlgorithmException e) {
      return Optional.of("unverifiable certificate: " + e.getMessage());
    }
  }

  /** Requires the clientAuth usage on the leaf, and owns the (possibly critical) EKU extension. */
  private static final class ClientAuthUsage extends PKIXCertPathChecker {
    private final X509Certificate leaf;

    ClientAuthUsage(X509Certificate leaf) {
      this.leaf = leaf;
    }

    @Override
    public void init(boolean forward) {}

    @Override
    public boolean isForwardCheckingSupported() {
      return true;
    }

    @Override
    public Set<String> getSupportedExtensions() {
      return Set.of(EXTENDED_KEY_USAGE);
    }

    @Override
    public void check(Certificate certificate, Collection<String> unresolvedCritExts)
        throws CertPathValidatorException {
      unresolvedCritExts.remove(EXTENDED_KEY_USAGE);
      if (certificate != leaf) {
        return;
      }
      try {
        List<String> usages = leaf.getExtendedKeyUsage();
        if (usages != null && !usages.contains(CLIENT_AUTH) && !usages.contains(ANY_USAGE)) {
          throw new CertPathValidatorException("the certificate is not valid for client authentication");
        }
      } catch (CertificateParsingException e) {
        throw new CertPathValidatorException("unreadable extended key usage", e);
      }
    }
  }
}
