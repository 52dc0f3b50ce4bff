package dev.aiapiserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MainTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void givenAMistypedFlagWhenRunThenItSaysWhichAndExitsWithTwo() {
    int exit = run("serve", "--secure-prot=8443");

    assertEquals(2, exit);
    assertEquals(
        "error: unknown flag --secure-prot\nRun 'ai-apiserver --help' for usage.\n", text(err));
    assertEquals("", text(out));
  }

  @Test
  void givenAnUnknownCommandWhenRunThenItExitsWithTwo() {
    assertEquals(2, run("serv"));
    assertTrue(text(err).startsWith("error: unknown command \"serv\""), text(err));
  }

  @Test
  void givenHelpWhenRunThenItPrintsToStandardOutputAndSucceeds() {
    int exit = run("serve", "--help");

    assertEquals(0, exit);
    assertTrue(text(out).startsWith("Usage: ai-apiserver serve [flags]"), text(out));
    assertEquals("", text(err));
  }

  private int run(String... args) {
    return Main.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  static String text(ByteArrayOutputStream stream) {
    return stream.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
  }
}
