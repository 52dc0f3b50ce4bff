package dev.aiapiserver.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.aiapiserver.resources.AiResources;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Property-based tests of what parses client input (QuickTheories): for any text at all, a parser
 * answers a value or a 400 (never another exception, a hang or a 500); for generated valid input, it
 * means what kube-apiserver means.
 */
class ParserPropertiesTest {
  static final int EXAMPLES = 3000;
  /** Characters that matter to the grammars, plus some that never should. */
  static final List<Character> SELECTOR_CHARS = "abkv019 =!,()<>-_./\\\"'\t\n%\u00e9\u0000".chars()
      .mapToObj(c -> (char) c).toList();

  static Gen<String> textOf(List<Character> alphabet, int maxLength) {
    return lists().of(Generate.pick(alphabet)).ofSizeBetween(0, maxLength)
        .map(cs -> cs.stream().map(String::valueOf).collect(Collectors.joining()));
  }

  static Gen<String> anyText() {
    return Generate.oneOf(textOf(SELECTOR_CHARS, 40), strings().allPossible().ofLengthBetween(0, 60));
  }

  static void report(String property) {
    System.out.printf("property holds: %s (%d generated examples)%n", property, EXAMPLES);
  }

  @Test
  void anyTextIsALabelSelectorOrA400() {
    qt().withExamples(EXAMPLES).forAll(anyText()).checkAssert(text -> {
      try {
        LabelSelector.parse(text);
      } catch (IllegalArgumentException refused) {
        // a 400 with kube-apiserver's wording
      }
    });
    report("label selector parser: any text parses or is a 400");
  }

  /** A generated requirement and what it means, evaluated without the parser. */
  record Requirement(String key, String op, List<String> values) {
    String text() {
      return switch (op) {
        case "exists" -> key;
        case "!" -> "!" + key;
        case "in", "notin" -> key + " " + op + " (" + String.join(",", values) + ")";
        default -> key + op + values.get(0);
      };
    }

    boolean matches(Map<String, String> labels) {
      String v = labels.get(key);
      return switch (op) {
        case "exists" -> v != null;
        case "!" -> v == null;
        case "=", "==" -> values.get(0).equals(v);
        case "!=" -> !values.get(0).equals(v);
        case "in" -> v != null && values.contains(v);
        default -> v == null || !values.contains(v); // notin
      };
    }
  }

  @Test
  void aValidLabelSelectorMatchesExactlyWhatItsRequirementsSay() {
    Gen<String> keys = Generate.pick(List.of("app", "tier", "k8s.io/name", "a"));
    Gen<String> values = Generate.pick(List.of("web", "db", "x1", "a.b-c", "v"));
    Gen<Requirement> requirement = keys.zip(Generate.pick(List.of("=", "==", "!=", "in", "notin", "exists", "!")),
        lists().of(values).ofSizeBetween(1, 3), Requirement::new);
    Gen<Map<String, String>> labels = lists().of(keys.zip(values, Map::entry)).ofSizeBetween(0, 4)
        .map(es -> es.stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a)));
    qt().withExamples(EXAMPLES).forAll(lists().of(requirement).ofSizeBetween(1, 4), labels)
        .checkAssert((requirements, l) -> {
          String text = requirements.stream().map(Requirement::text).collect(Collectors.joining(","));
          boolean expected = requirements.stream().allMatch(r -> r.matches(l));
          assertEquals(expected, LabelSelector.parse(text).matches(l), text + " on " + l);
        });
    report("label selector semantics: =, ==, !=, in, notin, exists, ! as kube-apiserver's");
  }

  @Test
  void anyTextIsAFieldSelectorOrA400() {
    Gen<String> fields = Generate.oneOf(anyText(), textOf(SELECTOR_CHARS, 10).map(v -> "metadata.name=" + v),
        textOf(SELECTOR_CHARS, 10).map(v -> "health.verdict!=" + v));
    qt().withExamples(EXAMPLES).forAll(fields).checkAssert(text -> {
      try {
        FieldSelector.parse(text, AiResources.WORKLOAD_SUMMARIES);
      } catch (IllegalArgumentException refused) {
        // a 400
      }
    });
    report("field selector parser: any text parses or is a 400");
  }

  @Test
  void aContinueTokenRoundTripsAndAnyOtherTextIsA400() {
    qt().withExamples(EXAMPLES).forAll(longs().between(1, Long.MAX_VALUE), strings().allPossible().ofLengthBetween(1, 80))
        .checkAssert((rv, key) -> {
          ContinueToken token = new ContinueToken(rv, key);
          assertEquals(token, ContinueToken.decode(token.encode()));
        });
    qt().withExamples(EXAMPLES).forAll(anyText()).checkAssert(text -> {
      try {
        ContinueToken.decode(text);
      } catch (BadRequest refused) {
        // a 400: never an exception of another kind
      }
    });
    report("continue tokens: encode/decode round trip; any other text is a 400");
  }

  @Test
  void aResourceVersionIsANonNegativeInt64AndNothingElse() {
    qt().withExamples(EXAMPLES).forAll(longs().between(0, Long.MAX_VALUE))
        .checkAssert(v -> assertEquals((long) v, ListOptions.parseVersion(Long.toString(v), "resourceVersion")));
    Gen<String> versionish = Generate.oneOf(anyText(), textOf("+-0123456789 \u0663".chars().mapToObj(c -> (char) c)
        .toList(), 22));
    qt().withExamples(EXAMPLES).forAll(versionish).checkAssert(text -> {
      boolean digits = !text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '9');
      boolean fits = digits && new java.math.BigInteger(text).bitLength() < 64;
      if (fits) {
        assertEquals(Long.parseLong(text), ListOptions.parseVersion(text, "resourceVersion"));
      } else {
        assertThrows(BadRequest.class, () -> ListOptions.parseVersion(text, "resourceVersion"), text);
      }
    });
    report("resource versions: non-negative int64 round trip; any other text is a 400");
  }

  static final Pattern GO_INT = Pattern.compile("[+-]?[0-9]+");

  @Test
  void anIntegerParameterIsReadAsGosParseIntAndABooleanAsKubeApiserversCodec() {
    Gen<String> numberish = Generate.oneOf(anyText(), integers().all().map((Integer v) -> String.valueOf(v)),
        longs().all().map(v -> v + "0"), textOf("+-0123456789 \u0663x".chars().mapToObj(c -> (char) c).toList(), 21));
    qt().withExamples(EXAMPLES).forAll(numberish).checkAssert(text -> {
      Optional<Long> reference = Optional.empty();
      if (GO_INT.matcher(text).matches()) {
        try {
          reference = Optional.of(Long.parseLong(text));
        } catch (NumberFormatException outOfRange) {
          // Go's ParseInt: value out of range
        }
      }
      if (reference.isPresent()) {
        assertEquals(reference.get(), QueryValues.integer(List.of(text), "limit"));
      } else {
        assertThrows(BadRequest.class, () -> QueryValues.integer(List.of(text), "limit"), text);
      }
      boolean falsy = text.equals("0") || text.equalsIgnoreCase("false");
      assertEquals(!falsy, QueryValues.bool(List.of(text)), text);
    });
    report("query integers as Go's strconv.ParseInt(s, 10, 64); booleans false only for 0 and false");
  }

  @Test
  void anyRequestTargetIsRoutedOrRefusedNeverAnException() {
    List<Character> pathChars = "/a.%2eEfzZ9;?&=+ \u00e9".chars().mapToObj(c -> (char) c).toList();
    qt().withExamples(EXAMPLES).forAll(textOf(pathChars, 30), Generate.oneOf(textOf(pathChars, 20), anyText()))
        .checkAssert((path, query) -> {
          Optional<String> refusal = RequestTargets.refusal(path, query);
          boolean badEscape = RequestTargets.badEscape(path).isPresent() || RequestTargets.badEscape(query).isPresent();
          if (badEscape) {
            assertEquals(true, refusal.isPresent(), path + "?" + query);
          }
          Set<String> dots = Set.of(".", "..");
          List<String> segments = new ArrayList<>(List.of(path.split("/", -1)));
          if (!badEscape && path.startsWith("/") && segments.stream()
              .anyMatch(s -> dots.contains(s.replace("%2e", ".").replace("%2E", ".")))) {
            assertEquals(true, refusal.isPresent(), path);
          }
        });
    report("request targets: any path and query are routed or refused with a reason");
  }
}
