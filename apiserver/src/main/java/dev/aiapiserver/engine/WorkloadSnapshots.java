package dev.aiapiserver.engine;

import dev.aiapiserver.api.WorkloadSummary;
import dev.aiapiserver.sources.Caches;
import dev.aiapiserver.views.WorkloadInputs;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Gathers from the caches everything derivation may read about one workload: its ReplicaSets or
 * Jobs, their pods, the Warning events about any of them, the Services of its namespace, the
 * nodes its pods run on, and the related objects that may be causes (claims, autoscalers,
 * disruption budgets) with their Warning events. Costs in proportion to the workload (plus the Services of its namespace).
 * Lists are sorted by name so that the same caches always give the same inputs.
 */
final class WorkloadSnapshots {
  private static final Comparator<HasMetadata> BY_NAME = Comparator.comparing(i -> i.getMetadata().getName());

  private final Caches caches;

  WorkloadSnapshots(Caches caches) {
    this.caches = caches;
  }

  /** The inputs for this workload, or empty when it no longer exists as a top-level workload. */
  Optional<WorkloadInputs> take(WorkloadKey key, WorkloadSummary previous, Instant now) {
    HasMetadata workload = caches.workload(key.kind(), key.namespace(), key.name()).orElse(null);
    if (workload == null || !Ownership.isTopLevel(key.kind(), workload)) {
      return Optional.empty();
    }
    String uid = workload.getMetadata().getUid();
    List<ReplicaSet> replicaSets = List.of();
    List<Job> jobs = List.of();
    List<Pod> pods = new ArrayList<>();
    switch (key.kind()) {
      case DEPLOYMENT -> {
        replicaSets = sorted(caches.replicaSetsOwnedBy(uid));
        replicaSets.forEach(rs -> pods.addAll(caches.podsOwnedBy(rs.getMetadata().getUid())));
      }
      case CRON_JOB -> {
        jobs = sorted(caches.jobsOwnedBy(uid));
        jobs.forEach(job -> pods.addAll(caches.podsOwnedBy(job.getMetadata().getUid())));
      }
      case POD -> pods.add((Pod) workload);
      default -> pods.addAll(caches.podsOwnedBy(uid));
    }
    pods.sort(BY_NAME);
    List<Event> events = new ArrayList<>(caches.warningEventsAbout(workload));
    replicaSets.forEach(rs -> events.addAll(caches.warningEventsAbout(rs)));
    jobs.forEach(job -> events.addAll(caches.warningEventsAbout(job)));
    pods.forEach(pod -> events.addAll(caches.warningEventsAbout(pod)));
    WorkloadInputs.Related related = related(key, pods);
    related.claims().forEach(claim -> events.addAll(caches.warningEventsAbout(claim)));
    related.autoscalers().forEach(hpa -> events.addAll(caches.warningEventsAbout(hpa)));
    events.sort(BY_NAME);
    return Optional.of(new WorkloadInputs(workload, replicaSets, jobs, List.copyOf(pods), List.copyOf(events),
        sorted(caches.servicesIn(key.namespace())), nodesOf(pods), previous, now, related));
  }

  /**
   * The claims its pending pods name, its autoscalers, and the disruption budgets of its namespace
   * (derivation matches their selectors; a namespace has few).
   */
  private WorkloadInputs.Related related(WorkloadKey key, List<Pod> pods) {
    Set<String> claimNames = new TreeSet<>();
    for (Pod pod : pods) {
      if (pod.getSpec() != null && pod.getSpec().getVolumes() != null) {
        pod.getSpec().getVolumes().stream().filter(v -> v.getPersistentVolumeClaim() != null)
            .forEach(v -> claimNames.add(v.getPersistentVolumeClaim().getClaimName()));
      }
    }
    List<PersistentVolumeClaim> claims = new ArrayList<>();
    claimNames.forEach(name -> caches.claim(key.namespace(), name).ifPresent(claims::add));
    return new WorkloadInputs.Related(List.copyOf(claims),
        sorted(caches.autoscalersOf(key.kind(), key.namespace(), key.name())),
        sorted(caches.disruptionBudgetsIn(key.namespace())));
  }

  private Map<String, Node> nodesOf(List<Pod> pods) {
    Map<String, Node> nodes = new TreeMap<>();
    for (Pod pod : pods) {
      String name = pod.getSpec() == null ? null : pod.getSpec().getNodeName();
      if (name != null && !name.isEmpty() && !nodes.containsKey(name)) {
        caches.node(name).ifPresent(node -> nodes.put(name, node));
      }
    }
    return nodes;
  }

  private static <T extends HasMetadata> List<T> sorted(List<T> items) {
    List<T> copy = new ArrayList<>(items);
    copy.sort(BY_NAME);
    return List.copyOf(copy);
  }
}
