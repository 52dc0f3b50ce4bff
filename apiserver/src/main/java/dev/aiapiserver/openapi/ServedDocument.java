package dev.aiapiserver.openapi;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * A document ready to serve: its JSON bytes, optionally its protobuf bytes, and the hash that
 * names this content — the upper-case hex SHA-512 of the JSON bytes, as kube-openapi computes it,
 * used both as the ETag (quoted) and as the {@code ?hash=} of the v3 index URLs.
 *
 * @param protobuf the gnostic protobuf form, or null when only JSON is served
 * @param built when the bytes were built, for Last-Modified
 */
record ServedDocument(byte[] json, byte[] protobuf, String hash, Instant built) {

  static ServedDocument of(byte[] json, byte[] protobuf, Instant built) {
    return new ServedDocument(json, protobuf, sha512(json), built);
  }

  String etag() {
    return "\"" + hash + "\"";
  }

  static String sha512(byte[] bytes) {
    try {
      return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-512").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-512", e);
    }
  }
}
