package dev.aiapiserver.deploy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;

/**
 * The three kustomizations in deploy/, rendered by the real kubectl: the base, the cert-manager
 * overlay, and the self-signed overlay fed with throwaway certificates where the certs subcommand
 * writes its files.
 */
record DeployRenderings(Path deploy, RenderedManifests base, RenderedManifests certManager, RenderedManifests selfSigned) {
  static final String NAMESPACE = "ai-system";
  static final String SERVER = "ai-apiserver";
  static final String SERVICE_DNS_NAME = "ai-apiserver.ai-system.svc";
  static final String TLS_SECRET = "ai-apiserver-tls";

  /** Renders everything; {@code scratch} receives the copy of deploy/ with generated certificates. */
  static DeployRenderings render(Path scratch) throws Exception {
    Path deploy = locateDeployFolder();
    // Never the developer's own generated/ files: a fresh copy with throwaway certificates.
    Path copy = copyWithoutGeneratedFiles(deploy, scratch.resolve("with-certs"));
    CertsSubcommandOutput.writeTo(copy.resolve("overlays/self-signed/generated"), SERVER, NAMESPACE);
    return new DeployRenderings(
        deploy,
        new Kustomization(deploy.resolve("base")).render(),
        new Kustomization(deploy.resolve("overlays/cert-manager")).render(),
        new Kustomization(copy.resolve("overlays/self-signed")).render());
  }

  Stream<Named<RenderedManifests>> everyRendering() {
    return Stream.concat(Stream.of(Named.of("base", base)), everyOverlay());
  }

  Stream<Named<RenderedManifests>> everyOverlay() {
    return Stream.of(Named.of("cert-manager overlay", certManager), Named.of("self-signed overlay", selfSigned));
  }

  static PodSpec podSpec(RenderedManifests rendering) {
    return rendering.one(Deployment.class, SERVER).getSpec().getTemplate().getSpec();
  }

  static Container serverContainer(RenderedManifests rendering) {
    List<Container> containers = podSpec(rendering).getContainers();
    if (containers.size() != 1) {
      throw new AssertionError("expected one container, the server; found " + containers.size());
    }
    return containers.get(0);
  }

  /** Copies deploy/ but leaves out whatever the certs subcommand may have written locally. */
  static Path copyWithoutGeneratedFiles(Path from, Path to) throws IOException {
    Path generated = from.resolve("overlays/self-signed/generated");
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path source : paths.toList()) {
        boolean generatedFile = source.startsWith(generated) && !source.equals(generated)
            && !source.getFileName().toString().equals("README.md");
        if (!generatedFile) {
          Path target = to.resolve(from.relativize(source).toString());
          if (Files.isDirectory(source)) {
            Files.createDirectories(target);
          } else {
            Files.copy(source, target);
          }
        }
      }
    }
    return to;
  }

  private static Path locateDeployFolder() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("deploy/base/kustomization.yaml"))) {
        return dir.resolve("deploy");
      }
    }
    throw new AssertionError("no deploy/base/kustomization.yaml above " + Path.of("").toAbsolutePath());
  }
}
