package dev.aiapiserver.sources;

import java.util.Locale;
import java.util.Optional;

/** The kinds of top-level workload a WorkloadSummary can describe, and the cache each lives in. */
public enum WorkloadKind {
  DEPLOYMENT("apps/v1", "Deployment", Sources.DEPLOYMENTS),
  STATEFUL_SET("apps/v1", "StatefulSet", Sources.STATEFUL_SETS),
  DAEMON_SET("apps/v1", "DaemonSet", Sources.DAEMON_SETS),
  CRON_JOB("batch/v1", "CronJob", Sources.CRON_JOBS),
  JOB("batch/v1", "Job", Sources.JOBS),
  REPLICA_SET("apps/v1", "ReplicaSet", Sources.REPLICA_SETS),
  POD("v1", "Pod", Sources.PODS);

  private final String apiVersion;
  private final String kind;
  private final String source;

  WorkloadKind(String apiVersion, String kind, String source) {
    this.apiVersion = apiVersion;
    this.kind = kind;
    this.source = source;
  }

  public String apiVersion() {
    return apiVersion;
  }

  /** The Kubernetes kind, e.g. Deployment. */
  public String kind() {
    return kind;
  }

  /** Name of the informer that caches this kind, e.g. deployments. */
  public String source() {
    return source;
  }

  /** The prefix of a summary's name, e.g. deployment (as in deployment.web). */
  public String prefix() {
    return kind.toLowerCase(Locale.ROOT);
  }

  /**
   * Whether pods this kind controls are summarized as part of it. A pod whose controller is of
   * another kind (or which has none) is a workload of its own.
   */
  public boolean summarizesItsPods() {
    return this == REPLICA_SET || this == JOB || this == STATEFUL_SET || this == DAEMON_SET;
  }

  /** The workload kind of an owner reference or involvedObject, if it is one of ours. */
  public static Optional<WorkloadKind> of(String apiVersion, String kind) {
    for (WorkloadKind k : values()) {
      if (k.kind.equals(kind) && (apiVersion == null || k.apiVersion.equals(apiVersion))) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }
}
