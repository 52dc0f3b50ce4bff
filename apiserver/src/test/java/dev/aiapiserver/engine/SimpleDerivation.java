package dev.aiapiserver.engine;

import dev.aiapiserver.api.ClusterContext;
import dev.aiapiserver.api.ObjectMeta;
import dev.aiapiserver.api.WorkloadSummary;
import dev.aiapiserver.views.ClusterInputs;
import dev.aiapiserver.views.WorkloadInputs;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A stand-in derivation that shows what the engine handed it (pods, restarts, event reasons,
 * Service names, nodes) and counts its calls per summary name.
 */
final class SimpleDerivation implements Function<WorkloadInputs, WorkloadSummary> {
  private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
  private final AtomicInteger total = new AtomicInteger();

  @Override
  public WorkloadSummary apply(WorkloadInputs in) {
    HasMetadata w = in.workload();
    String kind = HasMetadata.getKind(w.getClass());
    String name = kind.toLowerCase(Locale.ROOT) + "." + w.getMetadata().getName();
    calls.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
    total.incrementAndGet();
    int restarts = 0;
    Map<String, Integer> phases = new TreeMap<>();
    for (Pod pod : in.pods()) {
      phases.merge(String.valueOf(pod.getStatus().getPhase()), 1, Integer::sum);
      for (ContainerStatus cs : pod.getStatus().getContainerStatuses()) {
        restarts += cs.getRestartCount() == null ? 0 : cs.getRestartCount();
      }
    }
    boolean nodeDown = in.nodes().values().stream().anyMatch(n -> n.getStatus().getConditions().stream()
        .anyMatch(c -> "Ready".equals(c.getType()) && !"True".equals(c.getStatus())));
    return new WorkloadSummary(WorkloadSummary.API_VERSION, WorkloadSummary.KIND,
        new ObjectMeta(name, w.getMetadata().getNamespace(), w.getMetadata().getUid(), null,
            w.getMetadata().getCreationTimestamp(), w.getMetadata().getLabels()),
        new WorkloadSummary.WorkloadRef(w.getApiVersion(), kind, w.getMetadata().getName(), w.getMetadata().getUid()),
        new WorkloadSummary.Health(nodeDown ? WorkloadSummary.Verdict.Degraded : WorkloadSummary.Verdict.Healthy,
            nodeDown ? java.util.List.of("NodeNotReady") : java.util.List.of(), null, null),
        null,
        new WorkloadSummary.Pods(in.pods().size(), phases, restarts, java.util.List.of(), 0),
        null, null, null, null, null,
        new WorkloadSummary.Events(in.events().stream().map(e -> new WorkloadSummary.Event(e.getReason(),
            null, 1, null, e.getInvolvedObject().getKind() + "/" + e.getInvolvedObject().getName())).toList(), 0),
        new WorkloadSummary.Services(in.services().stream().map(s -> s.getMetadata().getName()).toList(), 0));
  }

  int calls(String summaryName) {
    AtomicInteger n = calls.get(summaryName);
    return n == null ? 0 : n.get();
  }

  int total() {
    return total.get();
  }

  /** A ClusterContext that carries only the version and freshness, enough to see it built. */
  static ClusterContext cluster(ClusterInputs in) {
    return new ClusterContext(ClusterContext.API_VERSION, ClusterContext.KIND,
        new ObjectMeta(ClusterContext.NAME, null, "cluster", null, null, Map.of()),
        new ClusterContext.Kubernetes(in.gitVersion(), in.platform()),
        null, null, null, null, null, null, null, null);
  }

  static java.util.List<String> reasons(WorkloadSummary s) {
    return s.events().items().stream().map(WorkloadSummary.Event::reason).sorted().toList();
  }

  static java.util.List<String> services(WorkloadSummary s) {
    return s.services().items();
  }

}
