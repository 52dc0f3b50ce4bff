package dev.aiapiserver.views;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** DaemonSets: every fixture under fixtures/daemonset is one row of the verdict table. */
class DaemonSetSummaryTest {
  @TestFactory
  Stream<DynamicTest> givenADaemonSetWhenSummarizedThenTheVerdictExplainsIt() {
    return Fixtures.derivationTests("daemonset");
  }
}
