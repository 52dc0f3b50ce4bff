package dev.aiapiserver.bench;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** Pods of a workload, healthy or with a planted fault, and the Warning events their faults cause. */
final class SyntheticPods {
  private final Draft draft;

  SyntheticPods(Draft draft) {
    this.draft = draft;
  }

  /** A running pod on some node, ready, now and then restarted once or twice in its life. */
  Pod healthy(HasMetadata owner, String name, PodTemplateSpec template, Map<String, String> labels, Duration age) {
    return draw(draft.node(), owner, name, template, labels, age, null, false);
  }

  /** A healthy pod on a given node, as a DaemonSet places them. */
  Pod healthyOn(String node, HasMetadata owner, String name, PodTemplateSpec template, Map<String, String> labels,
      Duration age) {
    return draw(node, owner, name, template, labels, age, null, false);
  }

  /** A pod of a Job or CronJob that ran to completion. */
  Pod succeeded(HasMetadata owner, String name, PodTemplateSpec template, Map<String, String> labels, Duration age) {
    return draw(draft.node(), owner, name, template, labels, age, null, true);
  }

  /** A pod broken by a planted fault, with the Warning events a real cluster would record about it. */
  Pod faulty(HasMetadata owner, String name, PodTemplateSpec template, Map<String, String> labels, Duration age,
      FaultKind fault) {
    return draw(fault == FaultKind.UNSCHEDULABLE ? null : draft.node(), owner, name, template, labels, age, fault,
        false);
  }

  private Pod draw(String node, HasMetadata owner, String name, PodTemplateSpec template,
      Map<String, String> labels, Duration age, FaultKind fault, boolean finished) {
    String namespace = owner.getMetadata().getNamespace();
    PodSpec spec = PodTemplates.podSpec(template, template.getMetadata().getLabels().get("app"), node, draft.dice);
    var meta = draft.meta(namespace, name, age, labels);
    if (!owner.getKind().equals("Pod")) {
      meta.withGenerateName(name.substring(0, name.lastIndexOf('-') + 1)).withOwnerReferences(Draft.ownedBy(owner));
    }
    var metadata = meta.build();
    Instant started = draft.now.minus(age).plusSeconds(draft.dice.between(1, 20));
    PodStatus status;
    if (fault != null) {
      status = draft.statuses.faulty(fault, spec, started, name, namespace, metadata.getUid());
    } else if (finished) {
      status = draft.statuses.succeeded(spec, started, started.plusSeconds(draft.dice.between(10, 600)));
    } else {
      status = draft.statuses.running(spec, started, draft.dice.chance(0.1) ? draft.dice.between(1, 3) : 0);
    }
    Pod pod = draft.add(new PodBuilder().withMetadata(metadata).withSpec(spec).withStatus(status).build());
    if (fault != null) {
      draft.faultyPods.add(name);
      warnAbout(pod, fault);
    }
    return pod;
  }

  private void warnAbout(Pod pod, FaultKind fault) {
    String node = pod.getSpec().getNodeName();
    String image = pod.getSpec().getContainers().get(0).getImage();
    String id = pod.getMetadata().getName() + "_" + pod.getMetadata().getNamespace() + "("
        + pod.getMetadata().getUid() + ")";
    ClusterEvents events = draft.events;
    switch (fault) {
      case OOM_CRASH_LOOP -> draft.add(events.warning(pod, "BackOff",
          "Back-off restarting failed container app in pod " + id, "kubelet", node, draft.dice.between(20, 300)));
      case IMAGE_PULL_BACK_OFF -> {
        draft.add(events.warning(pod, "Failed", "Failed to pull image \"" + image
            + "\": rpc error: code = NotFound desc = failed to pull and unpack image \"" + image
            + "\": failed to resolve reference \"" + image + "\": " + image + ": not found", "kubelet", node,
            draft.dice.between(4, 9)));
        draft.add(events.warning(pod, "Failed", "Error: ImagePullBackOff", "kubelet", node,
            draft.dice.between(20, 120)));
      }
      case ERR_IMAGE_PULL -> {
        draft.add(events.warning(pod, "Failed", "Failed to pull image \"" + image
            + "\": failed to pull and unpack image \"" + image + "\": failed to resolve reference \"" + image
            + "\": pulling from host " + PodTemplates.REGISTRY + " failed with status code 401 Unauthorized",
            "kubelet", node, draft.dice.between(4, 9)));
        draft.add(events.warning(pod, "Failed", "Error: ErrImagePull", "kubelet", node, draft.dice.between(4, 9)));
      }
      case CREATE_CONTAINER_CONFIG_ERROR -> draft.add(events.warning(pod, "Failed", "Error: configmap \""
          + pod.getSpec().getVolumes().get(0).getConfigMap().getName() + "\" not found", "kubelet", node,
          draft.dice.between(10, 200)));
      case UNSCHEDULABLE -> draft.add(events.warning(pod, "FailedScheduling", draft.statuses.unschedulableMessage(),
          "default-scheduler", null, draft.dice.between(3, 40)));
      case NOT_READY -> draft.add(events.warning(pod, "Unhealthy",
          "Readiness probe failed: HTTP probe failed with statuscode: 503", "kubelet", node,
          draft.dice.between(50, 900)));
      case EVICTED -> draft.add(events.warning(pod, "Evicted", pod.getStatus().getMessage().trim(), "kubelet", node, 1));
      case BACKOFF_LIMIT_EXCEEDED -> { } // the Job controller warns about the Job, not its pods
    }
  }
}
