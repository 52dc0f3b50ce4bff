package dev.aiapiserver.views;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** ReplicaSets: every fixture under fixtures/replicaset is one row of the verdict table. */
class ReplicaSetSummaryTest {
  @TestFactory
  Stream<DynamicTest> givenAReplicaSetWhenSummarizedThenTheVerdictExplainsIt() {
    return Fixtures.derivationTests("replicaset");
  }
}
