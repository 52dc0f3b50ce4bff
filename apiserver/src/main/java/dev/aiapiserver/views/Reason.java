package dev.aiapiserver.views;

/**
 * The documented reason codes of {@code health.reasons}, declared cause first: sorting by ordinal
 * gives the order the summary shows them in. Because the order is fixed by the codes alone (never
 * by timestamps, restart counts or which pod was seen first), the list stays the same while the
 * state does. docs/verdicts.md describes each one.
 *
 * <p>Three tiers: first what to fix (a memory limit, a probe, an image, a missing key, a full
 * node), then what the workload's controller concluded (the rollout stalled, the Job gave up), then
 * the symptoms that only say something is wrong (a crash loop, a failed pod, a pod not ready).
 */
enum Reason {
  // What to fix.
  FailedCreate,
  OOMKilled,
  LivenessProbeFailed,
  StartupProbeFailed,
  CreateContainerConfigError,
  CreateContainerError,
  RunContainerError,
  StartError,
  ErrImagePull,
  ImagePullBackOff,
  Unschedulable,
  NodeNotReady,
  Evicted,
  MissedSchedule,
  // What the controller concluded.
  ProgressDeadlineExceeded,
  BackoffLimitExceeded,
  DeadlineExceeded,
  JobFailed,
  // Symptoms.
  CrashLoopBackOff,
  PodFailed,
  ReadinessProbeFailed,
  NotReady;

  /**
   * Not ready, even for a failing readiness probe, is the normal state of a pod on its way up (an
   * application warming up fails its first probes); everything else is a problem.
   */
  boolean isProblem() {
    return this != NotReady && this != ReadinessProbeFailed;
  }
}
