package dev.aiapiserver.views;

import dev.aiapiserver.api.WorkloadSummary;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
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
 *     or Jobs
 * @param services the Services of the workload's namespace (derivation matches their selectors)
 * @param nodes the nodes the pods are bound to, by name (missing if unknown)
 * @param previous the summary derived last time, or null (keeps health.since stable)
 * @param now the clock, injected
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
    Instant now) {}
