package dev.aiapiserver.sources;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateRunning;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStateWaiting;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Pods and pod templates as the caches keep them. Of a container only name, image, resources and
 * restartPolicy (sidecars) survive: never env, envFrom, command, args, volumes or probes. Of the
 * status only what derivation judges by: phase, reason, message, conditions (without times),
 * container states (whether running; waiting reason and message; terminated exit code, reason and
 * finish time; a termination message only when the runtime wrote it because the container never
 * started). Times the views do not read are dropped because they
 * make every pod unique: without them the statuses of healthy replicas are equal and shared
 * ({@link Canonical}). See the list in package views' package-info.
 */
final class SlimPods {
  /** Terminated reasons of a container that never started: its message is the runtime's error. */
  private static final Set<String> RUNTIME_WROTE = Set.of("StartError", "ContainerCannotRun");

  private SlimPods() {}

  static Pod pod(Pod full) {
    Pod slim = new Pod();
    slim.setMetadata(SlimMeta.of(full.getMetadata()));
    slim.setSpec(spec(full.getSpec(), true));
    slim.setStatus(status(full.getStatus()));
    return slim;
  }

  static PodTemplateSpec template(PodTemplateSpec full) {
    PodTemplateSpec slim = new PodTemplateSpec();
    if (full != null) {
      slim.setMetadata(SlimMeta.labelsOnly(full.getMetadata()));
      slim.setSpec(spec(full.getSpec(), false));
    }
    return slim;
  }

  private static PodSpec spec(PodSpec full, boolean bound) {
    PodSpec slim = new PodSpec();
    if (full == null) {
      return slim;
    }
    if (bound) {
      slim.setNodeName(SlimMeta.word(full.getNodeName()));
    }
    slim.setRestartPolicy(SlimMeta.word(full.getRestartPolicy()));
    slim.setContainers(map(full.getContainers(), SlimPods::container));
    slim.setInitContainers(map(full.getInitContainers(), SlimPods::container));
    return slim;
  }

  private static Container container(Container full) {
    Container slim = new Container();
    slim.setName(SlimMeta.word(full.getName()));
    slim.setImage(SlimMeta.word(full.getImage()));
    slim.setResources(full.getResources());
    slim.setRestartPolicy(SlimMeta.word(full.getRestartPolicy()));
    return slim;
  }

  private static PodStatus status(PodStatus full) {
    PodStatus slim = new PodStatus();
    if (full == null) {
      return slim;
    }
    slim.setPhase(SlimMeta.word(full.getPhase()));
    slim.setReason(SlimMeta.word(full.getReason()));
    slim.setMessage(SlimMeta.clip(full.getMessage()));
    slim.setConditions(map(full.getConditions(), SlimPods::condition));
    slim.setContainerStatuses(map(full.getContainerStatuses(), SlimPods::containerStatus));
    slim.setInitContainerStatuses(map(full.getInitContainerStatuses(), SlimPods::containerStatus));
    return slim;
  }

  private static PodCondition condition(PodCondition full) {
    PodCondition slim = new PodCondition();
    slim.setType(SlimMeta.word(full.getType()));
    slim.setStatus(SlimMeta.word(full.getStatus()));
    slim.setReason(SlimMeta.word(full.getReason()));
    slim.setMessage(SlimMeta.clip(full.getMessage()));
    return slim;
  }

  private static ContainerStatus containerStatus(ContainerStatus full) {
    ContainerStatus slim = new ContainerStatus();
    slim.setName(SlimMeta.word(full.getName()));
    slim.setReady(full.getReady());
    slim.setRestartCount(full.getRestartCount());
    slim.setState(state(full.getState()));
    slim.setLastState(state(full.getLastState()));
    return slim;
  }

  private static ContainerState state(ContainerState full) {
    if (full == null) {
      return null;
    }
    ContainerState slim = new ContainerState();
    if (full.getRunning() != null) {
      slim.setRunning(new ContainerStateRunning()); // only "is it running" is read; the time would make each pod unique
    }
    ContainerStateWaiting waiting = full.getWaiting();
    if (waiting != null) {
      slim.setWaiting(new ContainerStateWaiting(SlimMeta.clip(waiting.getMessage()), SlimMeta.word(waiting.getReason())));
    }
    ContainerStateTerminated t = full.getTerminated();
    if (t != null) {
      // the termination message is whatever the program wrote (it may print a secret): never kept,
      // unless the container never started: then the runtime wrote it (StartError, ContainerCannotRun)
      String runtimeMessage = RUNTIME_WROTE.contains(t.getReason()) ? SlimMeta.clip(t.getMessage()) : null;
      slim.setTerminated(new ContainerStateTerminated(null, t.getExitCode(), t.getFinishedAt(),
          runtimeMessage, SlimMeta.word(t.getReason()), null, null));
    }
    return slim;
  }

  static <T> List<T> map(List<T> full, UnaryOperator<T> slim) {
    if (full == null || full.isEmpty()) {
      return new ArrayList<>(0);
    }
    List<T> out = new ArrayList<>(full.size());
    for (T item : full) {
      out.add(slim.apply(item));
    }
    return out;
  }
}
