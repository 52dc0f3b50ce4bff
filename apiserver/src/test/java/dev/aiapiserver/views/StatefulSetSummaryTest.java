package dev.aiapiserver.views;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** StatefulSets: every fixture under fixtures/statefulset is one row of the verdict table. */
class StatefulSetSummaryTest {
  @TestFactory
  Stream<DynamicTest> givenAStatefulSetWhenSummarizedThenTheVerdictExplainsIt() {
    return Fixtures.derivationTests("statefulset");
  }
}
