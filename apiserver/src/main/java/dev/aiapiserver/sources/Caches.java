package dev.aiapiserver.sources;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.fabric8.kubernetes.client.informers.cache.Indexer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Read access to the reduced caches, by key and by the indexes the engine needs. Every lookup
 * costs in proportion to what it returns, never to the size of the cluster, except the whole-cache
 * listings, meant for the bounded-rate ClusterContext and the first build. Objects returned are
 * shared with the cache: never modify them.
 */
public final class Caches {
  private final Map<String, SharedIndexInformer<? extends HasMetadata>> informers;

  Caches(Map<String, SharedIndexInformer<? extends HasMetadata>> informers) {
    this.informers = informers;
  }

  public Optional<HasMetadata> workload(WorkloadKind kind, String namespace, String name) {
    return Optional.ofNullable(this.<HasMetadata>indexer(kind.source()).getByKey(key(namespace, name)));
  }

  public List<HasMetadata> workloads(WorkloadKind kind) {
    return this.<HasMetadata>indexer(kind.source()).list();
  }

  /** The workloads of this kind in a namespace (for pods: those that are workloads of their own). */
  public List<HasMetadata> workloadsIn(WorkloadKind kind, String namespace) {
    return this.<HasMetadata>indexer(kind.source()).byIndex(
        kind == WorkloadKind.POD ? SourceIndexes.OWN_WORKLOAD_NAMESPACE : Cache.NAMESPACE_INDEX, namespace);
  }

  public Optional<Pod> pod(String namespace, String name) {
    return Optional.ofNullable(this.<Pod>indexer(WorkloadKind.POD.source()).getByKey(key(namespace, name)));
  }

  public Optional<ReplicaSet> replicaSet(String namespace, String name) {
    return Optional.ofNullable(this.<ReplicaSet>indexer(WorkloadKind.REPLICA_SET.source()).getByKey(key(namespace, name)));
  }

  public Optional<Job> job(String namespace, String name) {
    return Optional.ofNullable(this.<Job>indexer(WorkloadKind.JOB.source()).getByKey(key(namespace, name)));
  }

  /** Pods whose controlling owner has this uid. */
  public List<Pod> podsOwnedBy(String uid) {
    return this.<Pod>indexer(WorkloadKind.POD.source()).byIndex(SourceIndexes.OWNER, uid);
  }

  public List<ReplicaSet> replicaSetsOwnedBy(String uid) {
    return this.<ReplicaSet>indexer(WorkloadKind.REPLICA_SET.source()).byIndex(SourceIndexes.OWNER, uid);
  }

  public List<Job> jobsOwnedBy(String uid) {
    return this.<Job>indexer(WorkloadKind.JOB.source()).byIndex(SourceIndexes.OWNER, uid);
  }

  public List<Pod> podsOnNode(String nodeName) {
    return this.<Pod>indexer(WorkloadKind.POD.source()).byIndex(SourceIndexes.NODE, nodeName);
  }

  /**
   * Warning events whose involvedObject is this object: same kind, namespace and name, and the same
   * uid when the event names one (an earlier object of the same name does not count).
   */
  public List<Event> warningEventsAbout(HasMetadata item) {
    String kind = HasMetadata.getKind(item.getClass());
    String uid = item.getMetadata().getUid();
    List<Event> about = this.<Event>indexer(Sources.EVENTS).byIndex(SourceIndexes.ABOUT,
        SourceIndexes.aboutKey(kind, item.getMetadata().getNamespace(), item.getMetadata().getName()));
    List<Event> same = new ArrayList<>(about.size());
    for (Event event : about) {
      String eventUid = event.getInvolvedObject().getUid();
      if (eventUid == null || eventUid.isEmpty() || Objects.equals(eventUid, uid)) {
        same.add(event);
      }
    }
    return same;
  }

  public List<Service> servicesIn(String namespace) {
    return this.<Service>indexer(Sources.SERVICES).byIndex(Cache.NAMESPACE_INDEX, namespace);
  }

  public Optional<Node> node(String name) {
    return Optional.ofNullable(this.<Node>indexer(Sources.NODES).getByKey(name));
  }

  public List<Node> nodes() {
    return this.<Node>indexer(Sources.NODES).list();
  }

  public List<Namespace> namespaces() {
    return this.<Namespace>indexer(Sources.NAMESPACES).list();
  }

  public List<Pod> pods() {
    return this.<Pod>indexer(WorkloadKind.POD.source()).list();
  }

  public List<Event> warningEvents() {
    return this.<Event>indexer(Sources.EVENTS).list();
  }

  @SuppressWarnings("unchecked")
  private <T> Indexer<T> indexer(String source) {
    return (Indexer<T>) informers.get(source).getIndexer();
  }

  private static String key(String namespace, String name) {
    return Cache.namespaceKeyFunc(namespace, name);
  }
}
