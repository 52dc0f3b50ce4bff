package dev.aiapiserver.api;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * One top-level workload, answered in one object: is it healthy, and if not, why. Conclusion
 * first (health), evidence after. Every inner list is capped, sorted most relevant first, and
 * carries the count of what was left out.
 */
@JsonClassDescription(
    "WorkloadSummary answers one question about one top-level workload (Deployment, StatefulSet,"
        + " DaemonSet, CronJob, Job, ReplicaSet without a Deployment, or Pod without a controller):"
        + " is it healthy, and if not, why. Read health first; the rest is the evidence.")
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"apiVersion", "kind", "metadata", "workload", "health", "replicas", "pods",
    "containers", "rollout", "job", "cronJob", "daemonSet", "autoscaler", "related", "events", "services"})
public record WorkloadSummary(
    @JsonPropertyDescription("ai.k8s.io/v1alpha1") String apiVersion,
    @JsonPropertyDescription("WorkloadSummary") String kind,
    @JsonPropertyDescription("Standard object metadata; labels are the workload's labels.") ObjectMeta metadata,
    @JsonPropertyDescription("The source object this summary describes.") WorkloadRef workload,
    @JsonPropertyDescription("The conclusion: verdict, reasons cause first, one-sentence message.") Health health,
    @JsonPropertyDescription("Replica counts, as they apply to the kind.") Replicas replicas,
    @JsonPropertyDescription("Pods of the workload: counts and the worst unhealthy pods.") Pods pods,
    @JsonPropertyDescription("Containers of the pod template: name, image, requests and limits. Never env, args or commands.") Containers containers,
    @JsonPropertyDescription("Rollout state, for kinds that roll out (Deployment, StatefulSet, DaemonSet).") Rollout rollout,
    @JsonPropertyDescription("Job facts (kind Job).") JobFacts job,
    @JsonPropertyDescription("CronJob facts (kind CronJob).") CronJobFacts cronJob,
    @JsonPropertyDescription("DaemonSet facts (kind DaemonSet).") DaemonSetFacts daemonSet,
    @JsonPropertyDescription("Recent Warning events about the workload, its pods and owned objects, newest first.") Events events,
    @JsonPropertyDescription("Services in the namespace whose selector selects the workload's pods.") Services services,
    @JsonPropertyDescription("The HorizontalPodAutoscaler (autoscaling/v2) that scales the workload, if any.") Autoscaler autoscaler,
    @JsonPropertyDescription("Other objects that bear on the workload's health: PersistentVolumeClaims its pods wait for, PodDisruptionBudgets that cover its pods. Most relevant first.") Related related)
    implements ApiObject {

  public static final String API_VERSION = "ai.k8s.io/v1alpha1";
  public static final String KIND = "WorkloadSummary";

  /** A summary without autoscaler and related objects. */
  public WorkloadSummary(String apiVersion, String kind, ObjectMeta metadata, WorkloadRef workload, Health health,
      Replicas replicas, Pods pods, Containers containers, Rollout rollout, JobFacts job, CronJobFacts cronJob,
      DaemonSetFacts daemonSet, Events events, Services services) {
    this(apiVersion, kind, metadata, workload, health, replicas, pods, containers, rollout, job, cronJob, daemonSet,
        events, services, null, null);
  }

  @Override
  public WorkloadSummary withMetadata(ObjectMeta m) {
    return new WorkloadSummary(apiVersion, kind, m, workload, health, replicas, pods, containers,
        rollout, job, cronJob, daemonSet, events, services, autoscaler, related);
  }

  /** The verdicts, most severe concern first when sorting for attention. */
  public enum Verdict { Failing, Degraded, Unknown, Progressing, Suspended, Completed, Healthy }

  @JsonClassDescription("Reference to the source workload object.")
  public record WorkloadRef(
      @JsonPropertyDescription("apiVersion of the source, e.g. apps/v1.") String apiVersion,
      @JsonPropertyDescription("Kind of the source: Deployment, StatefulSet, DaemonSet, CronJob, Job, ReplicaSet or Pod.") String kind,
      @JsonPropertyDescription("Name of the source object.") String name,
      @JsonPropertyDescription("uid of the source object.") String uid) {}

  @JsonClassDescription("The conclusion about the workload.")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Health(
      @JsonPropertyDescription("One of Healthy, Progressing, Degraded, Failing, Suspended, Completed, Unknown. See docs/verdicts.md.") Verdict verdict,
      @JsonPropertyDescription("Machine-readable reason codes, cause first (what to fix, then what the controller concluded, then symptoms), the same order while the state stays the same, empty unless Degraded or Failing: QuotaExceeded, AdmissionWebhookDenied, FailedCreate, OOMKilled, LivenessProbeFailed, StartupProbeFailed, CreateContainerConfigError, CreateContainerError, RunContainerError, StartError, ErrImagePull, ImagePullBackOff, PersistentVolumeClaimPending, FailedAttachVolume, FailedMount, Unschedulable, NodeNotReady, Evicted, MissedSchedule, HPAAtMaxReplicas, NewRevisionFailing, RolloutStalled, ProgressDeadlineExceeded, BackoffLimitExceeded, DeadlineExceeded, JobFailed, CrashLoopBackOff, PodFailed, ReadinessProbeFailed, NotReady, Evicted, MissedSchedule, NewRevisionFailing, RolloutStalled, ProgressDeadlineExceeded, BackoffLimitExceeded, DeadlineExceeded, JobFailed, CrashLoopBackOff, PodFailed, ReadinessProbeFailed, NotReady. See docs/verdicts.md.") List<String> reasons,
      @JsonPropertyDescription("One human sentence naming the worst pod and container and the evidence.") String message,
      @JsonPropertyDescription("When the verdict last changed (RFC 3339).") String since) {}

  @JsonClassDescription("Replica counts; fields that do not apply to the kind are absent.")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Replicas(
      @JsonPropertyDescription("Replicas desired by the spec.") Integer desired,
      @JsonPropertyDescription("Replicas that currently exist.") Integer current,
      @JsonPropertyDescription("Replicas whose pods are ready.") Integer ready,
      @JsonPropertyDescription("Replicas available (ready for at least minReadySeconds).") Integer available,
      @JsonPropertyDescription("Replicas at the current template revision.") Integer updated) {}

  @JsonClassDescription("Pods of the workload.")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Pods(
      @JsonPropertyDescription("Number of pods.") int total,
      @JsonPropertyDescription("Number of pods per phase (Pending, Running, Succeeded, Failed, Unknown).") Map<String, Integer> phases,
      @JsonPropertyDescription("Sum of container restarts over all pods.") int restarts,
      @JsonPropertyDescription("Up to 5 unhealthy pods, worst first.") List<PodProblem> unhealthy,
      @JsonPropertyDescription("Number of unhealthy pods left out of the list.") int omitted) {}

  @JsonClassDescription("An unhealthy pod and the evidence.")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record PodProblem(
      @JsonPropertyDescription("Pod name.") String name,
      @JsonPropertyDescription("Node the pod is on, if scheduled.") String node,
      @JsonPropertyDescription("Pod phase.") String phase,
      @JsonPropertyDescription("The container at fault, if any.") String container,
      @JsonPropertyDescription("The most specific reason the kubelet or scheduler gave, e.g. CrashLoopBackOff, Unschedulable, RunContainerError, FailedMount.") String reason,
      @JsonPropertyDescription("Message from the kubelet, scheduler or latest warning, at most 160 characters.") String message,
      @JsonPropertyDescription("Restarts of the pod's containers.") int restarts,
      @JsonPropertyDescription("Last termination of the container at fault.") Termination lastTermination) {}

  @JsonClassDescription("A container's last termination.")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Termination(
      @JsonPropertyDescription("Exit code.") Integer exitCode,
      @JsonPropertyDescription("Reason, e.g. OOMKilled or Error.") String reason,
      @JsonPropertyDescription("When it finished (RFC 3339).") String finishedAt) {}

  @JsonClassDescription("Containers of the pod template.")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Containers(
      @JsonPropertyDescription("Up to 8 containers, in template order (init containers are not listed).") List<Container> items,
      @JsonPropertyDescription("Number of containers left out.") int omitted) {}

  @JsonClassDescription("A container of the template: no env, command or args, ever.")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record Container(
      @JsonPropertyDescription("Container name.") String name,
      @JsonPropertyDescription("Image reference.") String image,
      @JsonPropertyDescription("Resource requests, e.g. cpu: 100m.") Map<String, String> requests,
      @JsonPropertyDescription("Resource limits, e.g. memory: 256Mi.") Map<String, String> limits) {}

  @JsonClassDescription("Rollout state.")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Rollout(
      @JsonPropertyDescription("Current revision (Deployment revision annotation, or StatefulSet/DaemonSet revision hash).") String revision,
      @JsonPropertyDescription("True while a rollout is under way.") boolean inProgress,
      @JsonPropertyDescription("Relevant status conditions (e.g. Progressing, Available).") List<Condition> conditions,
      @JsonPropertyDescription("While pods of more than one revision run: the newest revision first, then the older ones still running (at most three), each with its pods, ready pods and the images that differ between them.") List<Revision> revisions) {

    public Rollout(String revision, boolean inProgress, List<Condition> conditions) {
      this(revision, inProgress, conditions, null);
    }
  }

  @JsonClassDescription("One revision of a workload's pod template and the pods that run it.")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Revision(
      @JsonPropertyDescription("Revision: the Deployment revision number, the StatefulSet controller revision, or the DaemonSet template generation.") String revision,
      @JsonPropertyDescription("Images of this revision that differ from the other revision's, as container=image.") List<String> images,
      @JsonPropertyDescription("Pods of this revision.") int pods,
      @JsonPropertyDescription("Ready pods of this revision.") int ready,
      @JsonPropertyDescription("True for the revision being rolled out.") boolean updated) {}

  @JsonClassDescription("A status condition of the workload.")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Condition(String type, String status, String reason, String message, String lastTransitionTime) {}

  @JsonClassDescription("Job facts.")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record JobFacts(
      @JsonPropertyDescription("Desired completions.") Integer completions,
      @JsonPropertyDescription("Succeeded pods.") Integer succeeded,
      @JsonPropertyDescription("Failed pods.") Integer failed,
      @JsonPropertyDescription("Active pods.") Integer active,
      @JsonPropertyDescription("Backoff limit.") Integer backoffLimit,
      @JsonPropertyDescription("Start time (RFC 3339).") String startTime,
      @JsonPropertyDescription("Completion time (RFC 3339).") String completionTime) {}

  @JsonClassDescription("CronJob facts.")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record CronJobFacts(
      @JsonPropertyDescription("Cron schedule.") String schedule,
      @JsonPropertyDescription("Time zone of the schedule, if set.") String timeZone,
      @JsonPropertyDescription("True if the CronJob is suspended.") boolean suspend,
      @JsonPropertyDescription("Last time a Job was scheduled (RFC 3339).") String lastScheduleTime,
      @JsonPropertyDescription("Last time a Job succeeded (RFC 3339).") String lastSuccessfulTime,
      @JsonPropertyDescription("Names of active Jobs, up to 5.") List<String> active,
      @JsonPropertyDescription("Number of active Jobs left out.") int omitted) {}

  @JsonClassDescription("DaemonSet facts.")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record DaemonSetFacts(
      @JsonPropertyDescription("Nodes that should run the daemon pod.") Integer desiredScheduled,
      @JsonPropertyDescription("Nodes running the daemon pod.") Integer currentScheduled,
      @JsonPropertyDescription("Nodes running the daemon pod but not supposed to.") Integer misscheduled,
      @JsonPropertyDescription("Nodes with a ready daemon pod.") Integer ready) {}

  @JsonClassDescription("Recent Warning events, newest first, de-duplicated by reason and object.")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Events(
      @JsonPropertyDescription("Up to 5 events.") List<Event> items,
      @JsonPropertyDescription("Number of distinct events left out.") int omitted) {}

  @JsonClassDescription("A Warning event.")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Event(
      @JsonPropertyDescription("Event reason, e.g. BackOff or FailedScheduling.") String reason,
      @JsonPropertyDescription("Event message, truncated.") String message,
      @JsonPropertyDescription("How many times it occurred.") int count,
      @JsonPropertyDescription("When it last occurred (RFC 3339).") String lastSeen,
      @JsonPropertyDescription("The object it is about, as kind/name.") String object) {}

  @JsonClassDescription("Services selecting the workload's pods.")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Services(
      @JsonPropertyDescription("Service names, up to 10, sorted.") List<String> items,
      @JsonPropertyDescription("Number of services left out.") int omitted) {}

  @JsonClassDescription("The HorizontalPodAutoscaler of the workload, as its controller last reported it.")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Autoscaler(
      @JsonPropertyDescription("Name of the HorizontalPodAutoscaler.") String name,
      @JsonPropertyDescription("spec.minReplicas (1 when unset).") Integer minReplicas,
      @JsonPropertyDescription("spec.maxReplicas.") Integer maxReplicas,
      @JsonPropertyDescription("status.currentReplicas.") Integer currentReplicas,
      @JsonPropertyDescription("status.desiredReplicas: what the autoscaler last asked for, within min and max.") Integer desiredReplicas,
      @JsonPropertyDescription("True when the ScalingLimited condition is True: the metrics ask for more (or fewer) replicas than the bounds allow.") boolean limited,
      @JsonPropertyDescription("The ScalingLimited (or failing ScalingActive/AbleToScale) condition's reason and message.") String message) {}

  @JsonClassDescription("Objects related to the workload that bear on its health, most relevant first.")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Related(
      @JsonPropertyDescription("Up to 5 related objects.") List<RelatedObject> items,
      @JsonPropertyDescription("Number of related objects left out.") int omitted) {}

  @JsonClassDescription("An object related to the workload, and what about it matters.")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record RelatedObject(
      @JsonPropertyDescription("Kind: PersistentVolumeClaim or PodDisruptionBudget.") String kind,
      @JsonPropertyDescription("Name of the object, in the workload's namespace.") String name,
      @JsonPropertyDescription("Its state in one word: Pending or Lost for a claim; NoDisruptionsAllowed or DisruptionsAllowed for a budget.") String state,
      @JsonPropertyDescription("The evidence: for a claim its StorageClass, provisioner and the provisioner's complaint; for a budget its healthy/desired counts and what it blocks.") String message) {}
}
