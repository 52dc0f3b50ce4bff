package dev.aiapiserver.redact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Given free text as components write it, when it passes the redactor, then no secret shape
 * survives (secrets.txt) and no ordinary message is changed (messages.txt).
 */
class SecretRedactorTest {
  private static final SecretRedactor REDACTOR = SecretRedactor.standard();

  /** A line of secrets.txt: the message with ⟦brackets⟧ removed, and the bracketed secrets. */
  record SecretCase(String line, String message, List<String> secrets, String prefix) {
    @Override
    public String toString() {
      return line;
    }

    static SecretCase parse(String line) {
      StringBuilder message = new StringBuilder();
      List<String> secrets = new ArrayList<>();
      int i = 0;
      while (i < line.length()) {
        int open = line.indexOf('⟦', i);
        if (open < 0) {
          message.append(line, i, line.length());
          break;
        }
        int close = line.indexOf('⟧', open);
        message.append(line, i, open).append(line, open + 1, close);
        secrets.add(line.substring(open + 1, close));
        i = close + 1;
      }
      return new SecretCase(line, message.toString(), List.copyOf(secrets), line.substring(0, line.indexOf('⟦')));
    }
  }

  static List<String> lines(String resource) throws IOException {
    try (InputStream in = SecretRedactorTest.class.getResourceAsStream("/redact/" + resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    }
  }

  static Stream<SecretCase> secretShapes() throws IOException {
    return lines("secrets.txt").stream().map(SecretCase::parse);
  }

  static Stream<String> componentMessages() throws IOException {
    return lines("messages.txt").stream();
  }

  @Test
  void theCorporaAreAsLargeAsTheIssueAsks() throws IOException {
    assertTrue(lines("secrets.txt").size() >= 100, "secret shapes: " + lines("secrets.txt").size());
    assertTrue(lines("messages.txt").size() >= 100, "component messages: " + lines("messages.txt").size());
  }

  @ParameterizedTest
  @MethodSource("secretShapes")
  void givenASecretInAMessageWhenRedactedThenNoPieceOfItSurvivesAndTheKeyStaysVisible(SecretCase c) {
    String out = REDACTOR.redact(c.message());

    for (String secret : c.secrets()) {
      assertFalse(out.contains(secret), () -> "secret " + secret + " survived: " + out);
      for (int i = 0; i + 8 <= secret.length(); i++) {
        String piece = secret.substring(i, i + 8);
        assertFalse(out.contains(piece), () -> "a piece (" + piece + ") of " + secret + " survived: " + out);
      }
    }
    assertTrue(out.contains(SecretRedactor.MARK), out);
    assertTrue(out.startsWith(c.prefix()), () -> "what precedes the secret changed: " + out);
  }

  @ParameterizedTest
  @MethodSource("componentMessages")
  void givenARealComponentMessageWhenRedactedThenItIsUnchanged(String message) {
    assertEquals(message, REDACTOR.redact(message));
  }

  @Test
  void theKeyOrFlagStaysSoTheMessageStillSaysWhatWasWrong() {
    assertEquals("exec: \"--db-password=[redacted]\": executable file not found in $PATH",
        REDACTOR.redact("exec: \"--db-password=pw-7f3Kq9xLmN2\": executable file not found in $PATH"));
    assertEquals("failed to connect to postgres://app:[redacted]@db:5432/orders",
        REDACTOR.redact("failed to connect to postgres://app:s3cret-pw@db:5432/orders"));
    assertEquals("{\"user\":\"svc\",\"password\":\"[redacted]\"}",
        REDACTOR.redact("{\"user\":\"svc\",\"password\":\"pa$$w0rd\"}"));
    assertEquals("Authorization: Bearer [redacted]", REDACTOR.redact("Authorization: Bearer abcDEF123456ghi"));
  }

  @Test
  void redactingTwiceChangesNothingMore() throws IOException {
    for (SecretCase c : secretShapes().toList()) {
      String once = REDACTOR.redact(c.message());
      assertEquals(once, REDACTOR.redact(once), c.line());
    }
  }

  @Test
  void nullAndEmptyPassThrough() {
    assertNull(REDACTOR.redact(null));
    assertEquals("", REDACTOR.redact(""));
  }

  @Test
  void theVendoredRuleSetsLoad() {
    assertTrue(GitleaksRules.load().size() >= 140, "gitleaks rules: " + GitleaksRules.load().size());
    assertTrue(TokenFormats.load().size() >= 15, "token formats: " + TokenFormats.load().size());
  }

  /** Evidence passes log lines of up to 2 MB: adversarial ones must not turn quadratic. */
  @Test
  void givenTwoMegabyteLinesWhenRedactedThenEachFinishesAndSecretsInsideAreStillCaught() {
    int size = 2 * 1024 * 1024;
    List<String> lines = List.of(
        repeat("password=", size),
        repeat("a://a:", size),
        repeat("-----BEGIN PRIVATE KEY-----", size),
        repeat("ey" + "A".repeat(20) + ".", size),
        repeat("api-key: ", size),
        repeat("Bearer ", size),
        repeat("x", size - 40) + " --db-password=pw-7f3Kq9xLmN2 " + "y".repeat(10));
    for (String line : lines) {
      String out = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> REDACTOR.redact(line),
          () -> "a 2 MB line starting " + line.substring(0, 40));
      assertFalse(out.contains("pw-7f3Kq9xLmN2"));
    }
  }

  @Test
  void givenManyThreadsWhenRedactingAtOnceThenEachGetsItsOwnAnswer() throws Exception {
    List<SecretCase> cases = secretShapes().toList();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int round = 0; round < 4; round++) {
        for (SecretCase c : cases) {
          results.add(pool.submit(() -> c.secrets().stream().noneMatch(REDACTOR.redact(c.message())::contains)));
        }
      }
      for (Future<Boolean> r : results) {
        assertTrue(r.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static String repeat(String unit, int size) {
    return unit.repeat(size / unit.length() + 1).substring(0, size);
  }
}
