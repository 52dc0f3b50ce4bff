package dev.aiapiserver.views;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Related objects as causes: every fixture under fixtures/related is one row (claims, autoscalers,
 * disruption budgets, quota and webhook refusals).
 */
class RelatedObjectsSummaryTest {
  @TestFactory
  Stream<DynamicTest> givenARelatedObjectAtFaultWhenSummarizedThenTheSummaryNamesIt() {
    return Fixtures.derivationTests("related");
  }
}
