package dev.aiapiserver.views;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Deployments: every fixture under fixtures/deployment is one row of the verdict table. */
class DeploymentSummaryTest {
  @TestFactory
  Stream<DynamicTest> givenADeploymentWhenSummarizedThenTheVerdictExplainsIt() {
    return Fixtures.derivationTests("deployment");
  }
}
