package dev.aiapiserver.bench;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Deployment with its ReplicaSets (the current one, sometimes an old one scaled to zero, and
 * during a broken rollout the new one) and their pods, as the Deployment controller leaves them.
 */
final class SyntheticDeployments {
  private final Draft draft;
  private final SyntheticPods pods;

  SyntheticDeployments(Draft draft) {
    this.draft = draft;
    this.pods = new SyntheticPods(draft);
  }

  void draw(String namespace, WorkloadPlan plan) {
    Dice dice = draft.dice;
    int revision = dice.between(1, 12);
    boolean rollout = plan.fault() == FaultKind.IMAGE_PULL_BACK_OFF
        || plan.fault() == FaultKind.CREATE_CONTAINER_CONFIG_ERROR;
    Map<String, String> labels = Workloads.labels(namespace, plan.name());
    String version = "1." + dice.between(0, 30) + "." + dice.between(0, 9);
    String image = PodTemplates.image(namespace, plan.name(), version);
    PodTemplateSpec template = PodTemplates.template(namespace, plan.name(), labels, image, false, plan.sidecar());
    PodTemplateSpec newTemplate = !rollout ? template : new PodTemplateSpecBuilder(template).editSpec()
        .editFirstContainer().withImage(PodTemplates.image(namespace, plan.name(), version + "-rc1")).endContainer()
        .endSpec().build();
    Duration age = Duration.ofHours(dice.between(24, 24 * 90));
    int replicas = plan.replicas();
    int failing = plan.fault() == null ? 0 : plan.faultyPods();
    int ready = switch (plan.fault() == null ? "none" : plan.fault().name()) {
      case "OOM_CRASH_LOOP" -> 0;
      case "UNSCHEDULABLE", "NOT_READY" -> replicas - failing;
      default -> replicas;
    };
    int total = replicas + (rollout ? failing : 0);
    String hash = dice.suffix(10);
    String nextHash = dice.suffix(10);
    String progressing = plan.name() + "-" + (rollout ? nextHash : hash);
    Deployment deployment = draft.add(new DeploymentBuilder()
        .withMetadata(draft.meta(namespace, plan.name(), age, labels).withGeneration((long) revision + (rollout ? 1 : 0))
            .withAnnotations(Workloads.ordered("deployment.kubernetes.io/revision", String.valueOf(revision + (rollout ? 1 : 0))))
            .build())
        .withNewSpec().withReplicas(replicas).withNewSelector().withMatchLabels(Workloads.ordered("app", plan.name())).endSelector()
        .withTemplate(newTemplate).withRevisionHistoryLimit(10).withProgressDeadlineSeconds(600)
        .withNewStrategy().withType("RollingUpdate").withNewRollingUpdate()
        .withNewMaxSurge("25%").withNewMaxUnavailable("25%").endRollingUpdate().endStrategy().endSpec()
        .withNewStatus().withObservedGeneration((long) revision + (rollout ? 1 : 0)).withReplicas(total)
        .withUpdatedReplicas(rollout ? failing : replicas).withReadyReplicas(ready).withAvailableReplicas(ready)
        .withUnavailableReplicas(total - ready == 0 ? null : total - ready)
        .withConditions(conditions(progressing, ready, replicas, rollout)).endStatus().build());
    if (dice.chance(0.5) && revision > 1) {
      replicaSet(deployment, template, dice.suffix(10), revision - 1, 0, 0, Duration.ofHours(dice.between(24, 24 * 90)));
    }
    ReplicaSet current = replicaSet(deployment, template, hash, revision, replicas, ready, age.minusHours(1));
    // Rollout and eviction faults live in pods beside the replicas; the others break replicas.
    int broken = rollout || plan.fault() == FaultKind.EVICTED ? 0 : failing;
    for (int i = 0; i < replicas; i++) {
      String name = plan.name() + "-" + hash + "-" + dice.suffix(5);
      Map<String, String> podLabels = withHash(labels, hash);
      Duration podAge = Duration.ofMinutes(dice.between(10, 60 * 24 * 20));
      if (i < broken) {
        pods.faulty(current, name, template, podLabels, podAge, plan.fault());
      } else {
        pods.healthy(current, name, template, podLabels, podAge);
      }
    }
    if (plan.fault() == FaultKind.EVICTED) {
      // Evicted pods stay behind as Failed next to their replacements.
      for (int i = 0; i < failing; i++) {
        pods.faulty(current, plan.name() + "-" + hash + "-" + dice.suffix(5), template, withHash(labels, hash),
            Duration.ofHours(dice.between(2, 30)), plan.fault());
      }
    }
    if (rollout) {
      ReplicaSet next = replicaSet(deployment, newTemplate, nextHash, revision + 1, failing, 0,
          Duration.ofMinutes(dice.between(12, 50)));
      for (int i = 0; i < failing; i++) {
        pods.faulty(next, plan.name() + "-" + nextHash + "-" + dice.suffix(5), newTemplate, withHash(labels, nextHash),
            Duration.ofMinutes(dice.between(11, 12)), plan.fault());
      }
    }
    if (dice.chance(0.3)) {
      draft.add(draft.events.normal(deployment, "ScalingReplicaSet", "Scaled up replica set "
          + current.getMetadata().getName() + " from " + Math.max(0, replicas - 1) + " to " + replicas,
          "deployment-controller", 1));
    }
  }

  private ReplicaSet replicaSet(Deployment owner, PodTemplateSpec template, String hash, int revision, int replicas,
      int ready, Duration age) {
    String name = owner.getMetadata().getName();
    Map<String, String> labels = withHash(owner.getMetadata().getLabels(), hash);
    PodTemplateSpec hashed = new PodTemplateSpecBuilder(template).editMetadata().withLabels(withHash(
        template.getMetadata().getLabels(), hash)).endMetadata().build();
    return draft.add(new ReplicaSetBuilder()
        .withMetadata(draft.meta(owner.getMetadata().getNamespace(), name + "-" + hash, age, labels)
            .withOwnerReferences(Draft.ownedBy(owner)).withGeneration(1L)
            .withAnnotations(Workloads.ordered("deployment.kubernetes.io/desired-replicas", String.valueOf(replicas),
                "deployment.kubernetes.io/max-replicas", String.valueOf(replicas + 1),
                "deployment.kubernetes.io/revision", String.valueOf(revision)))
            .build())
        .withNewSpec().withReplicas(replicas).withNewSelector()
        .withMatchLabels(Workloads.ordered("app", name, "pod-template-hash", hash)).endSelector().withTemplate(hashed).endSpec()
        .withNewStatus().withObservedGeneration(1L).withReplicas(replicas).withFullyLabeledReplicas(replicas)
        .withReadyReplicas(ready).withAvailableReplicas(ready).endStatus().build());
  }

  private List<DeploymentCondition> conditions(String rsName, int ready, int replicas, boolean rollout) {
    List<DeploymentCondition> conditions = new ArrayList<>();
    String longAgo = draft.ago(Duration.ofDays(draft.dice.between(1, 60)));
    boolean available = ready >= replicas - Math.max(0, replicas / 4);
    conditions.add(new DeploymentConditionBuilder().withType("Available").withStatus(available ? "True" : "False")
        .withReason(available ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable")
        .withMessage(available ? "Deployment has minimum availability." : "Deployment does not have minimum availability.")
        .withLastTransitionTime(longAgo).withLastUpdateTime(longAgo).build());
    conditions.add(new DeploymentConditionBuilder().withType("Progressing").withStatus("True")
        .withReason(rollout ? "ReplicaSetUpdated" : "NewReplicaSetAvailable")
        .withMessage("ReplicaSet \"" + rsName + "\" " + (rollout ? "is progressing." : "has successfully progressed."))
        .withLastTransitionTime(longAgo).withLastUpdateTime(draft.ago(Duration.ofMinutes(11))).build());
    return conditions;
  }

  private static Map<String, String> withHash(Map<String, String> labels, String hash) {
    return Workloads.with(labels, "pod-template-hash", hash);
  }
}
