package dev.aiapiserver.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class DemoMainTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void givenTheSecurePortIsTakenWhenStartedThenOneLineNamesThePortAndTheWayOut() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();

      int exit = run("--secure-port", String.valueOf(port), "--kubeconfig-out",
          Files.createTempDirectory("demo-main").resolve("kubeconfig").toString());

      assertEquals(1, exit);
      assertEquals("error: port " + port + " on 127.0.0.1 is already in use (--secure-port); stop"
          + " what holds it, or start the demo with --secure-port 0 to pick a free port\n",
          text(err));
      assertEquals("", text(out));
    }
  }

  @Test
  void givenTheFrontDoorPortIsTakenWhenStartedThenItIsNamedToo() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int exit = run("--secure-port", "0", "--front-door-port",
          String.valueOf(taken.getLocalPort()));

      assertEquals(1, exit);
      assertEquals(true, text(err).contains("(--front-door-port); stop what holds it, or start"
          + " the demo with --front-door-port 0"), text(err));
    }
  }

  @Test
  void givenAMistypedFlagWhenRunThenItSaysWhichAndExitsWithTwo() {
    assertEquals(2, run("--secure-prot=1"));
    assertEquals("error: unknown flag --secure-prot\nRun 'ai-apiserver-demo --help' for usage.\n",
        text(err));
  }

  private int run(String... args) {
    return DemoMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private static String text(ByteArrayOutputStream stream) {
    return stream.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
  }
}
