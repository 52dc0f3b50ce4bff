package dev.aiapiserver;

import dev.aiapiserver.certs.CertificateAuthority;
import dev.aiapiserver.certs.CertifiedKey;
import dev.aiapiserver.certs.IssuedCertificate;
import dev.aiapiserver.certs.ReloadingCertificateFiles;
import dev.aiapiserver.certs.ServingNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The serving certificate: from --tls-cert-file/--tls-private-key-file (re-read when the files
 * change, e.g. a rotated Secret), or self-signed at start into --cert-dir when none is given.
 */
public final class ServingCertificate implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ServingCertificate.class);

  private volatile String certificatePem;
  private volatile String privateKeyPem;
  private final List<BiConsumer<String, String>> listeners = new CopyOnWriteArrayList<>();
  private ReloadingCertificateFiles files;

  private ServingCertificate(String certificatePem, String privateKeyPem) {
    this.certificatePem = certificatePem;
    this.privateKeyPem = privateKeyPem;
  }

  /** A fixed certificate (the demo and tests issue their own). */
  public static ServingCertificate of(String certificatePem, String privateKeyPem) {
    return new ServingCertificate(certificatePem, privateKeyPem);
  }

  /** The pair in these files, re-read when they change. */
  public static ServingCertificate fromFiles(Path cert, Path key) {
    ServingCertificate[] self = new ServingCertificate[1];
    ReloadingCertificateFiles files = ReloadingCertificateFiles.start(cert, key, Duration.ofSeconds(5),
        new ReloadingCertificateFiles.Listener() {
          @Override
          public void reloaded(CertifiedKey k) {
            self[0].rotate(k.certificatePem(), k.privateKeyPem());
          }

          @Override
          public void rejected(String reason) {
            LOG.warn("event=serving_certificate_rejected reason=\"{}\"", reason);
          }
        });
    CertifiedKey first = files.current();
    self[0] = new ServingCertificate(first.certificatePem(), first.privateKeyPem());
    self[0].files = files;
    return self[0];
  }

  /** A new self-signed CA and serving certificate, written to certDir as apiserver.crt/.key and ca.crt. */
  public static ServingCertificate selfSigned(Path certDir, List<String> extraNames) throws IOException {
    CertificateAuthority ca = CertificateAuthority.generate("ai-apiserver-self-signed-ca");
    ServingNames base = ServingNames.forService("ai-apiserver", "ai-system");
    List<String> dns = new ArrayList<>(base.dnsNames());
    extraNames.stream().filter(n -> !dns.contains(n)).forEach(dns::add);
    IssuedCertificate cert = ca.issueServing(dns, base.ipAddresses(), Duration.ofDays(365));
    Files.createDirectories(certDir);
    Files.writeString(certDir.resolve("ca.crt"), ca.certificatePem());
    Files.writeString(certDir.resolve("apiserver.crt"), cert.certificatePem());
    Path key = certDir.resolve("apiserver.key");
    Files.writeString(key, cert.privateKeyPem());
    try {
      Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: nothing more to restrict
    }
    LOG.info("event=self_signed_certificate_generated dir={}", certDir);
    return new ServingCertificate(cert.certificatePem(), cert.privateKeyPem());
  }

  public String certificatePem() {
    return certificatePem;
  }

  public String privateKeyPem() {
    return privateKeyPem;
  }

  public void onRotation(BiConsumer<String, String> listener) {
    listeners.add(listener);
  }

  private void rotate(String cert, String key) {
    certificatePem = cert;
    privateKeyPem = key;
    listeners.forEach(l -> l.accept(cert, key));
  }

  @Override
  public void close() {
    if (files != null) {
      files.close();
    }
  }
}
