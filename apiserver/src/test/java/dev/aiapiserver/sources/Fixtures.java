package dev.aiapiserver.sources;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import java.util.List;
import java.util.Map;

/**
 * Source objects for tests, built with fabric8 builders. Every container is full of secret-looking
 * values (env values, secretKeyRef, command and args with tokens, a last-applied annotation and
 * managedFields) so any test can check that none of them survives into a cache or a view.
 */
public final class Fixtures {
  public static final List<String> SECRETS = List.of(
      "s3cr3t-env-value", "s3cr3t-arg-token", "s3cr3t-cmd-password", "s3cr3t-annotation",
      "s3cr3t-managed-field", "s3cr3t-secret-name", "s3cr3t-volume");
  static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

  private Fixtures() {}

  public static Deployment deployment(String ns, String name, int replicas, Map<String, String> labels) {
    return new DeploymentBuilder()
        .withNewMetadata().withNamespace(ns).withName(name).withLabels(labels)
            .addToAnnotations(LAST_APPLIED, "{\"env\":\"s3cr3t-annotation\"}")
            .addToAnnotations("deployment.kubernetes.io/revision", "3")
            .withManagedFields(new ManagedFieldsEntryBuilder().withManager("kubectl").withOperation("Apply")
                .withNewFieldsV1().addToAdditionalProperties("f:s3cr3t-managed-field", Map.of()).endFieldsV1().build())
        .endMetadata()
        .withNewSpec().withReplicas(replicas).withNewSelector().withMatchLabels(labels).endSelector()
            .withTemplate(template(labels)).endSpec()
        .withNewStatus().withReplicas(replicas).withReadyReplicas(replicas).withAvailableReplicas(replicas)
            .withUpdatedReplicas(replicas).endStatus()
        .build();
  }

  public static ReplicaSet replicaSet(HasMetadata owner, String ns, String name, Map<String, String> labels) {
    return new ReplicaSetBuilder()
        .withNewMetadata().withNamespace(ns).withName(name).withLabels(labels)
            .withOwnerReferences(owners(owner))
            .addToAnnotations("deployment.kubernetes.io/revision", "3").endMetadata()
        .withNewSpec().withReplicas(1).withNewSelector().withMatchLabels(labels).endSelector()
            .withTemplate(template(labels)).endSpec()
        .build();
  }

  public static Job job(HasMetadata owner, String ns, String name, Map<String, String> labels) {
    return new JobBuilder()
        .withNewMetadata().withNamespace(ns).withName(name).withLabels(labels)
            .withOwnerReferences(owners(owner)).endMetadata()
        .withNewSpec().withBackoffLimit(2).withTemplate(template(labels)).endSpec()
        .build();
  }

  public static CronJob cronJob(String ns, String name, Map<String, String> labels) {
    return new CronJobBuilder()
        .withNewMetadata().withNamespace(ns).withName(name).withLabels(labels).endMetadata()
        .withNewSpec().withSchedule("*/5 * * * *")
            .withNewJobTemplate().withNewSpec().withTemplate(template(labels)).endSpec().endJobTemplate()
        .endSpec()
        .build();
  }

  /** A running, ready pod owned by owner (or bare when owner is null) on the given node. */
  public static Pod pod(HasMetadata owner, String ns, String name, Map<String, String> labels, String node) {
    return new PodBuilder()
        .withNewMetadata().withNamespace(ns).withName(name).withLabels(labels)
            .withOwnerReferences(owners(owner))
            .addToAnnotations(LAST_APPLIED, "{\"token\":\"s3cr3t-annotation\"}").endMetadata()
        .withNewSpec().withNodeName(node).withContainers(container())
            .addNewVolume().withName("creds").withNewSecret().withSecretName("s3cr3t-volume").endSecret().endVolume()
        .endSpec()
        .withNewStatus().withPhase("Running")
            .addNewCondition().withType("Ready").withStatus("True").endCondition()
            .addNewContainerStatus().withName("app").withImage("registry.local/app:1").withReady(true)
                .withRestartCount(0).withContainerID("containerd://abc")
                .withNewState().withNewRunning().withStartedAt("2025-01-01T00:00:00Z").endRunning().endState()
            .endContainerStatus()
        .endStatus()
        .build();
  }

  public static Service service(String ns, String name, Map<String, String> selector) {
    return new ServiceBuilder()
        .withNewMetadata().withNamespace(ns).withName(name).endMetadata()
        .withNewSpec().withSelector(selector).addNewPort().withPort(80).endPort().endSpec()
        .build();
  }

  public static Node node(String name, boolean ready) {
    return new NodeBuilder()
        .withNewMetadata().withName(name).addToLabels("node-role.kubernetes.io/worker", "").endMetadata()
        .withNewStatus()
            .addNewCondition().withType("Ready").withStatus(ready ? "True" : "False")
                .withLastHeartbeatTime("2025-01-01T00:00:00Z").endCondition()
            .addToCapacity("cpu", new Quantity("4")).addToAllocatable("cpu", new Quantity("3900m"))
            .addNewImage().withNames("registry.local/big-image:1").withSizeBytes(1L << 30).endImage()
        .endStatus()
        .build();
  }

  public static Event event(String type, HasMetadata about, String name, String reason) {
    return new EventBuilder()
        .withNewMetadata().withNamespace(about.getMetadata().getNamespace()).withName(name)
            .addToAnnotations(LAST_APPLIED, "s3cr3t-annotation").endMetadata()
        .withType(type).withReason(reason).withMessage(reason + " happened").withCount(1)
        .withLastTimestamp("2025-01-01T00:00:00Z")
        .withNewInvolvedObject().withKind(HasMetadata.getKind(about.getClass()))
            .withApiVersion(about.getApiVersion())
            .withNamespace(about.getMetadata().getNamespace()).withName(about.getMetadata().getName())
            .withUid(about.getMetadata().getUid()).endInvolvedObject()
        .build();
  }

  public static OwnerReference controller(HasMetadata owner) {
    return new OwnerReferenceBuilder().withApiVersion(owner.getApiVersion()).withKind(owner.getKind())
        .withName(owner.getMetadata().getName()).withUid(owner.getMetadata().getUid())
        .withController(true).withBlockOwnerDeletion(true).build();
  }

  private static List<OwnerReference> owners(HasMetadata owner) {
    return owner == null ? List.of() : List.of(controller(owner));
  }

  private static PodTemplateSpec template(Map<String, String> labels) {
    return new PodTemplateSpecBuilder()
        .withNewMetadata().withLabels(labels).addToAnnotations("checksum/config", "s3cr3t-annotation").endMetadata()
        .withNewSpec().withContainers(container()).endSpec()
        .build();
  }

  private static Container container() {
    return new ContainerBuilder().withName("app").withImage("registry.local/app:1")
        .withCommand("/bin/app", "--password=s3cr3t-cmd-password")
        .withArgs("--token=s3cr3t-arg-token")
        .addNewEnv().withName("API_KEY").withValue("s3cr3t-env-value").endEnv()
        .addNewEnv().withName("DB_PASSWORD").withNewValueFrom().withNewSecretKeyRef()
            .withName("s3cr3t-secret-name").withKey("password").endSecretKeyRef().endValueFrom().endEnv()
        .withNewResources().addToRequests("cpu", new Quantity("100m"))
            .addToLimits("memory", new Quantity("256Mi")).endResources()
        .build();
  }
}
