package dev.aiapiserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiapiserver.certs.CertifiedKey;
import dev.aiapiserver.certs.Pem;
import io.fabric8.kubernetes.api.model.APIService;
import io.fabric8.kubernetes.api.model.APIServiceBuilder;
import io.fabric8.kubernetes.api.model.APIServiceSpec;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertsCommandTest {
  private static final KubernetesSerialization YAML = new KubernetesSerialization();

  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void givenAServiceWhenCertsRunsThenTheServingCertificateChainsToTheCaForEveryServiceName()
      throws Exception {
    Path target = dir.resolve("certs");

    int exit =
        run("certs", "--service", "views", "--namespace", "tools", "--out", target.toString());

    assertEquals(0, exit, MainTest.text(err));
    X509Certificate ca = Pem.readCertificates(target.resolve("ca.crt")).get(0);
    CertifiedKey serving = CertifiedKey.load(target.resolve("tls.crt"), target.resolve("tls.key"));
    X509Certificate certificate = serving.certificate();
    certificate.verify(ca.getPublicKey());
    assertTrue(ca.getBasicConstraints() >= 0, "ca.crt is a CA");
    CertifiedKey.load(target.resolve("ca.crt"), target.resolve("ca.key")); // key matches
    assertEquals(
        List.of(
            "views.tools.svc",
            "views",
            "views.tools",
            "views.tools.svc.cluster.local",
            "localhost",
            "127.0.0.1"),
        alternativeNames(certificate));
    Instant inAYear = Instant.now().plus(Duration.ofHours(8760));
    assertTrue(
        Duration.between(certificate.getNotAfter().toInstant(), inAYear).abs().toMinutes() < 5,
        "valid for 8760h by default: " + certificate.getNotAfter());
    for (String file :
        List.of("ca.crt", "ca.key", "tls.crt", "tls.key", "secret.yaml", "apiservice-patch.yaml")) {
      assertTrue(MainTest.text(out).contains("wrote " + target.resolve(file)), "reports " + file);
    }
  }

  @Test
  void givenCertsWhenTheyAreWrittenThenOnlyTheOwnerCanReadTheKeys() throws Exception {
    assertEquals(0, run("certs", "--out", dir.toString()));

    if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
      for (String secret : List.of("ca.key", "tls.key", "secret.yaml")) {
        assertEquals(
            "rw-------",
            PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(secret))),
            secret);
      }
      assertEquals(
          "rw-r--r--",
          PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("tls.crt"))));
    }
  }

  @Test
  void givenCertsWhenTheManifestsAreReadBackThenTheyCarryTheSameFilesBase64Encoded()
      throws Exception {
    assertEquals(0, run("certs", "--out", dir.toString()));

    Secret secret = YAML.unmarshal(Files.readString(dir.resolve("secret.yaml")), Secret.class);
    assertEquals("ai-apiserver-tls", secret.getMetadata().getName());
    assertEquals("ai-system", secret.getMetadata().getNamespace());
    assertEquals("kubernetes.io/tls", secret.getType());
    assertEquals(
        Map.of(
            "tls.crt", file("tls.crt"),
            "tls.key", file("tls.key"),
            "ca.crt", file("ca.crt")),
        decoded(secret.getData()));

    APIService patch =
        YAML.unmarshal(Files.readString(dir.resolve("apiservice-patch.yaml")), APIService.class);
    assertEquals("apiregistration.k8s.io/v1", patch.getApiVersion());
    assertEquals("APIService", patch.getKind());
    assertEquals("v1alpha1.ai.k8s.io", patch.getMetadata().getName());
    assertEquals(file("ca.crt"), decode(patch.getSpec().getCaBundle()));
    assertEquals(null, patch.getSpec().getService(), "the patch touches only the caBundle");
  }

  @Test
  void givenAKustomizationWithTheBaseApiServiceWhenKubectlRendersItThenTheCaBundleIsMergedIn()
      throws Exception {
    assertEquals(0, run("certs", "--out", dir.toString()));
    Files.writeString(dir.resolve("apiservice.yaml"), YAML.asYaml(baseApiService()));
    Files.writeString(
        dir.resolve("kustomization.yaml"),
        YAML.asYaml(
            Map.of(
                "resources", List.of("apiservice.yaml", "secret.yaml"),
                "patches", List.of(Map.of("path", "apiservice-patch.yaml")))));

    List<HasMetadata> rendered = kustomize(dir);

    APIServiceSpec spec =
        rendered.stream()
            .filter(APIService.class::isInstance)
            .map(object -> ((APIService) object).getSpec())
            .findFirst()
            .orElseThrow();
    assertEquals(file("ca.crt"), decode(spec.getCaBundle()));
    assertEquals("ai-apiserver", spec.getService().getName(), "the base is kept");
    assertEquals(1000, spec.getGroupPriorityMinimum(), "the base is kept");
    assertTrue(rendered.stream().anyMatch(object -> object instanceof Secret));
  }

  @Test
  void givenAnOutputPathThatIsAFileWhenCertsRunsThenItFailsWithAnError() throws IOException {
    Path blocker = Files.writeString(dir.resolve("taken"), "not a directory");

    int exit = run("certs", "--out", blocker.toString());

    assertEquals(1, exit);
    assertTrue(
        MainTest.text(err).startsWith("error: cannot write to " + blocker), MainTest.text(err));
  }

  private int run(String... args) {
    return Main.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String file(String name) throws IOException {
    return Files.readString(dir.resolve(name));
  }

  private static Map<String, String> decoded(Map<String, String> data) {
    Map<String, String> decoded = new java.util.HashMap<>();
    data.forEach((key, value) -> decoded.put(key, decode(value)));
    return decoded;
  }

  private static String decode(String base64) {
    return new String(Base64.getDecoder().decode(base64), StandardCharsets.US_ASCII);
  }

  private static List<String> alternativeNames(X509Certificate certificate) throws Exception {
    List<String> names = new ArrayList<>();
    for (List<?> name : certificate.getSubjectAlternativeNames()) {
      names.add((String) name.get(1));
    }
    return names;
  }

  /** The APIService as deploy/ declares it, before the caBundle patch. */
  private static APIService baseApiService() {
    return new APIServiceBuilder()
        .withNewMetadata()
        .withName("v1alpha1.ai.k8s.io")
        .endMetadata()
        .withNewSpec()
        .withGroup("ai.k8s.io")
        .withVersion("v1alpha1")
        .withNewService()
        .withName("ai-apiserver")
        .withNamespace("ai-system")
        .withPort(443)
        .endService()
        .withGroupPriorityMinimum(1000)
        .withVersionPriority(15)
        .endSpec()
        .build();
  }

  private static List<HasMetadata> kustomize(Path kustomization) throws Exception {
    Process kubectl =
        new ProcessBuilder(kubectl().toString(), "kustomize", kustomization.toString())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    String yaml = new String(kubectl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(kubectl.waitFor(60, TimeUnit.SECONDS), "kubectl kustomize finished");
    assertEquals(0, kubectl.exitValue(), "kubectl kustomize failed");
    Object parsed = YAML.unmarshal(yaml);
    List<HasMetadata> objects = new ArrayList<>();
    for (Object object : parsed instanceof List<?> list ? list : List.of(parsed)) {
      objects.add(assertInstanceOf(HasMetadata.class, object));
    }
    return objects;
  }

  /**
   * $KUBECTL, else kubectl from PATH. Where that kubectl is a dispatcher that asks a server for its
   * version first, a versioned sibling (kubectl.1.NN) is used instead: kustomize needs no server.
   */
  private static Path kubectl() throws IOException {
    String configured = System.getenv("KUBECTL");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    for (String folder : System.getenv("PATH").split(File.pathSeparator)) {
      Path candidate = Path.of(folder, "kubectl");
      if (Files.isExecutable(candidate)) {
        Path real = candidate.toRealPath();
        try (Stream<Path> siblings = Files.list(real.getParent())) {
          return siblings
              .filter(path -> path.getFileName().toString().matches("kubectl\\.1\\.\\d+"))
              .max(
                  Comparator.comparingInt(
                      path -> Integer.parseInt(path.getFileName().toString().substring(10))))
              .orElse(real);
        }
      }
    }
    throw new AssertionError("kubectl is not on PATH; set KUBECTL to its path");
  }
}
