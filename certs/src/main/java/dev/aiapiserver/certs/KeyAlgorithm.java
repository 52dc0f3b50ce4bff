package dev.aiapiserver.certs;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;

/**
 * The key types this module generates: the two every Kubernetes component and TLS stack accepts.
 */
public enum KeyAlgorithm {
  /** RSA with a 2048-bit modulus, signed with SHA256withRSA. */
  RSA_2048("RSA", "SHA256withRSA"),
  /** ECDSA on NIST P-256 (secp256r1), signed with SHA256withECDSA; fast to generate. */
  EC_P256("EC", "SHA256withECDSA");

  private static final SecureRandom RANDOM = new SecureRandom();

  private final String jcaName;
  private final String signatureAlgorithm;

  KeyAlgorithm(String jcaName, String signatureAlgorithm) {
    this.jcaName = jcaName;
    this.signatureAlgorithm = signatureAlgorithm;
  }

  KeyPair generateKeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance(jcaName);
      if (this == RSA_2048) {
        generator.initialize(2048, RANDOM);
      } else {
        generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
      }
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JVM cannot generate " + name() + " keys", e);
    }
  }

  String signatureAlgorithm() {
    return signatureAlgorithm;
  }

  /** RSA keys may encipher a TLS pre-master secret; EC keys only sign. */
  boolean allowsKeyEncipherment() {
    return this == RSA_2048;
  }

  /**
   * The family of an existing key, e.g. a loaded CA's; what that CA issues gets new keys of the
   * family at this enum's size (a 4096-bit RSA CA issues RSA 2048 keys).
   */
  static KeyAlgorithm of(PrivateKey key) {
    return switch (key.getAlgorithm()) {
      case "RSA" -> RSA_2048;
      case "EC", "ECDSA" -> EC_P256;
      default ->
          throw new IllegalArgumentException(
              "unsupported key algorithm " + key.getAlgorithm() + "; expected RSA or EC");
    };
  }
}
