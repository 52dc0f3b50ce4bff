package dev.aiapiserver.views;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Jobs: every fixture under fixtures/job is one row of the verdict table. */
class JobSummaryTest {
  @TestFactory
  Stream<DynamicTest> givenAJobWhenSummarizedThenTheVerdictExplainsIt() {
    return Fixtures.derivationTests("job");
  }
}
