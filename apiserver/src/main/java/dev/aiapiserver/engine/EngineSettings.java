package dev.aiapiserver.engine;

import java.time.Duration;

/**
 * How the engine paces itself.
 *
 * @param coalesce how long changes gather before the marked workloads are recomputed (default
 *     20ms): a burst of pod updates of one rollout costs one derivation per workload, not one per
 *     update
 * @param clusterMinInterval the ClusterContext, which reads the whole cluster, is recomputed at
 *     most this often (default 1s)
 * @param clockTick how often views that depend on the clock alone are refreshed: CronJobs (a
 *     missed schedule produces no event) and the ClusterContext (default 1 minute)
 */
public record EngineSettings(Duration coalesce, Duration clusterMinInterval, Duration clockTick) {

  public static EngineSettings defaults() {
    return new EngineSettings(Duration.ofMillis(20), Duration.ofSeconds(1), Duration.ofMinutes(1));
  }
}
