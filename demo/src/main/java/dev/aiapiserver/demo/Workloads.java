package dev.aiapiserver.demo;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds workloads the way their controllers leave them: a Deployment, its ReplicaSets named with
 * their pod-template-hash, and pods that carry the template's labels, the hash and a controller
 * reference; pod IPs come from the node's pod CIDR.
 */
final class Workloads {
  private final Seeding seeding;
  private final Map<String, Integer> nextIp = new HashMap<>();

  Workloads(Seeding seeding) {
    this.seeding = seeding;
  }

  Seeding seeding() {
    return seeding;
  }

  static Container container(String name, String image, String cpu, String memory,
      String memoryLimit) {
    ContainerBuilder container = new ContainerBuilder().withName(name).withImage(image)
        .withImagePullPolicy("IfNotPresent")
        .withNewResources().addToRequests("cpu", new Quantity(cpu))
        .addToRequests("memory", new Quantity(memory)).endResources();
    if (memoryLimit != null) {
      container.editResources().addToLimits("memory", new Quantity(memoryLimit)).endResources();
    }
    return container.build();
  }

  static PodTemplateSpec template(Map<String, String> labels, Container... containers) {
    return new PodTemplateSpecBuilder().withNewMetadata().withLabels(labels).endMetadata()
        .withNewSpec().withContainers(containers).withRestartPolicy("Always")
        .withTerminationGracePeriodSeconds(30L).withDnsPolicy("ClusterFirst")
        .withSchedulerName("default-scheduler").withServiceAccountName("default").endSpec()
        .build();
  }

  Deployment deployment(String namespace, String name, int replicas, PodTemplateSpec template,
      int revision, Map<String, String> annotations, DeploymentStatus status) {
    return seeding.create(new DeploymentBuilder()
        .withNewMetadata().withName(name).withNamespace(namespace)
        .withLabels(template.getMetadata().getLabels())
        .addToAnnotations("deployment.kubernetes.io/revision", String.valueOf(revision))
        .addToAnnotations(annotations).withGeneration((long) revision).endMetadata()
        .withNewSpec().withReplicas(replicas).withRevisionHistoryLimit(10)
        .withProgressDeadlineSeconds(600)
        .withNewSelector().withMatchLabels(template.getMetadata().getLabels()).endSelector()
        .withNewStrategy().withType("RollingUpdate").withNewRollingUpdate()
        .withNewMaxSurge("25%").withNewMaxUnavailable("25%").endRollingUpdate().endStrategy()
        .withTemplate(template).endSpec()
        .withStatus(status)
        .build());
  }

  /**
   * What a deployment controller reports: replicas, updated, ready and available counts and the
   * Available and Progressing conditions.
   */
  static DeploymentStatus deploymentStatus(int revision, int replicas, int updated, int ready,
      DeploymentCondition available, DeploymentCondition progressing) {
    return new DeploymentStatusBuilder().withObservedGeneration((long) revision)
        .withReplicas(replicas).withUpdatedReplicas(updated).withReadyReplicas(ready)
        .withAvailableReplicas(ready).withUnavailableReplicas(replicas - ready > 0 ? replicas - ready : null)
        .withConditions(available, progressing).build();
  }

  DeploymentCondition available(Duration since) {
    return deploymentCondition("Available", "True", "MinimumReplicasAvailable",
        "Deployment has minimum availability.", since);
  }

  DeploymentCondition unavailable(Duration since) {
    return deploymentCondition("Available", "False", "MinimumReplicasUnavailable",
        "Deployment does not have minimum availability.", since);
  }

  /** Progressing=True after the rollout of {@code revision} finished. */
  DeploymentCondition progressed(String deployment, int revision, Duration since) {
    return deploymentCondition("Progressing", "True", "NewReplicaSetAvailable", "ReplicaSet \""
        + replicaSetName(deployment, revision) + "\" has successfully progressed.", since);
  }

  /** Progressing=True while the rollout of {@code revision} is under way. */
  DeploymentCondition progressing(String deployment, int revision, Duration since) {
    return deploymentCondition("Progressing", "True", "ReplicaSetUpdated", "ReplicaSet \""
        + replicaSetName(deployment, revision) + "\" is progressing.", since);
  }

  static String replicaSetName(String deployment, int revision) {
    return deployment + "-" + podTemplateHash(deployment, revision);
  }

  private static String podTemplateHash(String deployment, int revision) {
    return Seeding.suffix(deployment + "/" + revision, 10);
  }

  DeploymentCondition deploymentCondition(String type, String status, String reason,
      String message, Duration since) {
    return new DeploymentConditionBuilder().withType(type).withStatus(status).withReason(reason)
        .withMessage(message).withLastTransitionTime(seeding.ago(since))
        .withLastUpdateTime(seeding.ago(since)).build();
  }

  ReplicaSet replicaSet(Deployment owner, int revision, PodTemplateSpec template, int replicas,
      int ready) {
    String hash = podTemplateHash(owner.getMetadata().getName(), revision);
    Map<String, String> labels = new LinkedHashMap<>(template.getMetadata().getLabels());
    labels.put("pod-template-hash", hash);
    PodTemplateSpec hashed = new PodTemplateSpecBuilder(template).editMetadata()
        .withLabels(labels).endMetadata().build();
    int desired = owner.getSpec().getReplicas();
    return seeding.create(new ReplicaSetBuilder()
        .withNewMetadata().withName(replicaSetName(owner.getMetadata().getName(), revision))
        .withNamespace(owner.getMetadata().getNamespace()).withLabels(labels)
        .addToAnnotations("deployment.kubernetes.io/revision", String.valueOf(revision))
        .addToAnnotations("deployment.kubernetes.io/desired-replicas", String.valueOf(desired))
        .addToAnnotations("deployment.kubernetes.io/max-replicas",
            String.valueOf(desired + (desired + 3) / 4))
        .withOwnerReferences(Seeding.controlledBy(owner)).endMetadata()
        .withNewSpec().withReplicas(replicas).withNewSelector().withMatchLabels(labels)
        .endSelector().withTemplate(hashed).endSpec()
        .withNewStatus().withReplicas(replicas).withFullyLabeledReplicas(replicas)
        .withReadyReplicas(ready).withAvailableReplicas(ready).withObservedGeneration(1L)
        .endStatus()
        .build());
  }

  /** The i-th pod a ReplicaSet or DaemonSet made: its name plus a generated suffix. */
  static String generatedName(HasMetadata owner, int index) {
    return owner.getMetadata().getName() + "-" + Seeding.suffix(owner.getMetadata().getName() + index, 5);
  }

  /**
   * A pod from an owner's template on a node (null: not scheduled), in the state {@code status}
   * gives for the pod's spec and IP.
   */
  Pod pod(HasMetadata owner, PodTemplateSpec template, String name, String node,
      Map<String, String> extraLabels, StatusOf status) {
    Map<String, String> labels = new LinkedHashMap<>(template.getMetadata().getLabels());
    labels.putAll(extraLabels);
    PodSpec spec = new PodSpecBuilder(template.getSpec()).withNodeName(node).build();
    String ip = node == null ? null : ipOn(node);
    return seeding.create(new PodBuilder()
        .withNewMetadata().withName(name).withNamespace(owner.getMetadata().getNamespace())
        .withLabels(labels).withOwnerReferences(Seeding.controlledBy(owner)).endMetadata()
        .withSpec(spec).withStatus(status.of(spec, ip))
        .build());
  }

  /** A pod's status given its spec (with the node) and its IP. */
  @FunctionalInterface
  interface StatusOf {
    PodStatus of(PodSpec spec, String podIp);
  }

  private String ipOn(String node) {
    int host = nextIp.merge(node, 1, Integer::sum) + 10;
    String cidr = switch (node) {
      case ScenarioNodes.CONTROL_PLANE -> "10.244.0.";
      case ScenarioNodes.WORKER -> "10.244.1.";
      default -> "10.244.2.";
    };
    return cidr + host;
  }
}
