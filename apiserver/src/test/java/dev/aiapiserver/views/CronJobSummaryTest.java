package dev.aiapiserver.views;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** CronJobs: every fixture under fixtures/cronjob is one row of the verdict table. */
class CronJobSummaryTest {
  @TestFactory
  Stream<DynamicTest> givenACronJobWhenSummarizedThenTheVerdictExplainsIt() {
    return Fixtures.derivationTests("cronjob");
  }
}
