package dev.aiapiserver.views;

import dev.aiapiserver.api.WorkloadSummary;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
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
  /** The kinds that have summaries, in the order docs list them. */
  public static final List<String> KINDS =
      List.of("Deployment", "StatefulSet", "DaemonSet", "CronJob", "Job", "ReplicaSet", "Pod");

  private static final String UID_PREFIX = "ai.k8s.io/v1alpha1/WorkloadSummary/";

  private WorkloadSummaries() {}

  /**
   * The summary of the snapshot's workload.
   *
   * @throws IllegalArgumentException if the workload is not one of {@link #KINDS}
   */
  public static WorkloadSummary derive(WorkloadInputs in) {
    HasMetadata w = in.workload();
    if (w instanceof Deployment) {
      return DeploymentView.derive(in);
    } else if (w instanceof StatefulSet) {
      return StatefulSetView.derive(in);
    } else if (w instanceof DaemonSet) {
      return DaemonSetView.derive(in);
    } else if (w instanceof CronJob) {
      return CronJobView.derive(in);
    } else if (w instanceof Job) {
      return JobView.derive(in);
    } else if (w instanceof ReplicaSet) {
      return ReplicaSetView.derive(in);
    } else if (w instanceof Pod) {
      return BarePodView.derive(in);
    }
    throw new IllegalArgumentException("not a workload kind: " + (w == null ? null : w.getClass().getSimpleName()));
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
    if (workload instanceof Deployment) {
      return "Deployment";
    } else if (workload instanceof StatefulSet) {
      return "StatefulSet";
    } else if (workload instanceof DaemonSet) {
      return "DaemonSet";
    } else if (workload instanceof CronJob) {
      return "CronJob";
    } else if (workload instanceof Job) {
      return "Job";
    } else if (workload instanceof ReplicaSet) {
      return "ReplicaSet";
    } else if (workload instanceof Pod) {
      return "Pod";
    }
    return workload.getKind();
  }
}
