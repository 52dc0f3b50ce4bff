/**
 * Views: pure derivation of the served objects from snapshots of the informer caches.
 *
 * <p>Doors: {@link dev.aiapiserver.views.WorkloadSummaries#derive} (one workload's
 * {@link dev.aiapiserver.views.WorkloadInputs} to its WorkloadSummary) and
 * {@link dev.aiapiserver.views.ClusterContexts#derive} (the whole cluster to the ClusterContext),
 * plus the naming helpers {@code WorkloadSummaries.summaryName}, {@code summaryUid},
 * {@code kindOf} and {@code KINDS}. No I/O, no clock: the same inputs give an equal result, so the
 * store can tell an unchanged view by comparing. The rules are documented in docs/verdicts.md.
 *
 * <p>Fields the derivation reads, so that a reduced informer store may drop everything else:
 *
 * <ul>
 *   <li>every workload: metadata name, namespace, uid, generation, creationTimestamp, labels, and
 *       only the annotations {@code deployment.kubernetes.io/revision} and
 *       {@code deprecated.daemonset.template.generation};
 *   <li>pod templates (of Deployments, StatefulSets, DaemonSets, ReplicaSets, Jobs, CronJobs) and
 *       pod specs: labels; containers' name, image, resources; nodeName; and, only to scrub them
 *       out of kubelet and event messages, containers' and init containers' command, args and env
 *       values (dropping these loses that scrubbing, nothing else);
 *   <li>Deployment: spec.replicas, spec.paused; status observedGeneration, replicas,
 *       updatedReplicas, readyReplicas, availableReplicas, conditions;
 *   <li>ReplicaSet: spec.replicas; status observedGeneration, replicas, readyReplicas,
 *       availableReplicas, conditions (ReplicaFailure);
 *   <li>StatefulSet: spec.replicas, spec.updateStrategy (type, rollingUpdate.partition); status
 *       observedGeneration, replicas, readyReplicas, availableReplicas, updatedReplicas,
 *       currentRevision, updateRevision, conditions;
 *   <li>DaemonSet: spec.updateStrategy.type; status observedGeneration, desiredNumberScheduled,
 *       currentNumberScheduled, numberReady, numberAvailable, updatedNumberScheduled,
 *       numberMisscheduled, conditions;
 *   <li>Job: spec completions, parallelism, backoffLimit, suspend; status startTime,
 *       completionTime, active, ready, succeeded, failed, conditions;
 *   <li>CronJob: spec schedule, timeZone, suspend, startingDeadlineSeconds; status active (names),
 *       lastScheduleTime, lastSuccessfulTime;
 *   <li>Pod: metadata deletionTimestamp and ownerReferences (kind, name); status phase, reason,
 *       message, conditions (type, status, reason, message), initContainerStatuses and
 *       containerStatuses (name, ready, restartCount, state.waiting reason and message,
 *       state.running, state.terminated and lastState.terminated exitCode, reason, finishedAt,
 *       and their message only for StartError and ContainerCannotRun, which the runtime wrote);
 *       never a termination message the program wrote;
 *   <li>Event: type, reason, message, count, series (count, lastObservedTime), lastTimestamp,
 *       eventTime, firstTimestamp, metadata.creationTimestamp, involvedObject (kind, name, uid,
 *       fieldPath: it names the container the kubelet speaks of);
 *   <li>Service: metadata name and namespace, spec.selector;
 *   <li>Node: metadata name and labels, spec.unschedulable, status conditions (type, status,
 *       reason, message), capacity, allocatable;
 *   <li>Namespace: metadata name, uid, creationTimestamp, deletionTimestamp; status.phase.
 * </ul>
 *
 * <p>Some rules depend on the clock (MissedSchedule; an OOM or probe kill within the last hour; a
 * crash loop remembered for the kubelet's ten-minute back-off memory), so summaries should also be
 * re-derived now and then without a source change.
 */
package dev.aiapiserver.views;
