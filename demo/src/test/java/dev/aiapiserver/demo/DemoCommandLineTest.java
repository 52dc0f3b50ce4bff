package dev.aiapiserver.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiapiserver.config.UsageException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DemoCommandLineTest {
  @Test
  void givenNoFlagsWhenParsedThenItListensOnLoopbackAndWritesItsKubeconfigHere() {
    DemoCommandLine demo = DemoCommandLine.parse();

    assertEquals("127.0.0.1", demo.server().serving().bindAddress());
    assertEquals(8443, demo.server().serving().securePort());
    assertEquals(new DemoOptions(
        Path.of(System.getProperty("user.home"), ".kube", "ai-apiserver-demo.kubeconfig"), 0, 1),
        demo.demo());
  }

  @Test
  void givenDemoFlagsWhenParsedThenTheyLandInBothOptions() {
    DemoCommandLine demo = DemoCommandLine.parse(
        "--secure-port=0",
        "--bind-address=0.0.0.0",
        "--kubeconfig-out",
        "/tmp/demo.kubeconfig",
        "--front-door-port=6443",
        "--replicas=3",
        "--view-coalesce-interval=50ms",
        "-v=2");

    assertEquals(0, demo.server().serving().securePort());
    assertEquals("0.0.0.0", demo.server().serving().bindAddress());
    assertEquals(new DemoOptions(Path.of("/tmp/demo.kubeconfig"), 6443, 3), demo.demo());
    assertEquals(Duration.ofMillis(50), demo.server().views().viewCoalesceInterval());
    assertEquals(2, demo.server().verbosity());
  }

  @Test
  void givenAFlagOnlyARealClusterNeedsWhenParsedThenItIsUnknown() {
    UsageException error =
        assertThrows(UsageException.class, () -> DemoCommandLine.parse("--kubeconfig=/x"));

    assertTrue(error.getMessage().startsWith("unknown flag --kubeconfig"), error.getMessage());
  }

  @Test
  void givenHelpWhenAskedThenEveryLineFitsAndTheDefaultsAreShown() {
    assertTrue(DemoCommandLine.asksForHelp("--secure-port=bad", "--help"));
    String help = DemoCommandLine.help();

    assertTrue(help.startsWith("Usage: ai-apiserver-demo [flags]"), help);
    assertTrue(help.contains("(default 127.0.0.1)"), help);
    assertTrue(help.contains("--front-door-port"), help);
    assertTrue(help.contains("(default ~/.kube/ai-apiserver-demo.kubeconfig)"), help);
    assertFalse(help.contains("--tls-cert-file"), help);
    help.lines().forEach(line -> assertTrue(line.length() <= 100, "too wide: " + line));
  }
}
