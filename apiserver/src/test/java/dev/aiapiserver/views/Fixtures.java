package dev.aiapiserver.views;

import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/** Loads the YAML fixtures of src/test/resources/fixtures/&lt;kind&gt;/ and turns each into a test. */
final class Fixtures {
  private Fixtures() {}

  static List<Path> files(String folder) {
    URL url = Fixtures.class.getResource("/fixtures/" + folder);
    if (url == null) {
      throw new IllegalStateException("no fixtures folder " + folder);
    }
    try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
      return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Fixture load(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return Serialization.unmarshal(in, Fixture.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Fixture load(String resource) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + resource)) {
      if (in == null) {
        throw new IllegalStateException("no fixture " + resource);
      }
      return Serialization.unmarshal(in, Fixture.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One test per fixture file: given the objects, when the summary is derived, then it says what is expected. */
  static Stream<DynamicTest> derivationTests(String folder) {
    List<Path> files = files(folder);
    if (files.isEmpty()) {
      throw new IllegalStateException("no fixtures in " + folder);
    }
    return files.stream().map(file -> {
      Fixture fixture = load(file);
      return DynamicTest.dynamicTest(file.getFileName() + ": " + fixture.given(), file.toUri(),
          () -> fixture.verify(WorkloadSummaries.derive(fixture.inputs())));
    });
  }
}
