package dev.aiapiserver.views;

import dev.aiapiserver.api.WorkloadSummary;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** JMH: deriving one WorkloadSummary, the engine's unit of work per changed workload. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DeriveJmh {
  private WorkloadInputs healthy;
  private WorkloadInputs crashLooping;

  @Setup
  public void load() {
    healthy = Fixtures.load("deployment/healthy.yaml").inputs();
    crashLooping = Fixtures.load("deployment/crashloop-oomkilled.yaml").inputs();
  }

  @Benchmark
  public WorkloadSummary healthyDeployment() {
    return WorkloadSummaries.derive(healthy);
  }

  @Benchmark
  public WorkloadSummary crashLoopingDeployment() {
    return WorkloadSummaries.derive(crashLooping);
  }
}
