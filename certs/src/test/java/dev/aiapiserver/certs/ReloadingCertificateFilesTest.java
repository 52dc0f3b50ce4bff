package dev.aiapiserver.certs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReloadingCertificateFilesTest {
  private static final Duration POLL = Duration.ofMillis(20);
  private static final CertificateAuthority CA = CertificateAuthority.generate("reload-ca");

  @TempDir Path dir;

  /** What the listener was told, in order: a CertifiedKey for a reload, a String for a refusal. */
  private final BlockingQueue<Object> events = new LinkedBlockingQueue<>();

  private final ReloadingCertificateFiles.Listener recorder =
      new ReloadingCertificateFiles.Listener() {
        @Override
        public void reloaded(CertifiedKey certifiedKey) {
          events.add(certifiedKey);
        }

        @Override
        public void rejected(String reason) {
          events.add(reason);
        }
      };

  @Test
  void givenASecretVolumeWhenKubeletSwapsTheDataSymlinkThenTheNewPairIsDelivered()
      throws Exception {
    IssuedCertificate first = serving("first.example");
    IssuedCertificate second = serving("second.example");
    mountSecret("..2025_01_01_00_00_00.000000001", first);
    Files.createSymbolicLink(dir.resolve("tls.crt"), Path.of("..data/tls.crt"));
    Files.createSymbolicLink(dir.resolve("tls.key"), Path.of("..data/tls.key"));

    try (ReloadingCertificateFiles reloader = start()) {
      assertEquals(first.certificate(), reloader.current().certificate());

      mountSecret("..2025_02_01_00_00_00.000000002", second);

      CertifiedKey delivered = awaitReload();
      assertEquals(second.certificate(), delivered.certificate());
      assertEquals(second.certificate(), reloader.current().certificate());
    }
  }

  @Test
  void givenGarbageInTheCertificateFileWhenItIsSeenThenTheOldPairStaysAndALaterPairStillLoads()
      throws Exception {
    IssuedCertificate first = serving("first.example");
    IssuedCertificate third = serving("third.example");
    writePlain(first);

    try (ReloadingCertificateFiles reloader = start()) {
      Files.writeString(dir.resolve("tls.crt"), "not a certificate at all");

      awaitRejection("no CERTIFICATE block");
      assertEquals(first.certificate(), reloader.current().certificate());

      writePlain(third);

      assertEquals(third.certificate(), awaitReload().certificate());
      assertEquals(third.certificate(), reloader.current().certificate());
    }
  }

  @Test
  void givenANonAtomicCopyWhenOnlyTheCertificateIsNewThenTheMismatchIsIgnoredUntilTheKeyFollows()
      throws Exception {
    IssuedCertificate first = serving("first.example");
    IssuedCertificate second = serving("second.example");
    writePlain(first);

    try (ReloadingCertificateFiles reloader = start()) {
      Files.writeString(dir.resolve("tls.crt"), second.certificatePem());

      awaitRejection("does not match");
      assertEquals(first.certificate(), reloader.current().certificate());

      Files.writeString(dir.resolve("tls.key"), second.privateKeyPem());

      assertEquals(second.certificate(), awaitReload().certificate());
    }
  }

  @Test
  void givenFilesThatAreNotAPairWhenTheReloaderStartsThenItFailsAtOnce() throws Exception {
    writePlain(serving("first.example"));
    Files.writeString(dir.resolve("tls.key"), serving("other.example").privateKeyPem());

    IllegalArgumentException error = assertThrows(IllegalArgumentException.class, this::start);
    assertTrue(error.getMessage().contains("does not match"), error.getMessage());
  }

  private ReloadingCertificateFiles start() {
    return ReloadingCertificateFiles.start(
        dir.resolve("tls.crt"), dir.resolve("tls.key"), POLL, recorder);
  }

  /**
   * The next reload. Refusals on the way are skipped: a plain write truncates the file first, so
   * the reloader may catch it empty or half-written, which it rightly refuses.
   */
  private CertifiedKey awaitReload() throws InterruptedException {
    return (CertifiedKey) awaitEvent(event -> event instanceof CertifiedKey, "a reload");
  }

  private String awaitRejection(String reason) throws InterruptedException {
    return (String)
        awaitEvent(
            event -> event instanceof String text && text.contains(reason),
            "a refusal because of " + reason);
  }

  private Object awaitEvent(Predicate<Object> wanted, String what) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    List<Object> skipped = new ArrayList<>();
    while (true) {
      Object event = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (event == null) {
        throw new AssertionError("no " + what + " within 10s; saw " + skipped);
      }
      if (wanted.test(event)) {
        return event;
      }
      assertTrue(event instanceof String, "unexpected reload before " + what + ": " + event);
      skipped.add(event);
    }
  }

  private static IssuedCertificate serving(String name) {
    return CA.issueServing(List.of(name), List.of(), Duration.ofDays(1));
  }

  private void writePlain(IssuedCertificate pair) throws IOException {
    Files.writeString(dir.resolve("tls.crt"), pair.certificatePem());
    Files.writeString(dir.resolve("tls.key"), pair.privateKeyPem());
  }

  /** Writes a new timestamped directory and re-points ..data at it atomically, as kubelet does. */
  private void mountSecret(String version, IssuedCertificate pair) throws IOException {
    Path target = Files.createDirectory(dir.resolve(version));
    Files.writeString(target.resolve("tls.crt"), pair.certificatePem());
    Files.writeString(target.resolve("tls.key"), pair.privateKeyPem());
    Path staged = Files.createSymbolicLink(dir.resolve("..data_tmp"), Path.of(version));
    Files.move(
        staged,
        dir.resolve("..data"),
        StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);
  }
}
