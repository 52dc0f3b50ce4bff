package dev.aiapiserver.views;

import dev.aiapiserver.api.WorkloadSummary;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import java.util.List;
import java.util.Map;

/**
 * Everything the NamespaceSummary of one namespace may read: a snapshot of that namespace's objects
 * in the caches and of its WorkloadSummaries. Costs in proportion to the namespace.
 *
 * @param namespace the Namespace object
 * @param verdicts the number of WorkloadSummaries per verdict
 * @param needingAttention the summaries that are not Healthy, Completed or Suspended
 * @param workloadPodLabels the pod labels of every top-level workload (a Service matching none selects no pods)
 * @param services the Services of the namespace
 * @param endpointSlices EndpointSlices by Service name (a Service without an entry has none)
 * @param ingresses the Ingresses of the namespace
 * @param claims the PersistentVolumeClaims of the namespace
 * @param quotas the ResourceQuotas of the namespace
 * @param warningEvents the cached Warning events of the namespace
 */
public record NamespaceInputs(
    Namespace namespace,
    Map<String, Integer> verdicts,
    List<WorkloadSummary> needingAttention,
    List<Map<String, String>> workloadPodLabels,
    List<Service> services,
    Map<String, List<EndpointSlice>> endpointSlices,
    List<Ingress> ingresses,
    List<PersistentVolumeClaim> claims,
    List<ResourceQuota> quotas,
    List<Event> warningEvents) {}
