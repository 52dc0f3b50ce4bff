package dev.aiapiserver.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiapiserver.e2e.Kubectl;
import dev.aiapiserver.testing.Await;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Given the whole demo, when its admin writes native objects with the real kubectl, then every
 * write verb works and the views follow; the agent is refused every write; the views stay
 * read-only for both; and the quickstart's "plant a failure" walkthrough, run as written, turns
 * its Deployment Failing with the cause it documents.
 */
class DemoWritesTest {
  private static final Path QUICKSTART = Path.of("..", "docs", "quickstart.md");
  private static final Duration VIEWS_FOLLOW = Duration.ofSeconds(10);

  static DemoCommand.RunningDemo demo;
  static Kubectl kubectl;
  static Path dir;

  @BeforeAll
  static void start() throws Exception {
    dir = Files.createTempDirectory("demo-writes");
    DemoCommandLine command = DemoCommandLine.parse("--secure-port", "0", "--front-door-port", "0",
        "--kubeconfig-out", dir.resolve("kubeconfig").toString());
    demo = DemoCommand.start(command.server(), command.demo(), Clock.systemUTC());
    kubectl = new Kubectl("1.33", demo.kubeconfig());
  }

  @AfterAll
  static void stop() {
    demo.close();
  }

  @Test
  void adminWritesNativeObjectsWithEveryKubectlVerbAndTheViewsFollow() throws Exception {
    Path manifest = write("notes.yaml", deployment("notes", "registry.example.com/shop/notes:1.0"));
    assertTrue(kubectl.ok("create", "-f", manifest.toString()).contains("deployment.apps/notes created"));
    awaitView("deployment.notes", row -> row.contains("Deployment"));

    write("notes.yaml", deployment("notes", "registry.example.com/shop/notes:1.1"));
    Kubectl.Result applied = kubectl.run("apply", "-f", manifest.toString());
    assertEquals(0, applied.exitCode(), applied.stderr());
    assertEquals("registry.example.com/shop/notes:1.1", field("{.spec.template.spec.containers[0].image}"));

    write("notes.yaml", deployment("notes", "registry.example.com/shop/notes:1.2"));
    assertTrue(kubectl.ok("apply", "--server-side", "-f", manifest.toString()).contains("serverside-applied"));
    assertEquals("registry.example.com/shop/notes:1.2", field("{.spec.template.spec.containers[0].image}"));

    assertTrue(kubectl.ok("scale", "deployment", "notes", "-n", "shop", "--replicas=3").contains("scaled"));
    assertEquals("3", field("{.spec.replicas}"));
    kubectl.ok("label", "deployment", "notes", "-n", "shop", "tier=backend");
    kubectl.ok("annotate", "deployment", "notes", "-n", "shop", "owner=team-notes");
    assertEquals("backend team-notes", field("{.metadata.labels.tier} {.metadata.annotations.owner}"));
    kubectl.ok("patch", "deployment", "notes", "-n", "shop", "--subresource=status",
        "-p", "{\"status\":{\"observedGeneration\":1,\"replicas\":3,\"readyReplicas\":3,"
            + "\"availableReplicas\":3,\"updatedReplicas\":3}}");
    assertEquals("3", field("{.status.readyReplicas}"));
    awaitView("deployment.notes", row -> row.contains(" 3/3 "));

    assertTrue(kubectl.ok("delete", "deployment", "notes", "-n", "shop").contains("deleted"));
    Await.until("the view of the deleted deployment goes", VIEWS_FOLLOW,
        () -> !kubectl.ok("get", "wls", "-n", "shop").contains("deployment.notes"));
  }

  @Test
  void theAgentIsRefusedEveryWrite() throws Exception {
    Path manifest = write("agent.yaml", deployment("agents-own", "registry.example.com/a:1"));
    List<List<String>> writes = List.of(
        List.of("create", "-f", manifest.toString()),
        List.of("apply", "--server-side", "-f", manifest.toString()),
        List.of("scale", "deployment", "web", "--replicas=1"),
        List.of("label", "pods", "--all", "hacked=true"),
        List.of("delete", "pods", "--all"));
    for (List<String> write : writes) {
      List<String> args = new ArrayList<>(List.of("--context", "demo-agent"));
      args.addAll(write);
      Kubectl.Result refused = kubectl.run(args.toArray(String[]::new));

      assertEquals(1, refused.exitCode(), String.join(" ", write));
      assertTrue(refused.stderr().contains("is forbidden: User \"agent\" cannot "), refused.stderr());
    }
    assertEquals("3", kubectl.ok("get", "deployment", "web", "-n", "shop", "-o", "jsonpath={.spec.replicas}"));
  }

  @Test
  void theViewsStayReadOnlyForEveryone() throws Exception {
    Kubectl.Result admin = kubectl.run("delete", "wls", "deployment.web", "-n", "shop");
    assertEquals("Error from server (MethodNotAllowed): the server does not allow this method on the"
        + " requested resource", admin.stderr().strip());

    Kubectl.Result agent = kubectl.run("--context", "demo-agent", "delete", "wls", "deployment.web");
    assertTrue(agent.stderr().startsWith("Error from server (Forbidden): workloadsummaries.ai.k8s.io"
        + " \"deployment.web\" is forbidden: User \"agent\" cannot delete resource"), agent.stderr());
  }

  @Test
  void theQuickstartWalkthroughPlantsAFailureAndTheViewNamesItsCause() throws Exception {
    String section = section("### Plant a failure", "### Stop");
    List<String> scripts = blocks(section);
    assertEquals(4, scripts.size(), "the walkthrough's four steps");

    for (String step : scripts.subList(0, 3)) {
      bash(step);
    }
    String documented = section.lines().filter(l -> l.strip().startsWith("deployment.inventory"))
        .findFirst().orElseThrow().strip();
    awaitView("deployment.inventory", row -> columns(row).equals(columns(documented)));
    String message = section.lines().dropWhile(l -> !l.contains("{.health.message}")).skip(1)
        .findFirst().orElseThrow().strip();
    assertEquals(message, kubectl.ok("get", "wls", "deployment.inventory", "-n", "shop", "-o",
        "jsonpath={.health.message}"));

    bash(scripts.get(3));
    Await.until("the cleaned-up deployment leaves the views", VIEWS_FOLLOW,
        () -> !kubectl.ok("get", "wls", "-n", "shop").contains("deployment.inventory"));
  }

  /** NAME, KIND, READY, VERDICT, REASON, RESTARTS: the columns that do not age. */
  private static List<String> columns(String row) {
    List<String> cells = List.of(row.strip().split("\\s+"));
    return cells.subList(0, cells.size() - 1);
  }

  private static void awaitView(String name, java.util.function.Predicate<String> row)
      throws Exception {
    Await.until(name + " in the views", VIEWS_FOLLOW, () -> kubectl.ok("get", "wls", "-n", "shop")
        .lines().anyMatch(l -> l.startsWith(name + " ") && row.test(l)));
  }

  private static String field(String jsonpath) throws Exception {
    return kubectl.ok("get", "deployment", "notes", "-n", "shop", "-o", "jsonpath=" + jsonpath);
  }

  private static void bash(String script) throws Exception {
    Path file = write("step.sh", script);
    ProcessBuilder process = new ProcessBuilder("bash", "-euo", "pipefail", file.toString())
        .redirectErrorStream(true);
    process.environment().put("KUBECONFIG", demo.kubeconfig().toString());
    process.environment().put("PATH", Kubectl.directory() + ":" + System.getenv("PATH"));
    Process running = process.start();
    String output = new String(running.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(running.waitFor(120, TimeUnit.SECONDS), "the step finishes");
    assertEquals(0, running.exitValue(), script + "\n" + output);
  }

  private static String section(String from, String to) throws Exception {
    String quickstart = Files.readString(QUICKSTART);
    return quickstart.substring(quickstart.indexOf(from), quickstart.indexOf(to));
  }

  private static List<String> blocks(String markdown) {
    List<String> blocks = new ArrayList<>();
    Matcher m = Pattern.compile("```sh\\n(.*?)```", Pattern.DOTALL).matcher(markdown);
    while (m.find()) {
      blocks.add(m.group(1));
    }
    return blocks;
  }

  private static Path write(String name, String content) throws Exception {
    return Files.writeString(dir.resolve(name), content);
  }

  private static String deployment(String name, String image) {
    return """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: %1$s
          namespace: shop
          labels: {app: %1$s}
        spec:
          replicas: 1
          selector:
            matchLabels: {app: %1$s}
          template:
            metadata:
              labels: {app: %1$s}
            spec:
              containers:
              - name: %1$s
                image: %2$s
        """.formatted(name, image);
  }
}
