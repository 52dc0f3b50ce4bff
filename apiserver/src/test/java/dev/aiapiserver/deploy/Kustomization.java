package dev.aiapiserver.deploy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A kustomization directory, rendered by the real {@code kubectl kustomize} found on PATH. */
record Kustomization(Path directory) {

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  /** Renders the directory exactly as {@code kubectl apply -k} would, and parses every object. */
  RenderedManifests render() {
    Result result = run();
    if (result.exitCode() != 0) {
      throw new AssertionError(
          "kubectl kustomize " + directory + " failed (" + result.exitCode() + "): " + result.stderr());
    }
    Object parsed = SERIALIZATION.unmarshal(result.stdout());
    List<HasMetadata> objects =
        parsed instanceof List<?> list
            ? list.stream().map(HasMetadata.class::cast).toList()
            : List.of((HasMetadata) parsed);
    return new RenderedManifests(objects);
  }

  /** The error kubectl prints when the directory cannot be rendered; fails if it renders. */
  String renderError() {
    Result result = run();
    if (result.exitCode() == 0) {
      throw new AssertionError("expected kubectl kustomize " + directory + " to fail, but it rendered");
    }
    return result.stderr();
  }

  private Result run() {
    try {
      Process process =
          new ProcessBuilder("kubectl", "kustomize", directory.toString())
              .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
              .start();
      CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
      String stdout = read(process.getInputStream());
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("kubectl kustomize " + directory + " did not finish within 60 s");
      }
      return new Result(process.exitValue(), stdout, stderr.get(10, TimeUnit.SECONDS));
    } catch (IOException e) {
      throw new AssertionError("kubectl must be on PATH to render the deploy manifests", e);
    } catch (Exception e) {
      throw new AssertionError("kubectl kustomize " + directory + " could not be run", e);
    }
  }

  private static String read(InputStream stream) {
    try (stream) {
      return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private record Result(int exitCode, String stdout, String stderr) {}
}
