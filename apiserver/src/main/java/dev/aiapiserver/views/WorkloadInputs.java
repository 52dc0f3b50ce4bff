package dev.aiapiserver.views;

import dev.aiapiserver.api.WorkloadSummary;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything derivation may read about one workload: a snapshot taken from the (reduced) informer
 * caches by the engine. Derivation is a pure function of this record.
 *
 * @param workload the top-level object: Deployment, StatefulSet, DaemonSet, CronJob, Job,
 *     ReplicaSet or Pod
 * @param replicaSets for a Deployment, its ReplicaSets; else empty
 * @param jobs for a CronJob, its Jobs; else empty
 * @param pods every pod that belongs to the workload (through any level of ownership)
 * @param events Warning events whose involvedObject is the workload, one of its pods, ReplicaSets
 *     or Jobs, or one of its related objects (claims, autoscalers, disruption budgets)
 * @param services the Services of the workload's namespace (derivation matches their selectors)
 * @param nodes the nodes the pods are bound to, by name (missing if unknown)
 * @param previous the summary derived last time, or null (keeps health.since stable)
 * @param now the clock, injected
 * @param related the objects besides pods that may be causes
 */
public record WorkloadInputs(
    HasMetadata workload,
    List<ReplicaSet> replicaSets,
    List<Job> jobs,
    List<Pod> pods,
    List<Event> events,
    List<Service> services,
    Map<String, Node> nodes,
    WorkloadSummary previous,
    Instant now,
    Related related) {

  /** Inputs without related objects. */
  public WorkloadInputs(HasMetadata workload, List<ReplicaSet> replicaSets, List<Job> jobs, List<Pod> pods,
      List<Event> events, List<Service> services, Map<String, Node> nodes, WorkloadSummary previous, Instant now) {
    this(workload, replicaSets, jobs, pods, events, services, nodes, previous, now, Related.NONE);
  }

  /**
   * The objects besides pods that derivation judges as causes (rules: ClaimRules, AutoscalerRules,
   * DisruptionBudgetRules).
   *
   * @param claims the PersistentVolumeClaims that the workload's pending pods name (those that exist)
   * @param autoscalers the HorizontalPodAutoscalers of the namespace whose scaleTargetRef is the workload
   * @param disruptionBudgets the PodDisruptionBudgets of the namespace (derivation matches their selectors)
   */
  public record Related(List<PersistentVolumeClaim> claims, List<HorizontalPodAutoscaler> autoscalers,
      List<PodDisruptionBudget> disruptionBudgets) {
    public static final Related NONE = new Related(List.of(), List.of(), List.of());
  }
}
