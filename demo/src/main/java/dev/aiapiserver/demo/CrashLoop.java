package dev.aiapiserver.demo;

import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;

/**
 * The checkout pods' crash loop, one step per call, taking turns: a waiting container is
 * restarted (restartCount + 1, running, not ready); a running one is OOM-killed again (last state
 * OOMKilled, exit 137) and backs off, and the kubelet's BackOff event for that pod counts up.
 */
final class CrashLoop {
  private final KubernetesClient client;
  private final Clock clock;
  private int turn;

  CrashLoop(KubernetesClient client, Clock clock) {
    this.client = client;
    this.clock = clock;
  }

  void step() {
    List<Pod> pods = client.pods().inNamespace(ShopWorkloads.NAMESPACE)
        .withLabel("app", "checkout").list().getItems().stream()
        .sorted(Comparator.comparing(p -> p.getMetadata().getName())).toList();
    if (pods.isEmpty()) {
      return;
    }
    Pod pod = pods.get(turn++ % pods.size());
    String now = clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
    boolean killed = false;
    for (ContainerStatus status : pod.getStatus().getContainerStatuses()) {
      if (status.getState().getWaiting() != null) {
        restart(status, now);
      } else {
        kill(status, now);
        killed = true;
      }
    }
    client.pods().inNamespace(ShopWorkloads.NAMESPACE).resource(pod).updateStatus();
    if (killed) {
      countBackOff(pod, now);
    }
  }

  private static void restart(ContainerStatus status, String now) {
    status.setRestartCount(status.getRestartCount() + 1);
    status.setState(new ContainerStateBuilder().withNewRunning().withStartedAt(now).endRunning()
        .build());
    status.setStarted(true);
    status.setReady(false);
  }

  private static void kill(ContainerStatus status, String now) {
    ContainerState running = status.getState();
    String started = running.getRunning() == null ? now : running.getRunning().getStartedAt();
    status.setLastState(new ContainerStateBuilder().withNewTerminated()
        .withReason(PodStates.OOM_KILLED).withExitCode(PodStates.OOM_EXIT_CODE)
        .withStartedAt(started).withFinishedAt(now).endTerminated().build());
    status.setState(new ContainerStateBuilder().withNewWaiting().withReason("CrashLoopBackOff")
        .withMessage("back-off 5m0s restarting failed container=" + status.getName())
        .endWaiting().build());
    status.setStarted(false);
    status.setReady(false);
  }

  private void countBackOff(Pod pod, String now) {
    for (Event event : client.v1().events().inNamespace(ShopWorkloads.NAMESPACE).list().getItems()) {
      if ("BackOff".equals(event.getReason()) && event.getInvolvedObject() != null
          && pod.getMetadata().getName().equals(event.getInvolvedObject().getName())) {
        event.setCount(event.getCount() == null ? 1 : event.getCount() + 1);
        event.setLastTimestamp(now);
        client.v1().events().inNamespace(ShopWorkloads.NAMESPACE).resource(event).update();
      }
    }
  }
}
