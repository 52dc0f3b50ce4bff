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
 * <h2>Glossary: how a summary is made</h2>
 *
 * <dl>
 *   <dt>Observed ({@code Observed})
 *   <dd>What one kind's view read on the workload object itself: desired/ready/available, whether
 *       it rolls out, is suspended or done, and the {@code Cause}s found there (a condition, its
 *       own Warning event, a related object such as its HorizontalPodAutoscaler).
 *   <dt>Finding ({@code PodFinding})
 *   <dd>What is wrong with one pod, and which container is at fault: the reason codes found on
 *       it, the kubelet's or scheduler's own word for it ({@code detail}), the message.
 *   <dt>Evidence ({@code PodEvidence}, {@code Cause.detail}, {@code PodFinding.message})
 *   <dd>The text and numbers a finding or cause rests on, quoted from the component that wrote
 *       them, redacted ({@code Redaction}) and clipped ({@code FreeText}) before anything else sees
 *       them.
 *   <dt>Verdict and Reason ({@code VerdictRules}, {@code Reason})
 *   <dd>The conclusion: one verdict, and the reason codes, cause before symptom. {@code Reason}
 *       declares every code in the order they are shown.
 *   <dt>Message ({@code HealthMessage})
 *   <dd>The one sentence of {@code health.message}: the kind's headline, then the deciding cause
 *       and the worst finding with its evidence.
 * </dl>
 *
 * <h2>Where each rule lives (one file per concern)</h2>
 *
 * <ul>
 *   <li>the verdict from what was observed: {@code VerdictRules};
 *   <li>a pod and its containers (crash loops, OOM kills, image pulls, probes, scheduling, node
 *       down, eviction): {@code PodDiagnosis};
 *   <li>the workload object's own status, per kind (rollout deadline, FailedCreate, Job limits,
 *       missed schedules): {@code DeploymentView}, {@code StatefulSetView}, {@code DaemonSetView},
 *       {@code ReplicaSetView}, {@code JobView}, {@code CronJobView}, {@code BarePodView};
 *   <li>the sentence: {@code HealthMessage}; the warning list: {@code EventDigest}.
 * </ul>
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
