package dev.aiapiserver.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real kubectl binaries of this machine. The kubectl on PATH is a dispatcher; the folder it
 * resolves to holds kubectl.1.27 ... kubectl.1.33, which the tests call directly. KUBECTL_DIR
 * overrides the folder.
 */
public final class Kubectl {
  public record Result(int exitCode, String stdout, String stderr) {
    public String out() {
      return stdout;
    }
  }

  private final Path binary;
  private final Path kubeconfig;
  private final Path cacheDir;

  public Kubectl(String version, Path kubeconfig) throws IOException {
    Path versioned = directory().resolve("kubectl." + version);
    // Machines with one plain kubectl (no versioned binaries beside it) test with that one.
    this.binary = Files.isExecutable(versioned) ? versioned : directory().resolve("kubectl");
    this.kubeconfig = kubeconfig;
    this.cacheDir = Files.createTempDirectory("kubectl-cache");
  }

  public static Path directory() throws IOException {
    String dir = System.getenv("KUBECTL_DIR");
    if (dir != null && !dir.isEmpty()) {
      return Path.of(dir);
    }
    for (String p : System.getenv("PATH").split(java.io.File.pathSeparator)) {
      Path candidate = Path.of(p, "kubectl");
      if (Files.isExecutable(candidate)) {
        return candidate.toRealPath().getParent();
      }
    }
    throw new IllegalStateException("kubectl is not on PATH");
  }

  public Result run(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(binary.toString());
    cmd.add("--kubeconfig=" + kubeconfig);
    cmd.add("--cache-dir=" + cacheDir);
    cmd.addAll(List.of(args));
    Path out = Files.createTempFile("kubectl", ".out");
    Path err = Files.createTempFile("kubectl", ".err");
    Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("kubectl did not finish: " + cmd);
    }
    Result r = new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
    Files.deleteIfExists(out);
    Files.deleteIfExists(err);
    return r;
  }

  /** A running kubectl whose output lines arrive as they are printed (e.g. get -w). */
  public final class Streaming implements AutoCloseable {
    private final Process process;
    private final java.util.concurrent.BlockingQueue<String> lines = new java.util.concurrent.LinkedBlockingQueue<>();

    Streaming(Process process) {
      this.process = process;
      Thread reader = new Thread(() -> {
        try (java.io.BufferedReader in = process.inputReader(StandardCharsets.UTF_8)) {
          for (String line = in.readLine(); line != null; line = in.readLine()) {
            lines.add(line);
          }
        } catch (IOException e) {
          // the process ended
        }
      });
      reader.setDaemon(true);
      reader.start();
    }

    /** Waits (up to 30 s) for a line matching the pattern. */
    public String await(String regex) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      List<String> seen = new ArrayList<>();
      while (System.nanoTime() < deadline) {
        String line = lines.poll(100, TimeUnit.MILLISECONDS);
        if (line != null) {
          seen.add(line);
          if (line.matches(regex)) {
            return line;
          }
        }
      }
      throw new AssertionError("no line matching " + regex + " in " + seen);
    }

    @Override
    public void close() {
      process.destroy();
    }
  }

  /** Starts kubectl and streams its output; close() stops it. */
  public Streaming stream(String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(binary.toString(), "--kubeconfig=" + kubeconfig,
        "--cache-dir=" + cacheDir));
    cmd.addAll(List.of(args));
    return new Streaming(new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start());
  }

  /** Runs and requires success without warnings. */
  public String ok(String... args) throws IOException, InterruptedException {
    Result r = run(args);
    if (r.exitCode() != 0 || !r.stderr().isBlank()) {
      throw new AssertionError("kubectl " + String.join(" ", args) + " exit=" + r.exitCode() + "\nstdout:\n"
          + r.stdout() + "\nstderr:\n" + r.stderr());
    }
    return r.stdout();
  }

  /** Writes a kubeconfig for a server, trusted through its CA, with an optional bearer token. */
  public static Path kubeconfig(Path dir, String server, String caPem, String user, String token)
      throws IOException {
    String ca = java.util.Base64.getEncoder().encodeToString(caPem.getBytes(StandardCharsets.UTF_8));
    String yaml = """
        apiVersion: v1
        kind: Config
        clusters:
        - name: test
          cluster:
            server: %s
            certificate-authority-data: %s
        users:
        - name: %s
          user:
            token: %s
        contexts:
        - name: test
          context:
            cluster: test
            user: %s
        current-context: test
        """.formatted(server, ca, user, token == null ? "none" : token, user);
    Path file = dir.resolve(user + ".kubeconfig");
    Files.writeString(file, yaml);
    return file;
  }
}
