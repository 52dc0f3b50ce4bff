package dev.aiapiserver.certs;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A certificate chain (leaf first) and the private key that belongs to its leaf: what a TLS server
 * presents. Construction checks that the key matches the leaf, so a holder of this type never has a
 * mismatched pair.
 */
public record CertifiedKey(List<X509Certificate> chain, PrivateKey privateKey) {
  private static final SecureRandom RANDOM = new SecureRandom();

  public CertifiedKey {
    chain = List.copyOf(chain);
    if (chain.isEmpty()) {
      throw new IllegalArgumentException("the certificate chain is empty");
    }
    if (!belongTogether(privateKey, chain.get(0).getPublicKey())) {
      throw new IllegalArgumentException(
          "the private key does not match the certificate "
              + chain.get(0).getSubjectX500Principal().getName());
    }
  }

  /** Parses PEM text: certificates (leaf first) and a PKCS#1, PKCS#8 or SEC1 private key. */
  public static CertifiedKey fromPem(String certificatePem, String privateKeyPem) {
    return new CertifiedKey(
        Pem.readCertificates(certificatePem), Pem.readPrivateKey(privateKeyPem));
  }

  /** Reads a certificate file and a key file, e.g. --tls-cert-file and --tls-private-key-file. */
  public static CertifiedKey load(Path certificateFile, Path privateKeyFile) {
    return new CertifiedKey(
        Pem.readCertificates(certificateFile), Pem.readPrivateKey(privateKeyFile));
  }

  /** The leaf certificate. */
  public X509Certificate certificate() {
    return chain.get(0);
  }

  /** The whole chain as PEM, leaf first. */
  public String certificatePem() {
    return Pem.writeCertificates(chain);
  }

  /** The key as unencrypted PKCS#8 PEM, whatever form it was read from. */
  public String privateKeyPem() {
    return Pem.writePrivateKey(privateKey);
  }

  @Override
  public String toString() {
    // Never print key material.
    return "CertifiedKey[subject="
        + certificate().getSubjectX500Principal().getName()
        + ", notAfter="
        + certificate().getNotAfter().toInstant()
        + "]";
  }

  /**
   * Proves possession instead of comparing encodings: sign a random challenge with the private key
   * and verify it with the certificate's public key. Works the same for RSA, EC and EdDSA.
   */
  private static boolean belongTogether(PrivateKey privateKey, PublicKey publicKey) {
    if (!privateKey.getAlgorithm().equals(publicKey.getAlgorithm())) {
      return false;
    }
    String algorithm =
        switch (privateKey.getAlgorithm()) {
          case "RSA" -> "SHA256withRSA";
          case "EC" -> "SHA256withECDSA";
          case "Ed25519", "Ed448", "EdDSA" -> privateKey.getAlgorithm();
          default ->
              throw new IllegalArgumentException(
                  "unsupported key algorithm " + privateKey.getAlgorithm());
        };
    byte[] challenge = new byte[32];
    RANDOM.nextBytes(challenge);
    try {
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(privateKey);
      signer.update(challenge);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(publicKey);
      verifier.update(challenge);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }
}
