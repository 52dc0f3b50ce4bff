package dev.aiapiserver.views;

/**
 * The documented reason codes of {@code health.reasons}, declared most severe first: sorting by
 * ordinal gives the order the summary shows them in. Terminal failures of the workload come first,
 * then what keeps pods from running, then softer signs. docs/verdicts.md describes each one; the
 * package's glossary (package-info) says which file of rules finds it.
 */
enum Reason {
  BackoffLimitExceeded,
  DeadlineExceeded,
  JobFailed,
  ProgressDeadlineExceeded,
  QuotaExceeded, // AdmissionRules
  AdmissionWebhookDenied, // AdmissionRules
  FailedCreate,
  CrashLoopBackOff,
  OOMKilled,
  CreateContainerConfigError,
  ImagePullBackOff,
  ErrImagePull,
  PersistentVolumeClaimPending, // ClaimRules
  Unschedulable,
  NodeNotReady,
  Evicted,
  PodFailed,
  MissedSchedule,
  HPAAtMaxReplicas, // AutoscalerRules
  NotReady;

  /** NotReady alone is the normal state of a pod on its way up; everything else is a problem. */
  boolean isProblem() {
    return this != NotReady;
  }
}
