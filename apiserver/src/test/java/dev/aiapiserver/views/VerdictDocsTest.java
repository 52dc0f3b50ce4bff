package dev.aiapiserver.views;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** docs/verdicts.md is the reference a user reads: every reason code is explained there, every fixture cited. */
class VerdictDocsTest {
  private static final Path DOC = Path.of("..", "docs", "verdicts.md");
  private static final Path FIXTURES = Path.of("src", "test", "resources", "fixtures");

  @Test
  void givenTheReasonCodesWhenAUserReadsVerdictsMdThenEachHasARowInCauseFirstOrder() throws IOException {
    String doc = Files.readString(DOC);
    List<String> rows = doc.lines().filter(l -> l.startsWith("| `")).map(l -> l.substring(3, l.indexOf('`', 3)))
        .filter(code -> Arrays.stream(Reason.values()).anyMatch(r -> r.name().equals(code))).toList();
    assertEquals(Arrays.stream(Reason.values()).map(Reason::name).toList(), rows,
        "the reason table lists every code once, in the order health.reasons shows them");
  }

  @Test
  void givenTheFixturesWhenAUserReadsVerdictsMdThenEachIsCitedAsProof() throws IOException {
    String doc = Files.readString(DOC);
    try (Stream<Path> files = Files.walk(FIXTURES)) {
      List<String> uncited = files.filter(p -> p.toString().endsWith(".yaml"))
          .map(p -> FIXTURES.relativize(p).toString().replace('\\', '/'))
          .filter(f -> !f.startsWith("cluster/"))
          .filter(f -> !doc.contains(f) && !doc.contains("*/" + f.substring(f.indexOf('/') + 1)))
          .sorted().toList();
      assertEquals(List.of(), uncited, "fixtures docs/verdicts.md does not cite");
    }
  }
}
