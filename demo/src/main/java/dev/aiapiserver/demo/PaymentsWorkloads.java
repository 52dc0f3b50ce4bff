package dev.aiapiserver.demo;

import static dev.aiapiserver.demo.Workloads.container;
import static dev.aiapiserver.demo.Workloads.deploymentStatus;
import static dev.aiapiserver.demo.Workloads.template;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import java.time.Duration;
import java.util.Map;

/**
 * The payments namespace: a healthy API, its database as a StatefulSet, and a fraud model that
 * asks for more CPU than any node has, so its pod never schedules.
 */
final class PaymentsWorkloads {
  static final String NAMESPACE = "payments";
  static final String UNSCHEDULABLE_MESSAGE = "0/3 nodes are available: 3 Insufficient cpu.";

  private final Workloads workloads;
  private final Seeding seeding;
  private final PodStates states;

  PaymentsWorkloads(Workloads workloads) {
    this.workloads = workloads;
    this.seeding = workloads.seeding();
    this.states = new PodStates(seeding);
  }

  void seed() {
    api();
    fraudScorer();
    ledgerDb();
    Services services = new Services(seeding);
    services.clusterIp(NAMESPACE, "payments-api", 443, 8443, "10.96.200.14");
    services.headless(NAMESPACE, "ledger-db", 5432);
  }

  private void api() {
    PodTemplateSpec template = template(Map.of("app", "payments-api"),
        container("api", "registry.example.com/payments/api:3.8.0", "300m", "384Mi", "768Mi"));
    Duration age = Duration.ofDays(11);
    Deployment api = workloads.deployment(NAMESPACE, "payments-api", 2, template, 1, Map.of(),
        deploymentStatus(1, 2, 2, 2, workloads.available(age),
            workloads.progressed("payments-api", 1, age)));
    ReplicaSet rs = workloads.replicaSet(api, 1, template, 2, 2);
    for (int i = 0; i < 2; i++) {
      workloads.pod(rs, rs.getSpec().getTemplate(), Workloads.generatedName(rs, i),
          i == 0 ? ScenarioNodes.WORKER : ScenarioNodes.CONTROL_PLANE, Map.of(),
          (spec, ip) -> states.ready(spec, ip, age));
    }
  }

  private void fraudScorer() {
    PodTemplateSpec template = template(Map.of("app", "fraud-scorer"),
        container("scorer", "registry.example.com/payments/fraud-scorer:0.9.2", "16", "24Gi", "24Gi"));
    Duration age = Duration.ofMinutes(42);
    Deployment scorer = workloads.deployment(NAMESPACE, "fraud-scorer", 1, template, 1, Map.of(),
        deploymentStatus(1, 1, 1, 0, workloads.unavailable(age),
            workloads.progressing("fraud-scorer", 1, age)));
    ReplicaSet rs = workloads.replicaSet(scorer, 1, template, 1, 0);
    Pod pod = workloads.pod(rs, rs.getSpec().getTemplate(), Workloads.generatedName(rs, 0), null,
        Map.of(), (spec, ip) -> states.unschedulable(UNSCHEDULABLE_MESSAGE, age));
    seeding.warning(pod, null, "FailedScheduling", UNSCHEDULABLE_MESSAGE, 9, age,
        Duration.ofMinutes(3), "default-scheduler", null);
  }

  private void ledgerDb() {
    PodTemplateSpec template = template(Map.of("app", "ledger-db"),
        container("postgres", "postgres:16.6", "500m", "1Gi", "2Gi"));
    Duration age = Duration.ofDays(11);
    String revision = "ledger-db-" + Seeding.suffix("ledger-db", 10);
    StatefulSet db = seeding.create(new StatefulSetBuilder()
        .withNewMetadata().withName("ledger-db").withNamespace(NAMESPACE)
        .withLabels(template.getMetadata().getLabels()).withGeneration(1L).endMetadata()
        .withNewSpec().withReplicas(3).withServiceName("ledger-db")
        .withNewSelector().withMatchLabels(template.getMetadata().getLabels()).endSelector()
        .withTemplate(template).withPodManagementPolicy("OrderedReady")
        .withNewUpdateStrategy().withType("RollingUpdate").endUpdateStrategy().endSpec()
        .withNewStatus().withObservedGeneration(1L).withReplicas(3).withReadyReplicas(3)
        .withCurrentReplicas(3).withUpdatedReplicas(3).withAvailableReplicas(3)
        .withCurrentRevision(revision).withUpdateRevision(revision).withCollisionCount(0)
        .endStatus()
        .build());
    String[] nodes = {ScenarioNodes.WORKER, ScenarioNodes.CONTROL_PLANE, ScenarioNodes.WORKER};
    for (int i = 0; i < 3; i++) {
      String name = "ledger-db-" + i;
      workloads.pod(db, template, name, nodes[i],
          Map.of("controller-revision-hash", revision,
              "statefulset.kubernetes.io/pod-name", name,
              "apps.kubernetes.io/pod-index", String.valueOf(i)),
          (spec, ip) -> states.ready(spec, ip, age));
    }
  }
}
