package dev.aiapiserver.certs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows a certificate file and a key file and hands each new valid pair to a listener, so a
 * server can swap its TLS identity without a restart.
 *
 * <p>It polls the files' content rather than relying on file-system events: a Kubernetes Secret
 * volume rotates by atomically re-pointing a {@code ..data} symlink, which inotify-based watchers
 * on the visible file names miss. Comparing content also catches a rewrite within the same mtime
 * second. A pair that does not parse or whose key does not match its certificate (e.g. caught
 * halfway through a non-atomic copy) is logged once and ignored; the previous pair stays in use and
 * the next complete write is picked up.
 */
public final class ReloadingCertificateFiles implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ReloadingCertificateFiles.class);

  /** Receives changes, on the reloader's own thread. */
  public interface Listener {
    /** A new, valid pair is on disk. */
    void reloaded(CertifiedKey certifiedKey);

    /** The files changed but are not a usable pair; the previous pair stays current. */
    default void rejected(String reason) {}
  }

  private final Path certificateFile;
  private final Path privateKeyFile;
  private final Listener listener;
  private final ScheduledExecutorService poller;
  private volatile CertifiedKey current;
  private Snapshot accepted;
  private Snapshot lastSeen;
  private String lastFailure;

  private ReloadingCertificateFiles(
      Path certificateFile, Path privateKeyFile, Listener listener, Snapshot initial) {
    this.certificateFile = certificateFile;
    this.privateKeyFile = privateKeyFile;
    this.listener = listener;
    this.current = initial.parse();
    this.accepted = initial;
    this.lastSeen = initial;
    this.poller =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "certificate-reloader " + certificateFile);
              thread.setDaemon(true);
              return thread;
            });
  }

  /**
   * Reads the pair now (failing if it is not valid, so a misconfigured server stops at start) and
   * then checks the files every {@code pollInterval}.
   *
   * @throws IllegalArgumentException if the files do not hold a matching certificate and key
   * @throws java.io.UncheckedIOException if a file cannot be read
   */
  public static ReloadingCertificateFiles start(
      Path certificateFile, Path privateKeyFile, Duration pollInterval, Listener listener) {
    if (pollInterval.isNegative() || pollInterval.isZero()) {
      throw new IllegalArgumentException("poll interval must be positive, got " + pollInterval);
    }
    Snapshot initial;
    try {
      initial = Snapshot.read(certificateFile, privateKeyFile);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read " + certificateFile + " or " + privateKeyFile + ": " + e.getMessage(), e);
    }
    ReloadingCertificateFiles reloader =
        new ReloadingCertificateFiles(certificateFile, privateKeyFile, listener, initial);
    long nanos = pollInterval.toNanos();
    reloader.poller.scheduleWithFixedDelay(reloader::poll, nanos, nanos, TimeUnit.NANOSECONDS);
    return reloader;
  }

  /** The pair in use: the initial one or the latest valid one seen on disk. */
  public CertifiedKey current() {
    return current;
  }

  @Override
  public void close() {
    poller.shutdownNow();
  }

  /** Runs only on the poller thread, so the snapshot fields need no locking. */
  private void poll() {
    Snapshot seen;
    try {
      seen = Snapshot.read(certificateFile, privateKeyFile);
    } catch (IOException e) {
      // E.g. a file missing for a moment during a rotation; it is read again next time.
      lastSeen = null;
      reject("unreadable: " + e.getClass().getSimpleName() + " " + e.getMessage());
      return;
    }
    if (seen.equals(lastSeen)) {
      return; // judged already
    }
    lastSeen = seen;
    if (seen.equals(accepted)) {
      lastFailure = null;
      return; // back to the pair in use after a bad interlude
    }
    CertifiedKey parsed;
    try {
      parsed = seen.parse();
    } catch (RuntimeException e) {
      reject(e.getMessage());
      return;
    }
    accepted = seen;
    lastFailure = null;
    current = parsed;
    LOG.info(
        "event=certificate_reloaded cert={} subject=\"{}\" notAfter={}",
        certificateFile,
        parsed.certificate().getSubjectX500Principal().getName(),
        parsed.certificate().getNotAfter().toInstant());
    try {
      listener.reloaded(parsed);
    } catch (RuntimeException e) {
      // A failing listener must not stop the schedule (the executor drops a task that throws).
      LOG.error("event=certificate_reload_listener_failed cert={}", certificateFile, e);
    }
  }

  /** Logs and reports a refused state once, not on every poll while it lasts. */
  private void reject(String reason) {
    if (reason.equals(lastFailure)) {
      return;
    }
    lastFailure = reason;
    LOG.warn(
        "event=certificate_reload_rejected cert={} key={} reason=\"{}\" keeping=\"{}\"",
        certificateFile,
        privateKeyFile,
        reason,
        current.certificate().getSubjectX500Principal().getName());
    try {
      listener.rejected(reason);
    } catch (RuntimeException e) {
      LOG.error("event=certificate_reload_listener_failed cert={}", certificateFile, e);
    }
  }

  /** The bytes of both files at one read. */
  private record Snapshot(byte[] certificate, byte[] privateKey) {
    static Snapshot read(Path certificateFile, Path privateKeyFile) throws IOException {
      return new Snapshot(Files.readAllBytes(certificateFile), Files.readAllBytes(privateKeyFile));
    }

    CertifiedKey parse() {
      return CertifiedKey.fromPem(
          new String(certificate, StandardCharsets.ISO_8859_1),
          new String(privateKey, StandardCharsets.ISO_8859_1));
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Snapshot that
          && Arrays.equals(certificate, that.certificate)
          && Arrays.equals(privateKey, that.privateKey);
    }

    @Override
    public int hashCode() {
      return 31 * Arrays.hashCode(certificate) + Arrays.hashCode(privateKey);
    }

    @Override
    public String toString() {
      return "Snapshot[" + certificate.length + " + " + privateKey.length + " bytes]";
    }
  }
}
