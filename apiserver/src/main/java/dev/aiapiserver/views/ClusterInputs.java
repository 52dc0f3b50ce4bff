package dev.aiapiserver.views;

import dev.aiapiserver.api.ClusterContext;
import dev.aiapiserver.api.WorkloadSummary;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Everything the ClusterContext derivation may read: a snapshot of the caches plus the current
 * summaries. Derived at a bounded rate, so reading the whole cluster here is fine.
 *
 * @param gitVersion API server version (from /version)
 * @param platform API server platform (from /version)
 * @param nodes all nodes
 * @param namespaces all namespaces
 * @param pods all pods
 * @param warningEvents all cached Warning events
 * @param summaries every current WorkloadSummary
 * @param apiResources served API resources by group/version (from discovery)
 * @param informersSynced informer name to synced
 * @param lastChange when a source cache last changed
 * @param staleSince informers that have lost their upstream, and since when (empty: none)
 * @param previous the context derived last time, or null
 * @param now the clock, injected
 */
public record ClusterInputs(
    String gitVersion,
    String platform,
    Collection<Node> nodes,
    Collection<Namespace> namespaces,
    Collection<Pod> pods,
    Collection<Event> warningEvents,
    Collection<WorkloadSummary> summaries,
    Map<String, List<String>> apiResources,
    Map<String, Boolean> informersSynced,
    Instant lastChange,
    ClusterContext previous,
    Instant now,
    Map<String, Instant> staleSince) {

  public ClusterInputs(String gitVersion, String platform, Collection<Node> nodes, Collection<Namespace> namespaces,
      Collection<Pod> pods, Collection<Event> warningEvents, Collection<WorkloadSummary> summaries,
      Map<String, List<String>> apiResources, Map<String, Boolean> informersSynced, Instant lastChange,
      ClusterContext previous, Instant now) {
    this(gitVersion, platform, nodes, namespaces, pods, warningEvents, summaries, apiResources, informersSynced,
        lastChange, previous, now, Map.of());
  }
}
