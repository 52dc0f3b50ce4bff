package dev.aiapiserver.views;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Pods without a controller: every fixture under fixtures/pod is one row of the verdict table. */
class BarePodSummaryTest {
  @TestFactory
  Stream<DynamicTest> givenABarePodWhenSummarizedThenTheVerdictExplainsIt() {
    return Fixtures.derivationTests("pod");
  }
}
