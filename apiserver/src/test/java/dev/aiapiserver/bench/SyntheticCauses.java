package dev.aiapiserver.bench;

import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuotaBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPathBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The objects besides workloads that the views read as causes, drawn as the controllers write
 * them: an EndpointSlice per Service (addresses, target, node and zone per endpoint), an autoscaler
 * for a third of the Deployments, a disruption budget for a third of them and for every
 * StatefulSet, a claim per StatefulSet pod, an Ingress per ten Services, a quota per namespace. They
 * draw from dice of their own, so that adding them leaves the rest of the cluster as it was.
 */
final class SyntheticCauses {
  private final Dice dice;
  private final Instant now;
  private final List<String> nodes;
  private final List<HasMetadata> objects = new ArrayList<>();
  private final List<String> servicesOfNamespace = new ArrayList<>();

  SyntheticCauses(long seed, Instant now, List<String> nodes) {
    this.dice = new Dice(seed ^ 0x5eed_ca05eL);
    this.now = now;
    this.nodes = nodes;
  }

  List<HasMetadata> objects() {
    return objects;
  }

  /** A Deployment's causes: the slice of its Service if it has one, maybe an autoscaler and a budget. */
  void deployment(String ns, WorkloadPlan plan, boolean service) {
    if (service) {
      endpointSlice(ns, plan.name(), plan.replicas(), plan.replicas() - plan.faultyPods());
    }
    if (dice.chance(1.0 / 3)) {
      int max = plan.replicas() + dice.between(0, 4);
      boolean atMax = plan.replicas() == max;
      objects.add(new HorizontalPodAutoscalerBuilder().withMetadata(meta(ns, plan.name()))
          .withNewSpec().withNewScaleTargetRef().withApiVersion("apps/v1").withKind("Deployment")
          .withName(plan.name()).endScaleTargetRef().withMinReplicas(Math.max(1, plan.replicas() / 2))
          .withMaxReplicas(max).addNewMetric().withType("Resource").withNewResource().withName("cpu")
          .withNewTarget().withType("Utilization").withAverageUtilization(70).endTarget().endResource().endMetric()
          .endSpec()
          .withNewStatus().withCurrentReplicas(plan.replicas()).withDesiredReplicas(plan.replicas())
          .withLastScaleTime(ago(Duration.ofMinutes(dice.between(5, 600))))
          .addNewCurrentMetric().withType("Resource").withNewResource().withName("cpu").withNewCurrent()
          .withAverageUtilization(dice.between(20, 95)).withAverageValue(new Quantity(dice.between(50, 400) + "m"))
          .endCurrent().endResource().endCurrentMetric()
          .addNewCondition().withType("AbleToScale").withStatus("True").withReason("ReadyForNewScale")
          .withMessage("recommended size matches current size").withLastTransitionTime(ago(Duration.ofHours(3)))
          .endCondition()
          .addNewCondition().withType("ScalingActive").withStatus("True").withReason("ValidMetricFound")
          .withMessage("the HPA was able to successfully calculate a replica count from cpu resource utilization"
              + " (percentage of request)").withLastTransitionTime(ago(Duration.ofDays(3))).endCondition()
          .addNewCondition().withType("ScalingLimited").withStatus(atMax ? "True" : "False")
          .withReason(atMax ? "TooManyReplicas" : "DesiredWithinRange")
          .withMessage(atMax ? "the desired replica count is more than the maximum replica count"
              : "the desired count is within the acceptable range")
          .withLastTransitionTime(ago(Duration.ofHours(2))).endCondition()
          .endStatus().build());
    }
    if (dice.chance(1.0 / 3)) {
      budget(ns, plan.name(), plan.replicas(), plan.replicas() - plan.faultyPods());
    }
  }

  /** A StatefulSet's causes: the slice of its headless Service, a claim per pod, a budget. */
  void statefulSet(String ns, WorkloadPlan plan) {
    endpointSlice(ns, plan.name(), plan.replicas(), plan.replicas() - plan.faultyPods());
    for (int i = 0; i < plan.replicas(); i++) {
      String claim = "data-" + plan.name() + "-" + i;
      objects.add(new PersistentVolumeClaimBuilder().withMetadata(new ObjectMetaBuilder(meta(ns, claim))
              .addToLabels("app", plan.name())
              .addToAnnotations("pv.kubernetes.io/bind-completed", "yes")
              .addToAnnotations("pv.kubernetes.io/bound-by-controller", "yes")
              .addToAnnotations("volume.beta.kubernetes.io/storage-provisioner", "ebs.csi.aws.com")
              .addToAnnotations("volume.kubernetes.io/storage-provisioner", "ebs.csi.aws.com")
              .addToAnnotations("volume.kubernetes.io/selected-node", dice.pick(nodes))
              .withFinalizers("kubernetes.io/pvc-protection").build())
          .withNewSpec().withAccessModes("ReadWriteOnce").withStorageClassName("gp3").withVolumeMode("Filesystem")
          .withVolumeName("pvc-" + dice.uid()).withNewResources().addToRequests("storage", new Quantity("20Gi"))
          .endResources().endSpec()
          .withNewStatus().withPhase("Bound").withAccessModes("ReadWriteOnce")
          .addToCapacity("storage", new Quantity("20Gi")).endStatus().build());
    }
    budget(ns, plan.name(), plan.replicas(), plan.replicas() - plan.faultyPods());
  }

  /** A namespace's Ingresses (one per ten of its Services) and its quota. */
  void namespace(String ns, List<String> services, int pods) {
    for (int i = 0; i < services.size(); i += 10) {
      IngressBuilder ingress = new IngressBuilder().withMetadata(meta(ns, ns + "-" + (i / 10)))
          .withNewSpec().withIngressClassName("nginx").addNewTl().withHosts(ns + (i / 10) + ".example.com")
          .withSecretName(ns + "-tls").endTl().addNewRule().withHost(ns + (i / 10) + ".example.com").withNewHttp()
          .withPaths(services.subList(i, Math.min(i + 10, services.size())).stream()
              .map(s -> new HTTPIngressPathBuilder().withPath("/" + s).withPathType("Prefix").withNewBackend()
                  .withNewService().withName(s).withNewPort().withName("http").endPort().endService().endBackend()
                  .build()).toList())
          .endHttp().endRule().endSpec()
          .withNewStatus().withNewLoadBalancer().addNewIngress().withHostname("lb-" + dice.hex(8) + ".example.com")
          .endIngress().endLoadBalancer().endStatus();
      objects.add(ingress.build());
    }
    Map<String, Quantity> hard = Map.of("requests.cpu", new Quantity("200"), "requests.memory", new Quantity("400Gi"),
        "pods", new Quantity(String.valueOf(pods * 2)));
    Map<String, Quantity> used = Map.of("requests.cpu", new Quantity(pods / 10 + ""), "requests.memory",
        new Quantity(pods / 5 + "Gi"), "pods", new Quantity(String.valueOf(pods)));
    objects.add(new ResourceQuotaBuilder().withMetadata(meta(ns, "compute")).withNewSpec().withHard(hard).endSpec()
        .withNewStatus().withHard(hard).withUsed(used).endStatus().build());
  }

  private void endpointSlice(String ns, String service, int replicas, int ready) {
    List<Endpoint> endpoints = new ArrayList<>();
    for (int i = 0; i < replicas; i++) {
      String node = dice.pick(nodes);
      boolean isReady = i < ready;
      endpoints.add(new EndpointBuilder().withAddresses("10.244." + dice.between(0, 19) + "." + dice.between(2, 254))
          .withNewConditions().withReady(isReady).withServing(isReady).withTerminating(false).endConditions()
          .withNodeName(node).withZone("zone-" + (char) ('a' + dice.between(0, 2)))
          .withNewTargetRef().withKind("Pod").withNamespace(ns).withName(service + "-" + dice.suffix(10) + "-"
              + dice.suffix(5)).withUid(dice.uid()).endTargetRef().build());
    }
    objects.add(new EndpointSliceBuilder().withMetadata(new ObjectMetaBuilder(meta(ns, service + "-" + dice.suffix(5)))
            .addToLabels("kubernetes.io/service-name", service)
            .addToLabels("endpointslice.kubernetes.io/managed-by", "endpointslice-controller.k8s.io")
            .addToAnnotations("endpoints.kubernetes.io/last-change-trigger-time", ago(Duration.ofMinutes(30)))
            .build())
        .withAddressType("IPv4").withEndpoints(endpoints)
        .addNewPort().withName("http").withPort(8080).withProtocol("TCP").endPort().build());
  }

  private void budget(String ns, String name, int replicas, int healthy) {
    int min = Math.max(1, replicas - 1);
    objects.add(new PodDisruptionBudgetBuilder().withMetadata(meta(ns, name))
        .withNewSpec().withNewMinAvailable(min).withNewSelector().addToMatchLabels("app", name).endSelector()
        .endSpec()
        .withNewStatus().withObservedGeneration(1L).withExpectedPods(replicas).withCurrentHealthy(healthy)
        .withDesiredHealthy(min).withDisruptionsAllowed(Math.max(0, healthy - min))
        .withConditions(new ConditionBuilder().withType("DisruptionAllowed").withStatus(healthy > min ? "True" : "False")
            .withReason(healthy > min ? "SufficientPods" : "InsufficientPods").withMessage("")
            .withObservedGeneration(1L).withLastTransitionTime(ago(Duration.ofDays(2))).build())
        .endStatus().build());
  }

  private io.fabric8.kubernetes.api.model.ObjectMeta meta(String ns, String name) {
    return new ObjectMetaBuilder().withName(name).withNamespace(ns).withUid(dice.uid())
        .withResourceVersion(String.valueOf(dice.between(100000, 999999)))
        .withCreationTimestamp(ago(Duration.ofDays(dice.between(5, 200)))).withGeneration(1L).build();
  }

  private String ago(Duration d) {
    return now.minus(d).truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
