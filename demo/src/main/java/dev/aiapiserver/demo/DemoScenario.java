package dev.aiapiserver.demo;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.List;

/**
 * A realistic small cluster, seeded into an empty API server: five namespaces, three nodes (one
 * NotReady, one with a GPU), healthy and broken workloads of every kind the views summarise
 * (crash-looping with OOMKilled, image pull failure, unschedulable, rollout in progress, failed
 * Job, suspended CronJob, StatefulSet, DaemonSet), their Warning events and Services, planted
 * secrets, and the RBAC policy of the demo users.
 */
public final class DemoScenario {
  private DemoScenario() {}

  public static void seed(KubernetesClient client, Clock clock) {
    Seeding seeding = new Seeding(client, clock.instant());
    new ScenarioNodes(seeding).seed();
    Workloads workloads = new Workloads(seeding);
    new SystemWorkloads(workloads).seed();
    new ShopWorkloads(workloads).seed();
    new PaymentsWorkloads(workloads).seed();
    new BatchWorkloads(workloads).seed();
    new DemoPolicy(seeding).seed();
  }

  /** Values planted in Secrets, ConfigMaps, env, args and annotations that must never leak. */
  public static List<String> secretCanaries() {
    return SecretCanaries.ALL;
  }
}
