package dev.aiapiserver.bench;

import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Instant;

/**
 * Changes one healthy pod's status on the mock, back and forth: its app container crash-loops
 * (one more restart, not ready), then runs ready again. Each flip changes its workload's summary.
 */
final class PodFlips {
  /** When a flip was asked for, and when the mock had stored it and sent its watch event. */
  record Flip(long startNanos, long committedNanos) {}

  private final KubernetesClient client;
  private final MockFront front;
  private final Pod pod;
  private boolean crashing;

  PodFlips(BenchCluster cluster, String namespace, String podName) {
    this.client = cluster.client();
    this.front = cluster.front;
    this.pod = client.pods().inNamespace(namespace).withName(podName).get();
  }

  Flip flip() {
    crashing = !crashing;
    ContainerStatus app = pod.getStatus().getContainerStatuses().get(0);
    app.setReady(!crashing);
    if (crashing) {
      app.setRestartCount(app.getRestartCount() + 1);
      app.setState(new ContainerStateBuilder().withNewWaiting().withReason("CrashLoopBackOff")
          .withMessage("back-off 10s restarting failed container=app pod=" + pod.getMetadata().getName())
          .endWaiting().build());
    } else {
      app.setState(new ContainerStateBuilder().withNewRunning().withStartedAt(Instant.now().toString())
          .endRunning().build());
    }
    for (PodCondition c : pod.getStatus().getConditions()) {
      if (c.getType().equals("Ready") || c.getType().equals("ContainersReady")) {
        c.setStatus(crashing ? "False" : "True");
      }
    }
    pod.getMetadata().setResourceVersion(null);
    long start = System.nanoTime();
    client.pods().inNamespace(pod.getMetadata().getNamespace()).resource(pod).updateStatus();
    return new Flip(start, front.lastWriteNanos);
  }
}
