package dev.aiapiserver.api;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/** The whole cluster at a glance, in one object named {@code current}: the first thing to read. */
@JsonClassDescription(
    "ClusterContext is the whole cluster at a glance, in one object named 'current': version, nodes,"
        + " namespaces, workloads by verdict, the workloads most in need of attention, recent warnings,"
        + " and how fresh the data is.")
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"apiVersion", "kind", "metadata", "kubernetes", "nodes", "namespaces", "workloads",
    "attention", "pods", "events", "resources", "freshness"})
public record ClusterContext(
    @JsonPropertyDescription("ai.k8s.io/v1alpha1") String apiVersion,
    @JsonPropertyDescription("ClusterContext") String kind,
    @JsonPropertyDescription("Standard object metadata; the name is always 'current'.") ObjectMeta metadata,
    @JsonPropertyDescription("The Kubernetes version and platform.") Kubernetes kubernetes,
    @JsonPropertyDescription("Nodes: readiness, roles, capacity and pressure.") Nodes nodes,
    @JsonPropertyDescription("Namespaces: total and terminating.") Namespaces namespaces,
    @JsonPropertyDescription("Workloads: counts by verdict and by kind.") Workloads workloads,
    @JsonPropertyDescription("Up to 10 workloads most in need of attention, worst first.") Attention attention,
    @JsonPropertyDescription("Pods: total and by phase.") Pods pods,
    @JsonPropertyDescription("Warning events in the last hour and their top reasons.") Events events,
    @JsonPropertyDescription("API resources the cluster serves that an agent may ask for.") Resources resources,
    @JsonPropertyDescription("How fresh the underlying caches are.") Freshness freshness)
    implements ApiObject {

  public static final String API_VERSION = "ai.k8s.io/v1alpha1";
  public static final String KIND = "ClusterContext";
  public static final String NAME = "current";

  @Override
  public ClusterContext withMetadata(ObjectMeta m) {
    return new ClusterContext(apiVersion, kind, m, kubernetes, nodes, namespaces, workloads, attention,
        pods, events, resources, freshness);
  }

  @JsonClassDescription("Kubernetes version.")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Kubernetes(
      @JsonPropertyDescription("Server gitVersion, e.g. v1.32.1.") String version,
      @JsonPropertyDescription("Server platform, e.g. linux/amd64.") String platform) {}

  @JsonClassDescription("Nodes of the cluster.")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Nodes(
      @JsonPropertyDescription("Number of nodes.") int total,
      @JsonPropertyDescription("Nodes whose Ready condition is True.") int ready,
      @JsonPropertyDescription("Names of nodes that are not ready, up to 10.") NameList notReady,
      @JsonPropertyDescription("Nodes cordoned (spec.unschedulable).") int unschedulable,
      @JsonPropertyDescription("Node count per role (from node-role.kubernetes.io/* labels; 'none' if unlabeled).") Map<String, Integer> roles,
      @JsonPropertyDescription("Sum of node capacity: cpu, memory, pods and extended resources such as GPUs.") Map<String, String> capacity,
      @JsonPropertyDescription("Sum of node allocatable: cpu, memory, pods and extended resources.") Map<String, String> allocatable,
      @JsonPropertyDescription("Nodes under Memory, Disk or PID pressure, up to 10.") Pressure pressure) {}

  @JsonClassDescription("A capped list of names.")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record NameList(List<String> items, int omitted) {}

  @JsonClassDescription("Nodes under pressure.")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Pressure(List<NodePressure> items, int omitted) {}

  @JsonClassDescription("A node and its pressure conditions.")
  public record NodePressure(String name, List<String> conditions) {}

  @JsonClassDescription("Namespaces.")
  public record Namespaces(int total, int terminating) {}

  @JsonClassDescription("Workload counts.")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Workloads(
      @JsonPropertyDescription("Number of workload summaries.") int total,
      @JsonPropertyDescription("Count per verdict.") Map<String, Integer> verdicts,
      @JsonPropertyDescription("Count per workload kind.") Map<String, Integer> kinds) {}

  @JsonClassDescription("Workloads most in need of attention.")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Attention(List<AttentionItem> items, int omitted) {}

  @JsonClassDescription("A workload that needs attention.")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record AttentionItem(
      @JsonPropertyDescription("Namespace of the workload.") String namespace,
      @JsonPropertyDescription("Name of its WorkloadSummary, e.g. deployment.web.") String name,
      @JsonPropertyDescription("Verdict.") String verdict,
      @JsonPropertyDescription("First reason.") String reason,
      @JsonPropertyDescription("The summary's message.") String message) {}

  @JsonClassDescription("Pod counts.")
  public record Pods(int total, Map<String, Integer> phases) {}

  @JsonClassDescription("Recent Warning events.")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Events(
      @JsonPropertyDescription("Warning events seen in the last hour (sum of counts).") int warningsLastHour,
      @JsonPropertyDescription("Top reasons in the last hour, most frequent first, up to 5.") List<ReasonCount> topReasons) {}

  @JsonClassDescription("A reason and how often it occurred.")
  public record ReasonCount(String reason, int count) {}

  @JsonClassDescription("Served API resources.")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Resources(
      @JsonPropertyDescription("group/version: resource names, e.g. apps/v1: [deployments, ...]; capped.") Map<String, List<String>> groups,
      @JsonPropertyDescription("Number of group-versions left out.") int omitted) {}

  @JsonClassDescription("Freshness of the caches.")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Freshness(
      @JsonPropertyDescription("When a source cache last changed (RFC 3339).") String lastChange,
      @JsonPropertyDescription("True when every informer has synced and none has lost its upstream.") boolean synced,
      @JsonPropertyDescription("Informers not yet synced, if any.") List<String> notSynced,
      @JsonPropertyDescription("Informers that have lost their upstream (watch cut, API server not answering), each"
          + " with the time since when its data may be stale; what the views say about them may be out of date.")
      List<StaleSource> stale) {
    public Freshness(String lastChange, boolean synced, List<String> notSynced) {
      this(lastChange, synced, notSynced, null);
    }
  }

  @JsonClassDescription("A source whose cache may be out of date.")
  public record StaleSource(
      @JsonPropertyDescription("The informer, e.g. pods.") String source,
      @JsonPropertyDescription("Since when it has not heard from the API server (RFC 3339).") String since) {}
}
