package dev.aiapiserver.api;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * What an operator reads after a WorkloadSummary's verdict, served by the subresource
 * {@code workloadsummaries/{name}/evidence}: the last log lines of the containers at fault, the
 * rollout's current and previous revisions, and the recent Warning events and pod messages in full.
 * Bounded (at most 16 KiB of JSON) and redacted; logs only for a caller who may get pods/log.
 */
@JsonClassDescription(
    "WorkloadEvidence is what an operator reads after a WorkloadSummary's verdict: the last log lines of the"
        + " containers at fault (current and previous instance), the rollout's current and previous revisions, and"
        + " the recent Warning events and pod messages in full. At most 16 KiB; every text copied from the cluster is"
        + " redacted. Logs are included only for a caller who may get pods/log in the namespace.")
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"apiVersion", "kind", "metadata", "workload", "health", "logs", "rollout", "events",
    "podMessages"})
public record WorkloadEvidence(
    @JsonPropertyDescription("ai.k8s.io/v1alpha1") String apiVersion,
    @JsonPropertyDescription("WorkloadEvidence") String kind,
    @JsonPropertyDescription("Name and namespace of the WorkloadSummary this evidence belongs to.") ObjectMeta metadata,
    @JsonPropertyDescription("The source object the evidence is about.") WorkloadSummary.WorkloadRef workload,
    @JsonPropertyDescription("The summary's conclusion, repeated so that the evidence reads on its own.")
        WorkloadSummary.Health health,
    @JsonPropertyDescription("Last log lines of the containers at fault in the worst unhealthy pods, or why they are withheld.")
        Logs logs,
    @JsonPropertyDescription("Current and previous revisions of a Deployment, StatefulSet or DaemonSet.") Rollout rollout,
    @JsonPropertyDescription("Recent Warning events about the workload, its pods and owned objects, newest first, messages in full.")
        Events events,
    @JsonPropertyDescription("Messages of the unhealthy pods' statuses, conditions and containers, in full.")
        PodMessages podMessages) implements ApiObject {

  public static final String API_VERSION = "ai.k8s.io/v1alpha1";
  public static final String KIND = "WorkloadEvidence";

  @Override
  public WorkloadEvidence withMetadata(ObjectMeta m) {
    return new WorkloadEvidence(apiVersion, kind, m, workload, health, logs, rollout, events, podMessages);
  }

  @JsonClassDescription("Log excerpts of the containers at fault.")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Logs(
      @JsonPropertyDescription("One entry per container instance at fault (current, then previous), worst pod first."
          + " Absent when withheld.") List<ContainerLog> items,
      @JsonPropertyDescription("Entries left out to keep the object within 16 KiB.") int omitted,
      @JsonPropertyDescription("Why logs are not shown, e.g. 'requires get on pods/log in namespace shop'; absent when"
          + " shown.") String withheld) {}

  @JsonClassDescription("The last lines of one container instance's log, as kubectl logs (--previous) shows them.")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ContainerLog(
      @JsonPropertyDescription("Pod name.") String pod,
      @JsonPropertyDescription("Container name.") String container,
      @JsonPropertyDescription("True for the previous (terminated) instance of a restarted container.") boolean previous,
      @JsonPropertyDescription("The last lines, oldest first: at most 40 lines and 4 KiB, long lines cut, secrets"
          + " redacted.") List<String> lines,
      @JsonPropertyDescription("Lines read but left out to stay within the bounds (earlier lines are never read).")
          int omitted,
      @JsonPropertyDescription("Why no lines could be read, e.g. the kubelet's answer or a timeout.") String error) {}

  @JsonClassDescription("Rollout history: the current revision and the previous ones, newest first.")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Rollout(
      @JsonPropertyDescription("Up to 3 revisions, newest first.") List<Revision> revisions,
      @JsonPropertyDescription("Older revisions left out.") int omitted,
      @JsonPropertyDescription("Why the history is incomplete, e.g. the ControllerRevisions could not be read.")
          String error) {}

  @JsonClassDescription("One revision of a workload's pod template.")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Revision(
      @JsonPropertyDescription("Revision number (deployment.kubernetes.io/revision, or the ControllerRevision's).")
          Long revision,
      @JsonPropertyDescription("The ReplicaSet or ControllerRevision that holds it.") String name,
      @JsonPropertyDescription("When it was created (RFC 3339).") String created,
      @JsonPropertyDescription("Container images of its pod template.") List<String> images,
      @JsonPropertyDescription("Replicas it should run: the ReplicaSet's spec.replicas; for a StatefulSet or DaemonSet"
          + " the workload's desired count for the current revision and 0 for older ones.") Integer desired,
      @JsonPropertyDescription("Pods running it.") Integer replicas,
      @JsonPropertyDescription("Of those, ready pods.") Integer ready,
      @JsonPropertyDescription("True for the revision the workload is rolling out to (or runs).") boolean current) {}

  @JsonClassDescription("Warning events, newest first, one per reason and object.")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Events(
      @JsonPropertyDescription("Up to 8 events.") List<Event> items,
      @JsonPropertyDescription("Events left out.") int omitted) {}

  @JsonClassDescription("A Warning event with its message in full (up to 1024 characters, redacted).")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Event(
      @JsonPropertyDescription("Event reason, e.g. BackOff, FailedScheduling, Unhealthy.") String reason,
      @JsonPropertyDescription("The message in full, redacted.") String message,
      @JsonPropertyDescription("How many times it occurred.") int count,
      @JsonPropertyDescription("When it first occurred (RFC 3339).") String firstSeen,
      @JsonPropertyDescription("When it last occurred (RFC 3339).") String lastSeen,
      @JsonPropertyDescription("The object it is about, as kind/name.") String object,
      @JsonPropertyDescription("The component that reported it, e.g. kubelet.") String reportedBy) {}

  @JsonClassDescription("Pod messages, worst pod first.")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record PodMessages(
      @JsonPropertyDescription("Up to 10 messages.") List<PodMessage> items,
      @JsonPropertyDescription("Messages left out.") int omitted) {}

  @JsonClassDescription("A message from a pod's status, a condition or a container state, in full (redacted).")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record PodMessage(
      @JsonPropertyDescription("Pod name.") String pod,
      @JsonPropertyDescription("Container name, when the message is a container's.") String container,
      @JsonPropertyDescription("Where it comes from: status, condition/<type>, state.waiting, state.terminated,"
          + " lastState.terminated.") String source,
      @JsonPropertyDescription("The reason given with it.") String reason,
      @JsonPropertyDescription("The message, redacted; for a terminated container its exit code.") String message) {}
}
