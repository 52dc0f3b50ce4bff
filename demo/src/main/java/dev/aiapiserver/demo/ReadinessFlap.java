package dev.aiapiserver.demo;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;

/**
 * One web pod whose readiness probe fails and recovers in turn: the pod's Ready and
 * ContainersReady conditions and container readiness flip, its ReplicaSet's and Deployment's ready
 * counts follow (web goes Degraded and back to Healthy), and a failing probe is recorded as an
 * Unhealthy Warning event, as the kubelet records it.
 */
final class ReadinessFlap {
  private static final String APP = "web";

  private final KubernetesClient client;
  private final Clock clock;

  ReadinessFlap(KubernetesClient client, Clock clock) {
    this.client = client;
    this.clock = clock;
  }

  void step() {
    List<Pod> pods = client.pods().inNamespace(ShopWorkloads.NAMESPACE).withLabel("app", APP)
        .list().getItems().stream()
        .sorted(Comparator.comparing(p -> p.getMetadata().getName())).toList();
    if (pods.isEmpty()) {
      return;
    }
    Pod pod = pods.get(pods.size() - 1);
    String now = clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
    boolean ready = !isReady(pod);
    for (PodCondition condition : pod.getStatus().getConditions()) {
      if (condition.getType().equals("Ready") || condition.getType().equals("ContainersReady")) {
        condition.setStatus(ready ? "True" : "False");
        condition.setReason(ready ? null : "ContainersNotReady");
        condition.setMessage(ready ? null : "containers with unready status: [web]");
        condition.setLastTransitionTime(now);
      }
    }
    pod.getStatus().getContainerStatuses().forEach(c -> c.setReady(ready));
    client.pods().inNamespace(ShopWorkloads.NAMESPACE).resource(pod).updateStatus();
    int readyPods = (int) pods.stream().filter(p -> p == pod ? ready : isReady(p)).count();
    updateCounts(readyPods);
    if (!ready) {
      recordUnhealthy(pod, now);
    }
  }

  private void updateCounts(int readyPods) {
    Deployment web = client.apps().deployments().inNamespace(ShopWorkloads.NAMESPACE)
        .withName(APP).get();
    if (web == null || web.getStatus() == null) {
      return;
    }
    int desired = web.getSpec().getReplicas();
    web.getStatus().setReadyReplicas(readyPods);
    web.getStatus().setAvailableReplicas(readyPods);
    web.getStatus().setUnavailableReplicas(desired - readyPods > 0 ? desired - readyPods : null);
    client.apps().deployments().inNamespace(ShopWorkloads.NAMESPACE).resource(web).updateStatus();
    for (ReplicaSet rs : client.apps().replicaSets().inNamespace(ShopWorkloads.NAMESPACE)
        .withLabel("app", APP).list().getItems()) {
      rs.getStatus().setReadyReplicas(readyPods);
      rs.getStatus().setAvailableReplicas(readyPods);
      client.apps().replicaSets().inNamespace(ShopWorkloads.NAMESPACE).resource(rs).updateStatus();
    }
  }

  private void recordUnhealthy(Pod pod, String now) {
    String name = pod.getMetadata().getName() + ".unhealthy";
    Event existing = client.v1().events().inNamespace(ShopWorkloads.NAMESPACE).withName(name).get();
    if (existing != null) {
      existing.setCount(existing.getCount() + 1);
      existing.setLastTimestamp(now);
      client.v1().events().inNamespace(ShopWorkloads.NAMESPACE).resource(existing).update();
      return;
    }
    client.v1().events().inNamespace(ShopWorkloads.NAMESPACE).resource(new EventBuilder()
        .withNewMetadata().withName(name).withNamespace(ShopWorkloads.NAMESPACE).endMetadata()
        .withNewInvolvedObject().withApiVersion("v1").withKind("Pod")
        .withName(pod.getMetadata().getName()).withNamespace(ShopWorkloads.NAMESPACE)
        .withUid(pod.getMetadata().getUid()).withFieldPath("spec.containers{web}")
        .endInvolvedObject()
        .withType("Warning").withReason("Unhealthy")
        .withMessage("Readiness probe failed: HTTP probe failed with statuscode: 503")
        .withCount(1).withFirstTimestamp(now).withLastTimestamp(now)
        .withNewSource().withComponent("kubelet").withHost(pod.getSpec().getNodeName()).endSource()
        .build()).create();
  }

  private static boolean isReady(Pod pod) {
    return pod.getStatus().getContainerStatuses().stream().allMatch(ContainerStatus::getReady);
  }
}
