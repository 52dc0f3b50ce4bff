package dev.aiapiserver.views;

import dev.aiapiserver.api.ClusterContext;
import dev.aiapiserver.api.ClusterContext.Freshness;
import dev.aiapiserver.api.ClusterContext.Kubernetes;
import dev.aiapiserver.api.ClusterContext.Namespaces;
import dev.aiapiserver.api.ClusterContext.Pods;
import dev.aiapiserver.api.ClusterContext.Workloads;
import dev.aiapiserver.api.ObjectMeta;
import dev.aiapiserver.api.WorkloadSummary;
import dev.aiapiserver.api.WorkloadSummary.Verdict;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Pod;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** Derives the ClusterContext from a snapshot of the whole cluster. Pure: no I/O, no clock. */
public final class ClusterContexts {
  private static final String UID_PREFIX = "ai.k8s.io/v1alpha1/ClusterContext/";
  private static final List<String> PHASES = List.of("Pending", "Running", "Succeeded", "Failed", "Unknown");

  private ClusterContexts() {}

  public static ClusterContext derive(ClusterInputs in) {
    return new ClusterContext(ClusterContext.API_VERSION, ClusterContext.KIND, metadata(in.namespaces()),
        new Kubernetes(in.gitVersion(), in.platform()),
        NodeTotals.of(in.nodes()),
        namespaces(in.namespaces()),
        workloads(in.summaries()),
        AttentionRanking.of(in.summaries()),
        pods(in.pods()),
        WarningTally.of(in.warningEvents(), in.now()),
        ServedResources.of(in.apiResources()),
        freshness(in));
  }

  /**
   * The context is as old as the cluster: its uid and creationTimestamp are those of the
   * kube-system namespace, the closest thing Kubernetes has to a cluster identity.
   */
  private static ObjectMeta metadata(Collection<Namespace> namespaces) {
    Namespace kubeSystem = namespaces.stream()
        .filter(n -> "kube-system".equals(n.getMetadata().getName()))
        .findFirst().orElse(null);
    String identity = kubeSystem == null || kubeSystem.getMetadata().getUid() == null
        ? ClusterContext.NAME : kubeSystem.getMetadata().getUid();
    String uid = UUID.nameUUIDFromBytes((UID_PREFIX + identity).getBytes(StandardCharsets.UTF_8)).toString();
    String created = kubeSystem == null ? null : Rfc3339.normalize(kubeSystem.getMetadata().getCreationTimestamp());
    return new ObjectMeta(ClusterContext.NAME, null, uid, null, created, null);
  }

  private static Namespaces namespaces(Collection<Namespace> namespaces) {
    int terminating = (int) namespaces.stream()
        .filter(n -> n.getMetadata().getDeletionTimestamp() != null
            || (n.getStatus() != null && "Terminating".equals(n.getStatus().getPhase())))
        .count();
    return new Namespaces(namespaces.size(), terminating);
  }

  private static Workloads workloads(Collection<WorkloadSummary> summaries) {
    Map<Verdict, Integer> verdicts = new HashMap<>();
    Map<String, Integer> kinds = new HashMap<>();
    for (WorkloadSummary s : summaries) {
      if (s.health() != null && s.health().verdict() != null) {
        verdicts.merge(s.health().verdict(), 1, Integer::sum);
      }
      if (s.workload() != null) {
        kinds.merge(s.workload().kind(), 1, Integer::sum);
      }
    }
    Map<String, Integer> byVerdict = new LinkedHashMap<>();
    for (Verdict v : Verdict.values()) {
      if (verdicts.containsKey(v)) {
        byVerdict.put(v.name(), verdicts.get(v));
      }
    }
    Map<String, Integer> byKind = new LinkedHashMap<>();
    for (String k : WorkloadSummaries.KINDS) {
      if (kinds.containsKey(k)) {
        byKind.put(k, kinds.remove(k));
      }
    }
    new TreeMap<>(kinds).forEach(byKind::put);
    return new Workloads(summaries.size(), byVerdict, byKind);
  }

  private static Pods pods(Collection<Pod> pods) {
    Map<String, Integer> counts = new HashMap<>();
    pods.forEach(p -> counts.merge(PodDiagnosis.phase(p), 1, Integer::sum));
    Map<String, Integer> phases = new LinkedHashMap<>();
    PHASES.forEach(p -> {
      if (counts.containsKey(p)) {
        phases.put(p, counts.remove(p));
      }
    });
    new TreeMap<>(counts).forEach(phases::put);
    return new Pods(pods.size(), phases);
  }

  private static Freshness freshness(ClusterInputs in) {
    Map<String, Boolean> synced = in.informersSynced() == null ? Map.of() : in.informersSynced();
    List<String> notSynced = synced.entrySet().stream()
        .filter(e -> !Boolean.TRUE.equals(e.getValue()))
        .map(Map.Entry::getKey)
        .sorted()
        .toList();
    Map<String, Instant> staleSince = in.staleSince() == null ? Map.of() : in.staleSince();
    List<ClusterContext.StaleSource> stale = staleSince.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(e -> new ClusterContext.StaleSource(e.getKey(), Rfc3339.format(e.getValue())))
        .toList();
    return new Freshness(Rfc3339.format(in.lastChange()), notSynced.isEmpty() && stale.isEmpty(),
        notSynced.isEmpty() ? null : notSynced, stale.isEmpty() ? null : stale);
  }
}
