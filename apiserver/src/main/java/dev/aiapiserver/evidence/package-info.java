/**
 * The evidence subresource ({@code workloadsummaries/{name}/evidence}): what an operator reads
 * after a verdict, computed when asked, bounded and redacted.
 *
 * <p>Door: {@link dev.aiapiserver.evidence.WorkloadEvidences} (the object, for a caller) and
 * {@link dev.aiapiserver.evidence.EvidenceRoutes} (its HTTP route). Flow: the summary from the
 * store; a snapshot of the workload's caches ({@code ViewEngine#inputs}) on a worker; a
 * SubjectAccessReview as the caller for {@code get pods/log}; then, in parallel, the log tails
 * ({@code LogTargets} chooses, {@code PodLogReader} reads asynchronously, {@code LogExcerpt} bounds)
 * and the rollout ({@code RolloutHistory}, with {@code ControllerRevisionReader} for StatefulSets and
 * DaemonSets); {@code WarningEvents} and {@code PodMessages} from the snapshot. Every cluster text
 * passes {@code ClusterText} (the shared redactor, then a cut); {@code Budget} keeps lists and the
 * whole object within their bytes. docs/api.md and docs/security.md are the user's side.
 */
package dev.aiapiserver.evidence;
