package dev.aiapiserver.bench;

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
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Pod statuses as the kubelet and scheduler write them: healthy, finished, and each planted
 * fault, with the conditions, container states and messages a real cluster shows.
 */
final class PodStatuses {
  private final Instant now;
  private final Dice dice;
  private final int nodes;

  PodStatuses(Instant now, Dice dice, int nodes) {
    this.now = now;
    this.dice = dice;
    this.nodes = nodes;
  }

  String at(Instant t) {
    return t.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  String ago(Duration d) {
    return at(now.minus(d));
  }

  PodStatus running(PodSpec spec, Instant started, int restarts) {
    List<ContainerStatus> statuses = new ArrayList<>();
    for (Container c : spec.getContainers()) {
      statuses.add(status(c, true, restarts, running(started)).build());
    }
    return base(spec, "Running", started, true).withContainerStatuses(statuses).build();
  }

  PodStatus succeeded(PodSpec spec, Instant started, Instant finished) {
    List<ContainerStatus> statuses = new ArrayList<>();
    for (Container c : spec.getContainers()) {
      statuses.add(status(c, false, 0, new ContainerStateBuilder().withNewTerminated().withExitCode(0)
          .withReason("Completed").withStartedAt(at(started)).withFinishedAt(at(finished))
          .withContainerID(containerId()).endTerminated().build()).withStarted(false).build());
    }
    return base(spec, "Succeeded", started, false).withConditions(conditions(false, "PodCompleted"))
        .withContainerStatuses(statuses).build();
  }

  /** The planted fault's pod status; {@code pod} is the pod's name and uid for the kubelet's messages. */
  PodStatus faulty(FaultKind kind, PodSpec spec, Instant started, String pod, String namespace, String uid) {
    return switch (kind) {
      case OOM_CRASH_LOOP -> appFailing(spec, started, dice.between(8, 60), new ContainerStateBuilder()
          .withNewWaiting().withReason("CrashLoopBackOff")
          .withMessage("back-off 5m0s restarting failed container=app pod=" + pod + "_" + namespace + "(" + uid + ")")
          .endWaiting().build(), oomKilled());
      case IMAGE_PULL_BACK_OFF -> appFailing(spec, started, 0, waiting("ImagePullBackOff",
          "Back-off pulling image \"" + appImage(spec) + "\""), null);
      case ERR_IMAGE_PULL -> appFailing(spec, started, 0, waiting("ErrImagePull", "failed to pull and unpack image \""
          + appImage(spec) + "\": failed to resolve reference \"" + appImage(spec)
          + "\": pulling from host " + PodTemplates.REGISTRY + " failed with status code 401 Unauthorized"), null);
      case CREATE_CONTAINER_CONFIG_ERROR -> appFailing(spec, started, 0, waiting("CreateContainerConfigError",
          "configmap \"" + configMap(spec) + "\" not found"), null);
      case UNSCHEDULABLE -> new PodStatusBuilder().withPhase("Pending").withQosClass("Burstable")
          .withConditions(new PodConditionBuilder().withType("PodScheduled").withStatus("False")
              .withReason("Unschedulable").withMessage(unschedulableMessage())
              .withLastTransitionTime(ago(Duration.ofMinutes(dice.between(5, 90)))).build())
          .build();
      case NOT_READY -> appFailing(spec, started, 0, running(started), null);
      case EVICTED -> evicted(spec, started);
      case BACKOFF_LIMIT_EXCEEDED -> jobPodFailed(spec, started);
    };
  }

  String unschedulableMessage() {
    return "0/" + nodes + " nodes are available: " + nodes + " Insufficient cpu. preemption: 0/" + nodes
        + " nodes are available: " + nodes + " No preemption victims found for incoming pod.";
  }

  private PodStatus appFailing(PodSpec spec, Instant started, int restarts, ContainerState appState,
      ContainerState lastState) {
    List<ContainerStatus> statuses = new ArrayList<>();
    for (Container c : spec.getContainers()) {
      if (c.getName().equals("app")) {
        ContainerStatusBuilder s = status(c, false, restarts, appState)
            .withStarted(appState.getRunning() != null);
        if (lastState != null) {
          s.withLastState(lastState);
        }
        if (appState.getWaiting() != null && restarts == 0) {
          s.withContainerID(null).withImageID("");
        }
        statuses.add(s.build());
      } else {
        statuses.add(status(c, true, 0, running(started)).build());
      }
    }
    // A container that never started keeps the pod Pending; one that ran (even crash-looping) makes it Running.
    String phase = restarts > 0 || appState.getRunning() != null ? "Running" : "Pending";
    return base(spec, phase, started, false).withContainerStatuses(statuses).build();
  }

  private PodStatus evicted(PodSpec spec, Instant started) {
    List<ContainerStatus> statuses = new ArrayList<>();
    for (Container c : spec.getContainers()) {
      statuses.add(status(c, false, 0, new ContainerStateBuilder().withNewTerminated().withExitCode(137)
          .withReason("Error").withStartedAt(at(started)).withFinishedAt(ago(Duration.ofMinutes(40)))
          .withContainerID(containerId()).endTerminated().build()).withStarted(false).build());
    }
    return new PodStatusBuilder().withPhase("Failed").withReason("Evicted")
        .withMessage("The node was low on resource: memory. Threshold quantity: 100Mi, available: 51200Ki. "
            + "Container app was using 1288490Ki, request is 256Mi, has larger consumption of memory. ")
        .withStartTime(at(started)).withHostIP(nodeIp(spec)).withQosClass("Burstable")
        .withConditions(conditions(false, "PodFailed")).withContainerStatuses(statuses).build();
  }

  private PodStatus jobPodFailed(PodSpec spec, Instant started) {
    List<ContainerStatus> statuses = new ArrayList<>();
    for (Container c : spec.getContainers()) {
      statuses.add(status(c, false, 0, new ContainerStateBuilder().withNewTerminated().withExitCode(1)
          .withReason("Error").withStartedAt(at(started)).withFinishedAt(at(started.plusSeconds(dice.between(5, 50))))
          .withContainerID(containerId()).endTerminated().build()).withStarted(false).build());
    }
    return base(spec, "Failed", started, false).withConditions(conditions(false, "PodFailed"))
        .withContainerStatuses(statuses).build();
  }

  private PodStatusBuilder base(PodSpec spec, String phase, Instant started, boolean ready) {
    String podIp = "10.244." + dice.between(0, 63) + "." + dice.between(2, 254);
    String nodeIp = nodeIp(spec);
    return new PodStatusBuilder().withPhase(phase).withHostIP(nodeIp).addNewHostIP().withIp(nodeIp).endHostIP()
        .withPodIP(podIp).addNewPodIP().withIp(podIp).endPodIP().withStartTime(at(started)).withQosClass("Burstable")
        .withConditions(conditions(ready, "ContainersNotReady"));
  }

  /** node-NN has the address 10.0.0.(9+NN), as SyntheticCluster gives it. */
  static String nodeIp(PodSpec spec) {
    String node = spec.getNodeName();
    return node == null ? null : "10.0.0." + (9 + Integer.parseInt(node.substring(node.lastIndexOf('-') + 1)));
  }

  private List<PodCondition> conditions(boolean ready, String notReadyReason) {
    String t = ago(Duration.ofMinutes(dice.between(30, 60 * 24 * 7)));
    PodCondition readyCondition = ready
        ? condition("Ready", "True", null, null, t)
        : condition("Ready", "False", notReadyReason,
            "PodCompleted".equals(notReadyReason) || "PodFailed".equals(notReadyReason) ? null
                : "containers with unready status: [app]", ago(Duration.ofMinutes(dice.between(2, 30))));
    return List.of(condition("PodReadyToStartContainers", "True", null, null, t),
        condition("Initialized", "True", null, null, t), readyCondition,
        new PodConditionBuilder(readyCondition).withType("ContainersReady").build(),
        condition("PodScheduled", "True", null, null, t));
  }

  private static PodCondition condition(String type, String status, String reason, String message, String at) {
    return new PodConditionBuilder().withType(type).withStatus(status).withReason(reason).withMessage(message)
        .withLastTransitionTime(at).build();
  }

  private ContainerStatusBuilder status(Container c, boolean ready, int restarts, ContainerState state) {
    return new ContainerStatusBuilder().withName(c.getName()).withImage(c.getImage())
        .withImageID(c.getImage().replaceAll(":[^:/]+$", "") + "@sha256:" + dice.hex(64))
        .withContainerID(containerId()).withReady(ready).withStarted(ready || state.getRunning() != null)
        .withRestartCount(restarts).withState(state);
  }

  private ContainerState running(Instant started) {
    return new ContainerStateBuilder().withNewRunning().withStartedAt(at(started)).endRunning().build();
  }

  private ContainerState waiting(String reason, String message) {
    return new ContainerStateBuilder().withNewWaiting().withReason(reason).withMessage(message).endWaiting().build();
  }

  private ContainerState oomKilled() {
    Instant finished = now.minusSeconds(dice.between(30, 280));
    return new ContainerStateBuilder().withNewTerminated().withExitCode(137).withReason("OOMKilled")
        .withStartedAt(at(finished.minusSeconds(dice.between(20, 200)))).withFinishedAt(at(finished))
        .withContainerID(containerId()).endTerminated().build();
  }

  private String containerId() {
    return "containerd://" + dice.hex(64);
  }

  private static String appImage(PodSpec spec) {
    return spec.getContainers().get(0).getImage();
  }

  private static String configMap(PodSpec spec) {
    return spec.getVolumes().get(0).getConfigMap().getName();
  }
}
