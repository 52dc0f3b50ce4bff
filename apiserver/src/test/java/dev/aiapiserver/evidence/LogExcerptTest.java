package dev.aiapiserver.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiapiserver.api.WorkloadEvidence.ContainerLog;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What of a read log tail is shown: the newest lines within 40 lines and 4 KiB, cut, redacted. */
class LogExcerptTest {
  static final LogTarget TARGET = new LogTarget("shop", "web-1", "web", true);

  @Test
  void theNewestLinesAreKeptWithinFourKibibytesAndTheRestCounted() {
    String line = "GET /api/cart 200 12ms " + "z".repeat(177); // 200 characters
    byte[] read = (line + "\n").repeat(40).getBytes(StandardCharsets.UTF_8);

    ContainerLog log = LogExcerpt.of(TARGET, read, false);

    int bytes = log.lines().stream().mapToInt(l -> l.getBytes(StandardCharsets.UTF_8).length + 1).sum();
    assertTrue(bytes <= LogExcerpt.MAX_BYTES, "" + bytes);
    assertEquals(20, log.lines().size());
    assertEquals(20, log.omitted());
    assertTrue(log.previous());
  }

  @Test
  void aLongLineIsCutAndALineCutByTheByteLimitSaysSo() {
    byte[] read = ("short\n" + "q".repeat(10_000)).getBytes(StandardCharsets.UTF_8);

    ContainerLog log = LogExcerpt.of(TARGET, read, true);

    assertEquals("short", log.lines().get(0));
    assertEquals(LogExcerpt.MAX_LINE, log.lines().get(1).length());
    assertTrue(log.lines().get(1).endsWith("…"));
  }

  @Test
  void plantedSecretsAreRedactedBeforeLinesAreCut() {
    String secretAtTheEdge = "x".repeat(LogExcerpt.MAX_LINE - 20) + " password=Sup3rS3cretValue!";
    byte[] read = String.join("\n", List.of(
        "connecting to postgres://checkout:hunter2-s3cr3t@orders-db:5432/orders",
        "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZ2VudCJ9.c2lnbmF0dXJl",
        "config loaded: api_key=AKIAIOSFODNN7EXAMPLE region=eu-west-1",
        secretAtTheEdge)).getBytes(StandardCharsets.UTF_8);

    ContainerLog log = LogExcerpt.of(TARGET, read, false);

    String text = String.join("\n", log.lines());
    for (String secret : List.of("hunter2-s3cr3t", "eyJhbGciOiJIUzI1NiJ9", "AKIAIOSFODNN7EXAMPLE", "Sup3r")) {
      assertFalse(text.contains(secret), secret + " in " + text);
    }
    assertTrue(text.contains("postgres://checkout:[redacted]@orders-db"), text);
    assertTrue(text.contains("region=eu-west-1"), "ordinary values stay: " + text);
  }

  @Test
  void invalidUtf8AndCarriageReturnsDoNotLoseLines() {
    byte[] read = {'o', 'k', '\r', '\n', (byte) 0xff, 'b', 'a', 'd', '\n'};

    ContainerLog log = LogExcerpt.of(TARGET, read, false);

    assertEquals(List.of("ok", "\uFFFDbad"), log.lines());
  }
}
