package dev.aiapiserver.demo;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import java.time.Duration;

/**
 * The states the scenario's pods are in, written as the kubelet and the scheduler write them:
 * conditions with transition times, container statuses with state and last state, QoS class.
 */
final class PodStates {
  static final String OOM_KILLED = "OOMKilled";
  static final int OOM_EXIT_CODE = 137;

  private final Seeding seeding;

  PodStates(Seeding seeding) {
    this.seeding = seeding;
  }

  /** Scheduled, started {@code age} ago, every container running and ready. */
  PodStatus ready(PodSpec spec, String podIp, Duration age) {
    String started = seeding.ago(age);
    return base(spec, podIp, age, true)
        .withPhase("Running")
        .withContainerStatuses(spec.getContainers().stream()
            .map(c -> status(c, running(started), null, true, 0)).toList())
        .build();
  }

  /** Its containers started {@code age} ago; the readiness probe has not passed yet. */
  PodStatus starting(PodSpec spec, String podIp, Duration age) {
    String started = seeding.ago(age);
    return base(spec, podIp, age, false)
        .withPhase("Running")
        .withContainerStatuses(spec.getContainers().stream()
            .map(c -> status(c, running(started), null, false, 0)).toList())
        .build();
  }

  /**
   * Crash-looping: each container was killed {@code restarts} times with {@code reason} and
   * {@code exitCode}, the last time {@code lastDeath} ago, and now waits in CrashLoopBackOff.
   */
  PodStatus crashLooping(PodSpec spec, String podIp, Duration age, int restarts, String reason,
      int exitCode, Duration lastDeath) {
    return base(spec, podIp, age, false)
        .withPhase("Running")
        .withContainerStatuses(spec.getContainers().stream()
            .map(c -> status(c, backOff(c, "CrashLoopBackOff",
                    "back-off 5m0s restarting failed container=" + c.getName()),
                terminated(reason, exitCode, lastDeath.plusSeconds(40), lastDeath), false,
                restarts))
            .toList())
        .build();
  }

  /** The kubelet cannot pull the first container's image and backs off. */
  PodStatus imagePullBackOff(PodSpec spec, String podIp, Duration age) {
    Container container = spec.getContainers().get(0);
    return base(spec, podIp, age, false)
        .withPhase("Pending")
        .withContainerStatuses(status(container, backOff(container, "ImagePullBackOff",
            "Back-off pulling image \"" + container.getImage() + "\""), null, false, 0))
        .build();
  }

  /** Never scheduled: the scheduler's PodScheduled=False condition with its message. */
  PodStatus unschedulable(String message, Duration age) {
    return new PodStatusBuilder().withPhase("Pending").withQosClass("Burstable")
        .withConditions(new PodConditionBuilder().withType("PodScheduled").withStatus("False")
            .withReason("Unschedulable").withMessage(message)
            .withLastTransitionTime(seeding.ago(age)).build())
        .build();
  }

  /** A Job pod whose only container exited with {@code exitCode}. */
  PodStatus failed(PodSpec spec, String podIp, Duration age, int exitCode) {
    Duration finished = age.minusSeconds(30);
    return base(spec, podIp, age, false)
        .withPhase("Failed")
        .withContainerStatuses(spec.getContainers().stream()
            .map(c -> status(c, terminated("Error", exitCode, age, finished), null, false, 0))
            .toList())
        .build();
  }

  /** A Job pod that ran to completion. */
  PodStatus succeeded(PodSpec spec, String podIp, Duration age) {
    Duration finished = age.compareTo(Duration.ofSeconds(20)) > 0 ? age.minusSeconds(20) : Duration.ZERO;
    return base(spec, podIp, age, false)
        .withPhase("Succeeded")
        .withContainerStatuses(spec.getContainers().stream()
            .map(c -> status(c, terminated("Completed", 0, age, finished), null, false, 0))
            .toList())
        .build();
  }

  /**
   * Running on a node that stopped reporting: the node lifecycle controller has marked the pod
   * not ready {@code lost} ago; the containers were last seen running.
   */
  PodStatus onLostNode(PodSpec spec, String podIp, Duration age, Duration lost) {
    String started = seeding.ago(age);
    return base(spec, podIp, age, true)
        .withPhase("Running")
        .withConditions(condition("PodReadyToStartContainers", "True", age),
            condition("Initialized", "True", age),
            new PodConditionBuilder().withType("Ready").withStatus("False")
                .withLastTransitionTime(seeding.ago(lost)).build(),
            condition("ContainersReady", "True", age),
            condition("PodScheduled", "True", age))
        .withContainerStatuses(spec.getContainers().stream()
            .map(c -> status(c, running(started), null, true, 0)).toList())
        .build();
  }

  private PodStatusBuilder base(PodSpec spec, String podIp, Duration age, boolean ready) {
    String readiness = ready ? "True" : "False";
    return new PodStatusBuilder()
        .withHostIP(hostIpOf(spec.getNodeName())).withPodIP(podIp)
        .addNewPodIP().withIp(podIp).endPodIP()
        .withStartTime(seeding.ago(age))
        .withQosClass(qosClass(spec))
        .withConditions(condition("PodReadyToStartContainers", "True", age),
            condition("Initialized", "True", age),
            conditionWithReason("Ready", readiness, ready ? null : "ContainersNotReady",
                ready ? age : age.minusSeconds(5)),
            conditionWithReason("ContainersReady", readiness, ready ? null : "ContainersNotReady",
                ready ? age : age.minusSeconds(5)),
            condition("PodScheduled", "True", age));
  }

  private PodCondition condition(String type, String status, Duration since) {
    return conditionWithReason(type, status, null, since);
  }

  private PodCondition conditionWithReason(String type, String status, String reason,
      Duration since) {
    return new PodConditionBuilder().withType(type).withStatus(status).withReason(reason)
        .withLastTransitionTime(seeding.ago(since)).build();
  }

  private static ContainerStatus status(Container container, ContainerState state,
      ContainerState lastState, boolean ready, int restarts) {
    return new ContainerStatusBuilder().withName(container.getName())
        .withImage(container.getImage())
        .withImageID(ready || restarts > 0 ? "docker.io/library/" + container.getName()
            + "@sha256:" + Seeding.suffix(container.getImage(), 12) : "")
        .withContainerID(state.getWaiting() != null && restarts == 0 ? null
            : "containerd://" + Seeding.suffix(container.getName() + restarts, 24))
        .withState(state).withLastState(lastState == null ? new ContainerState() : lastState)
        .withReady(ready).withStarted(ready).withRestartCount(restarts)
        .build();
  }

  private ContainerState running(String startedAt) {
    return new ContainerStateBuilder().withNewRunning().withStartedAt(startedAt).endRunning()
        .build();
  }

  private static ContainerState backOff(Container container, String reason, String message) {
    return new ContainerStateBuilder().withNewWaiting().withReason(reason).withMessage(message)
        .endWaiting().build();
  }

  private ContainerState terminated(String reason, int exitCode, Duration started,
      Duration finished) {
    return new ContainerStateBuilder().withNewTerminated().withReason(reason)
        .withExitCode(exitCode).withStartedAt(seeding.ago(started))
        .withFinishedAt(seeding.ago(finished)).endTerminated().build();
  }

  static String hostIpOf(String node) {
    return node == null ? null : switch (node) {
      case ScenarioNodes.CONTROL_PLANE -> "172.18.0.2";
      case ScenarioNodes.WORKER -> "172.18.0.3";
      default -> "172.18.0.4";
    };
  }

  private static String qosClass(PodSpec spec) {
    boolean guaranteed = spec.getContainers().stream().allMatch(c -> c.getResources() != null
        && c.getResources().getLimits() != null && !c.getResources().getLimits().isEmpty()
        && c.getResources().getLimits().equals(c.getResources().getRequests()));
    return guaranteed ? "Guaranteed" : "Burstable";
  }
}
