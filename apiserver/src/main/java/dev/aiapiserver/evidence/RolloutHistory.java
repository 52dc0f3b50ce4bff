package dev.aiapiserver.evidence;

import dev.aiapiserver.api.WorkloadEvidence.Revision;
import dev.aiapiserver.api.WorkloadEvidence.Rollout;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.ControllerRevision;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * The revisions of a workload, newest first, at most {@link #MAX} (the current one always among
 * them): for a Deployment its ReplicaSets (revision annotation, replicas, ready); for a StatefulSet
 * or DaemonSet its ControllerRevisions, with the pods that carry each revision's hash. Of a
 * ControllerRevision only the images of its template are read, never the rest (env values). Pure.
 */
final class RolloutHistory {
  static final int MAX = 3;
  static final String DEPLOYMENT_REVISION = "deployment.kubernetes.io/revision";
  static final String REVISION_HASH = "controller-revision-hash";

  private RolloutHistory() {}

  static Rollout ofDeployment(Deployment deployment, List<ReplicaSet> replicaSets) {
    String current = annotation(deployment, DEPLOYMENT_REVISION);
    List<Revision> all = new ArrayList<>();
    for (ReplicaSet rs : replicaSets) {
      String number = annotation(rs, DEPLOYMENT_REVISION);
      Integer desired = rs.getSpec() == null ? null : rs.getSpec().getReplicas();
      Integer replicas = rs.getStatus() == null ? null : rs.getStatus().getReplicas();
      Integer ready = rs.getStatus() == null ? null : rs.getStatus().getReadyReplicas();
      all.add(new Revision(parse(number), rs.getMetadata().getName(), rs.getMetadata().getCreationTimestamp(),
          images(rs.getSpec() == null ? null : rs.getSpec().getTemplate()), orZero(desired), orZero(replicas),
          orZero(ready), number != null && number.equals(current)));
    }
    return newestFirst(all, null);
  }

  /**
   * @param currentName the ControllerRevision the workload runs or rolls out to: a StatefulSet's
   *     status.updateRevision; for a DaemonSet null (its newest revision)
   * @param desired the workload's desired count for the current revision
   */
  static Rollout ofControllerRevisions(HasMetadata workload, List<ControllerRevision> revisions, List<Pod> pods) {
    String currentName = null;
    Integer desired = null;
    if (workload instanceof StatefulSet sts) {
      currentName = sts.getStatus() == null ? null : sts.getStatus().getUpdateRevision();
      desired = sts.getSpec() == null || sts.getSpec().getReplicas() == null ? 1 : sts.getSpec().getReplicas();
    } else if (workload instanceof DaemonSet ds) {
      desired = ds.getStatus() == null ? null : ds.getStatus().getDesiredNumberScheduled();
    }
    if (currentName == null) {
      currentName = revisions.stream().max(Comparator.comparing(r -> r.getRevision() == null ? 0L : r.getRevision()))
          .map(r -> r.getMetadata().getName()).orElse(null);
    }
    List<Revision> all = new ArrayList<>();
    for (ControllerRevision cr : revisions) {
      String name = cr.getMetadata().getName();
      int running = 0;
      int ready = 0;
      for (Pod pod : pods) {
        String hash = pod.getMetadata().getLabels() == null ? null : pod.getMetadata().getLabels().get(REVISION_HASH);
        if (hash != null && (name.equals(hash) || name.endsWith("-" + hash))) {
          running++;
          ready += ready(pod) ? 1 : 0;
        }
      }
      boolean current = name.equals(currentName);
      all.add(new Revision(cr.getRevision(), name, cr.getMetadata().getCreationTimestamp(), templateImages(cr.getData()),
          current ? desired : Integer.valueOf(0), running, ready, current));
    }
    return newestFirst(all, null);
  }

  static Rollout failed(String error) {
    return new Rollout(null, 0, error);
  }

  private static Rollout newestFirst(List<Revision> all, String error) {
    if (all.isEmpty()) {
      return error == null ? null : new Rollout(null, 0, error);
    }
    all.sort(Comparator.comparing((Revision r) -> r.revision() == null ? -1L : r.revision()).reversed()
        .thenComparing(Revision::name));
    List<Revision> kept = new ArrayList<>(all.subList(0, Math.min(MAX, all.size())));
    all.stream().filter(Revision::current).filter(r -> !kept.contains(r)).findFirst().ifPresent(r -> {
      kept.set(kept.size() - 1, r); // a rolled-back current revision is never the one left out
    });
    return new Rollout(List.copyOf(kept), all.size() - kept.size(), error);
  }

  private static List<String> images(PodTemplateSpec template) {
    if (template == null || template.getSpec() == null || template.getSpec().getContainers() == null) {
      return List.of();
    }
    return template.getSpec().getContainers().stream().map(Container::getImage).filter(Objects::nonNull).toList();
  }

  /** spec.template.spec.containers[*].image of a ControllerRevision's data, and nothing else of it. */
  static List<String> templateImages(Object data) {
    if (data == null) {
      return List.of();
    }
    JsonNode containers = dev.aiapiserver.http.Json.MAPPER.valueToTree(data)
        .path("spec").path("template").path("spec").path("containers");
    List<String> images = new ArrayList<>();
    for (JsonNode c : containers) {
      if (c.path("image").isString()) {
        images.add(c.path("image").asString());
      }
    }
    return List.copyOf(images);
  }

  private static boolean ready(Pod pod) {
    if (pod.getStatus() == null || pod.getStatus().getConditions() == null) {
      return false;
    }
    for (PodCondition c : pod.getStatus().getConditions()) {
      if ("Ready".equals(c.getType())) {
        return "True".equals(c.getStatus());
      }
    }
    return false;
  }

  private static String annotation(HasMetadata o, String key) {
    Map<String, String> a = o.getMetadata().getAnnotations();
    return a == null ? null : a.get(key);
  }

  private static Long parse(String number) {
    try {
      return number == null ? null : Long.parseLong(number.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Integer orZero(Integer n) {
    return n == null ? 0 : n;
  }
}
