package dev.aiapiserver.auth;

import dev.aiapiserver.certs.Pem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A CA bundle file given by a flag, re-read on demand. A file that cannot be read or parsed keeps
 * the last good CAs (a half-written rotation must not lock clients out) and is reported.
 */
final class CaFile {
  private static final Logger LOG = LoggerFactory.getLogger(CaFile.class);

  private final Path path;
  private final String flag;
  private byte[] lastBytes;
  private volatile List<X509Certificate> cas = List.of();
  private volatile String problem;

  CaFile(Path path, String flag) {
    this.path = path;
    this.flag = flag;
  }

  /** Reads the file; true when the CAs changed. */
  synchronized boolean reload() {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path);
    } catch (IOException e) {
      report("cannot read " + path + ": " + e.getMessage());
      return false;
    }
    if (Arrays.equals(bytes, lastBytes)) {
      return false;
    }
    lastBytes = bytes;
    try {
      cas = Pem.readCertificates(new String(bytes, StandardCharsets.US_ASCII));
      problem = null;
      return true;
    } catch (IllegalArgumentException e) {
      report(e.getMessage());
      return false;
    }
  }

  List<X509Certificate> cas() {
    return cas;
  }

  Optional<String> problem() {
    return Optional.ofNullable(problem);
  }

  String flag() {
    return flag;
  }

  /** Logs a problem once, not at every check while it lasts. */
  private void report(String reason) {
    String next = "--" + flag + ": " + reason;
    if (!next.equals(problem)) {
      LOG.warn("event=ca_file_unusable flag=--{} file={} reason=\"{}\" effect=\"keeping the last good CAs\"",
          flag, path, reason);
    }
    problem = next;
  }
}
