package dev.aiapiserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/**
 * Given the packaged production jar (the one the container image carries), when its entries are
 * listed, then it holds the server and its libraries but no demo and no mock Kubernetes: the
 * product in the jar, the cluster outside it.
 */
class ProductionJarIT {
  private static final List<String> FORBIDDEN = List.of(
      "dev/aiapiserver/demo/",
      "dev/aiapiserver/mockcluster/",
      "io/fabric8/kubernetes/client/server/mock/",
      "io/fabric8/mockwebserver/");

  @Test
  void theProductionJarCarriesNoDemoAndNoMockServer() throws Exception {
    Path jar = Path.of(System.getProperty("aiapiserver.jar", "apiserver/target/ai-apiserver.jar"));
    assertTrue(Files.isRegularFile(jar), "the packaged jar is missing: " + jar.toAbsolutePath());
    try (JarFile file = new JarFile(jar.toFile())) {
      List<String> names = file.stream().map(ZipEntry::getName).toList();
      assertTrue(names.contains("dev/aiapiserver/Main.class"), "not the server's jar: " + jar);
      assertTrue(names.contains("io/fabric8/kubernetes/client/KubernetesClient.class"),
          "the real client stays");
      List<String> found = names.stream()
          .filter(name -> FORBIDDEN.stream().anyMatch(name::startsWith))
          .limit(10).toList();
      assertEquals(List.of(), found, "demo or mock classes in the production jar");
      assertEquals("dev.aiapiserver.Main",
          file.getManifest().getMainAttributes().getValue("Main-Class"));
    }
  }
}
