package dev.aiapiserver.api;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * One namespace at a glance, for triage: its workloads by verdict and the worst few, and the
 * objects that break traffic or scheduling without being a workload (Services, Ingresses,
 * PersistentVolumeClaims, ResourceQuotas), and the Warning events no workload explains. Every list is
 * capped and carries the count of what was left out.
 */
@JsonClassDescription(
    "NamespaceSummary is one namespace at a glance, for triage: workloads by verdict and the worst few with"
        + " their first reason, Services that select no pods or have no ready endpoints, Ingresses whose backend"
        + " Service or port does not exist, PersistentVolumeClaims not bound, ResourceQuotas near or at their"
        + " limits, and Warning events not tied to a workload. One per namespace, named after the namespace"
        + " (kubectl get nss <namespace> -n <namespace>). Every list is capped and says how many were omitted.")
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"apiVersion", "kind", "metadata", "phase", "workloads", "services", "ingresses",
    "persistentVolumeClaims", "quotas", "events"})
public record NamespaceSummary(
    @JsonPropertyDescription("ai.k8s.io/v1alpha1") String apiVersion,
    @JsonPropertyDescription("NamespaceSummary") String kind,
    @JsonPropertyDescription("Standard object metadata; the name is the namespace's name, labels are the namespace's labels.") ObjectMeta metadata,
    @JsonPropertyDescription("The namespace's phase: Active or Terminating.") String phase,
    @JsonPropertyDescription("Workloads of the namespace: counts by verdict, and the worst few.") Workloads workloads,
    @JsonPropertyDescription("Services that select no pods, or whose pods are none of them ready.") Problems services,
    @JsonPropertyDescription("Ingresses whose backend Service or port does not exist.") Problems ingresses,
    @JsonPropertyDescription("PersistentVolumeClaims not bound (Pending or Lost), with the provisioner's complaint.") Problems persistentVolumeClaims,
    @JsonPropertyDescription("ResourceQuota resources at 90% of their hard limit or more, fullest first.") Quotas quotas,
    @JsonPropertyDescription("Recent Warning events about objects that are not part of a workload, newest first.") WorkloadSummary.Events events)
    implements ApiObject {

  public static final String API_VERSION = "ai.k8s.io/v1alpha1";
  public static final String KIND = "NamespaceSummary";

  @Override
  public NamespaceSummary withMetadata(ObjectMeta m) {
    return new NamespaceSummary(apiVersion, kind, m, phase, workloads, services, ingresses, persistentVolumeClaims,
        quotas, events);
  }

  @JsonClassDescription("Workloads of the namespace.")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Workloads(
      @JsonPropertyDescription("Number of workload summaries in the namespace.") int total,
      @JsonPropertyDescription("Count per verdict.") Map<String, Integer> verdicts,
      @JsonPropertyDescription("Up to 5 workloads that are not Healthy, Completed or Suspended, worst first (the order of the ClusterContext's attention list).") List<Workload> worst,
      @JsonPropertyDescription("Number of such workloads left out of the list.") int omitted) {}

  @JsonClassDescription("A workload that needs attention.")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Workload(
      @JsonPropertyDescription("Name of its WorkloadSummary, e.g. deployment.web.") String name,
      @JsonPropertyDescription("Verdict.") String verdict,
      @JsonPropertyDescription("First reason.") String reason,
      @JsonPropertyDescription("The summary's message.") String message) {}

  @JsonClassDescription("Objects with a problem, worst first.")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Problems(
      @JsonPropertyDescription("Up to 5 objects.") List<Problem> items,
      @JsonPropertyDescription("Number of objects left out.") int omitted) {}

  @JsonClassDescription("An object and what is wrong with it.")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Problem(
      @JsonPropertyDescription("Name of the object.") String name,
      @JsonPropertyDescription("What is wrong, as a code: NoPodsSelected, NoReadyEndpoints (Services);"
          + " BackendServiceNotFound, BackendPortNotFound (Ingresses); Pending, Lost (PersistentVolumeClaims).") String reason,
      @JsonPropertyDescription("The evidence, in one sentence.") String message) {}

  @JsonClassDescription("ResourceQuota usage near or at the limits.")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Quotas(
      @JsonPropertyDescription("Up to 5 quota resources, fullest first.") List<QuotaUsage> items,
      @JsonPropertyDescription("Number left out.") int omitted) {}

  @JsonClassDescription("One resource of a ResourceQuota.")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record QuotaUsage(
      @JsonPropertyDescription("Name of the ResourceQuota.") String name,
      @JsonPropertyDescription("The resource, e.g. requests.cpu or pods.") String resource,
      @JsonPropertyDescription("status.used for it.") String used,
      @JsonPropertyDescription("status.hard for it.") String hard,
      @JsonPropertyDescription("Used as a percentage of hard, rounded down.") int percent) {}
}
