package dev.aiapiserver.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.Generate;

/** Durations as flags take them (Go's time.ParseDuration), checked over generated input. */
class GoDurationPropertiesTest {
  static final int EXAMPLES = 3000;

  @Test
  void everyDurationPrintsAsAFlagValueThatParsesBackToItself() {
    qt().withExamples(EXAMPLES).forAll(longs().between(-Long.MAX_VALUE, Long.MAX_VALUE)).checkAssert(nanos -> {
      Duration d = Duration.ofNanos(nanos);
      assertEquals(d, GoDuration.parse(GoDuration.format(d)), GoDuration.format(d));
    });
    System.out.printf("property holds: durations format and parse back (%d generated examples)%n", EXAMPLES);
  }

  @Test
  void anyTextIsADurationOrAClearRefusal() {
    List<Character> chars = "0123456789.+-hmsuµn \u0663x".chars().mapToObj(c -> (char) c).toList();
    qt().withExamples(EXAMPLES).forAll(Generate.oneOf(strings().allPossible().ofLengthBetween(0, 30),
        lists().of(Generate.pick(chars)).ofSizeBetween(0, 25)
            .map(cs -> cs.stream().map(String::valueOf).collect(Collectors.joining()))))
        .checkAssert(text -> {
          try {
            GoDuration.parse(text);
          } catch (IllegalArgumentException refused) {
            // the flag is refused with a message; never another exception
          }
        });
    System.out.printf("property holds: any text is a duration or refused (%d generated examples)%n", EXAMPLES);
  }
}
