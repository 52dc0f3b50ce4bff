package dev.aiapiserver.bench;

import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import java.time.Duration;
import java.util.Map;

/** StatefulSets, DaemonSets, bare pods and Services, with the status their controllers write. */
final class SyntheticControllers {
  private final Draft draft;
  private final SyntheticPods pods;

  SyntheticControllers(Draft draft) {
    this.draft = draft;
    this.pods = new SyntheticPods(draft);
  }

  void statefulSet(String namespace, WorkloadPlan plan) {
    Dice dice = draft.dice;
    Map<String, String> labels = Workloads.labels(namespace, plan.name());
    String image = PodTemplates.image(namespace, plan.name(), dice.between(12, 17) + "." + dice.between(0, 9));
    PodTemplateSpec template = PodTemplates.template(namespace, plan.name(), labels, image, false, false);
    String current = plan.name() + "-" + dice.suffix(10);
    String update = plan.fault() == null ? current : plan.name() + "-" + dice.suffix(10);
    int replicas = plan.replicas();
    int ready = replicas - plan.faultyPods();
    StatefulSet sts = draft.add(new StatefulSetBuilder()
        .withMetadata(draft.meta(namespace, plan.name(), Duration.ofDays(dice.between(5, 200)), labels)
            .withGeneration(plan.fault() == null ? 1L : 2L).build())
        .withNewSpec().withReplicas(replicas).withServiceName(plan.name()).withPodManagementPolicy("OrderedReady")
        .withNewSelector().withMatchLabels(Workloads.ordered("app", plan.name())).endSelector().withTemplate(template)
        .withNewUpdateStrategy().withType("RollingUpdate").withNewRollingUpdate().withPartition(0).endRollingUpdate()
        .endUpdateStrategy()
        .addNewVolumeClaimTemplate().withNewMetadata().withName("data").endMetadata().withNewSpec()
        .withAccessModes("ReadWriteOnce").withNewResources().withRequests(Map.of("storage", new Quantity("20Gi")))
        .endResources().endSpec().endVolumeClaimTemplate().endSpec()
        .withNewStatus().withObservedGeneration(plan.fault() == null ? 1L : 2L).withReplicas(replicas)
        .withReadyReplicas(ready).withAvailableReplicas(ready).withCurrentReplicas(ready)
        .withUpdatedReplicas(plan.faultyPods() > 0 ? plan.faultyPods() : replicas).withCurrentRevision(current)
        .withUpdateRevision(update).withCollisionCount(0).endStatus().build());
    for (int i = 0; i < replicas; i++) {
      String name = plan.name() + "-" + i;
      Map<String, String> podLabels = Workloads.with(Workloads.with(labels, "controller-revision-hash",
          i >= ready ? update : current), "statefulset.kubernetes.io/pod-name", name);
      // The rollout replaces the highest ordinal first, so that is the pod that fails.
      if (i >= ready) {
        pods.faulty(sts, name, template, podLabels, Duration.ofMinutes(dice.between(15, 50)), plan.fault());
      } else {
        pods.healthy(sts, name, template, podLabels, Duration.ofHours(dice.between(2, 24 * 30)));
      }
    }
    service(namespace, plan.name(), true);
  }

  void daemonSet(String namespace, WorkloadPlan plan) {
    Dice dice = draft.dice;
    Map<String, String> labels = Workloads.labels(namespace, plan.name());
    String image = PodTemplates.image(namespace, plan.name(), "2." + dice.between(0, 9) + "." + dice.between(0, 9));
    PodTemplateSpec template = PodTemplates.template(namespace, plan.name(), labels, image, false, false);
    int n = draft.nodes.size();
    DaemonSet ds = draft.add(new DaemonSetBuilder()
        .withMetadata(draft.meta(namespace, plan.name(), Duration.ofDays(dice.between(30, 300)), labels)
            .withGeneration(1L).withAnnotations(Workloads.ordered("deprecated.daemonset.template.generation", "1"))
            .build())
        .withNewSpec().withNewSelector().withMatchLabels(Workloads.ordered("app", plan.name())).endSelector()
        .withTemplate(template).withNewUpdateStrategy().withType("RollingUpdate").withNewRollingUpdate()
        .withNewMaxUnavailable(1).withNewMaxSurge(0).endRollingUpdate().endUpdateStrategy().endSpec()
        .withNewStatus().withObservedGeneration(1L).withDesiredNumberScheduled(n).withCurrentNumberScheduled(n)
        .withNumberReady(n).withNumberAvailable(n).withUpdatedNumberScheduled(n).withNumberMisscheduled(0)
        .endStatus().build());
    String hash = dice.suffix(10);
    for (int i = 0; i < n; i++) {
      Map<String, String> podLabels = Workloads.with(labels, "controller-revision-hash", hash);
      // A DaemonSet pod runs on its own node, one per node.
      pods.healthyOn(draft.nodes.get(i), ds, plan.name() + "-" + dice.suffix(5), template, podLabels,
          Duration.ofHours(dice.between(2, 24 * 30)));
    }
  }

  void barePod(String namespace, WorkloadPlan plan) {
    Dice dice = draft.dice;
    Map<String, String> labels = Workloads.labels(namespace, plan.name());
    PodTemplateSpec template = PodTemplates.template(namespace, plan.name(), labels,
        "docker.io/library/busybox:1.36", false, false);
    // A bare pod is its own workload: draw it as owned by a stand-in that is the pod itself.
    var self = new PodBuilder().withNewMetadata().withName(plan.name()).withNamespace(namespace).endMetadata().build();
    pods.healthy(self, plan.name(), template, labels, Duration.ofHours(dice.between(1, 24 * 10)));
  }

  void service(String namespace, String workload, boolean headless) {
    Dice dice = draft.dice;
    draft.add(new ServiceBuilder()
        .withMetadata(draft.meta(namespace, workload, Duration.ofDays(dice.between(5, 200)),
            Workloads.labels(namespace, workload)).build())
        .withNewSpec().withType("ClusterIP").withSelector(Workloads.ordered("app", workload))
        .withClusterIP(headless ? "None" : "10.96." + dice.between(0, 255) + "." + dice.between(1, 254))
        .withSessionAffinity("None").withInternalTrafficPolicy("Cluster").withIpFamilies("IPv4")
        .withIpFamilyPolicy("SingleStack")
        .addNewPort().withName("http").withPort(80).withProtocol("TCP").withNewTargetPort("http").endPort()
        .endSpec().withNewStatus().withNewLoadBalancer().endLoadBalancer().endStatus().build());
  }
}
