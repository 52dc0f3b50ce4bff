package dev.aiapiserver.views;

import dev.aiapiserver.api.WorkloadSummary;
import dev.aiapiserver.sources.WorkloadKind;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Derives a WorkloadSummary from a snapshot of one workload's sources. Pure: no I/O, no clock (the
 * snapshot carries {@code now}). The same inputs always give an equal summary, so the store can
 * tell an unchanged view by comparing.
 */
public final class WorkloadSummaries {
  /** The kinds that have summaries, in the order docs list them (the table of kinds' order). */
  public static final List<String> KINDS = WorkloadKind.kinds();

  private static final String UID_PREFIX = "ai.k8s.io/v1alpha1/WorkloadSummary/";

  private WorkloadSummaries() {}

  /**
   * The summary of the snapshot's workload.
   *
   * @throws IllegalArgumentException if the workload is not one of the table of kinds ({@link WorkloadKind})
   */
  public static WorkloadSummary derive(WorkloadInputs in) {
    HasMetadata w = in.workload();
    WorkloadKind kind = WorkloadKind.of(w).orElseThrow(() -> new IllegalArgumentException(
        "not a workload kind: " + (w == null ? null : w.getClass().getSimpleName())));
    // exhaustive: a new entry in the table of kinds does not compile until it has its view here
    return switch (kind) {
      case DEPLOYMENT -> DeploymentView.derive(in);
      case STATEFUL_SET -> StatefulSetView.derive(in);
      case DAEMON_SET -> DaemonSetView.derive(in);
      case CRON_JOB -> CronJobView.derive(in);
      case JOB -> JobView.derive(in);
      case REPLICA_SET -> ReplicaSetView.derive(in);
      case POD -> BarePodView.derive(in);
    };
  }

  /**
   * The order of ClusterContext's attention list: Failing, Degraded, Unknown, Progressing,
   * Suspended, Completed, Healthy; within a verdict by the severity of the first reason, then by
   * restarts (most first), then by namespace and name. The MCP triage tool lists in this order.
   */
  public static Comparator<WorkloadSummary> worstFirst() {
    return AttentionRanking.WORST_FIRST;
  }

  /** The summary's name: lower-case kind, a dot, the workload's name, e.g. {@code deployment.web}. */
  public static String summaryName(String kind, String name) {
    return kind.toLowerCase(Locale.ROOT) + "." + name;
  }

  /** The summary's name for a workload object. */
  public static String summaryName(HasMetadata workload) {
    return summaryName(kindOf(workload), workload.getMetadata().getName());
  }

  /** The summary's uid: a name-based UUID of the workload's uid, stable across restarts and replicas. */
  public static String summaryUid(String workloadUid) {
    if (workloadUid == null) {
      return null;
    }
    return UUID.nameUUIDFromBytes((UID_PREFIX + workloadUid).getBytes(StandardCharsets.UTF_8)).toString();
  }

  /** The workload kind of an object (by its class, so objects from a reduced cache without kind work too). */
  public static String kindOf(HasMetadata workload) {
    return WorkloadKind.of(workload).map(WorkloadKind::kind).orElseGet(workload::getKind);
  }
}
