package dev.aiapiserver.sources;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Indexer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The informers that feed the views, all namespaces, resync off, each with a reduced item store:
 * one per workload kind ({@link WorkloadKind}, the table of kinds), Warning Events, and the
 * cluster objects listed in {@link #CLUSTER_OBJECTS}; plus the cluster's version and served resources. No Secret or
 * ConfigMap is ever watched. Register listeners, then {@link #start()}; read through
 * {@link #caches()}.
 */
public final class Sources {
  public static final String EVENTS = "events";
  public static final String SERVICES = "services";
  public static final String NODES = "nodes";
  public static final String NAMESPACES = "namespaces";
  public static final String CLAIMS = "persistentvolumeclaims";
  public static final String AUTOSCALERS = "horizontalpodautoscalers";
  public static final String DISRUPTION_BUDGETS = "poddisruptionbudgets";
  public static final String INGRESSES = "ingresses";
  public static final String QUOTAS = "resourcequotas";
  public static final String ENDPOINT_SLICES = "endpointslices";
  /** Pseudo-sources of {@link SourceListener#changed}: the cluster facts changed. */
  public static final String VERSION = "version";
  public static final String DISCOVERY = "discovery";
  /** Pseudo-source: a source turned stale or fresh again ({@link #health()}). */
  public static final String FRESHNESS = "freshness";

  /** The informers besides the workloads' ({@link WorkloadKind}) and the Warning events'. */
  private static final List<SourceKind<?>> CLUSTER_OBJECTS = List.of(
      SourceKind.of(SERVICES, Service.class, SlimClusterObjects::service,
          PackedObject.of(Service::new, Service::getSpec, Service::setSpec, Service::getStatus, Service::setStatus)),
      SourceKind.of(NODES, Node.class, SlimClusterObjects::node,
          PackedObject.of(Node::new, Node::getSpec, Node::setSpec, Node::getStatus, Node::setStatus)),
      SourceKind.of(NAMESPACES, Namespace.class, SlimClusterObjects::namespace,
          PackedObject.of(Namespace::new, Namespace::getSpec, Namespace::setSpec, Namespace::getStatus,
              Namespace::setStatus)),
      // causes: what a pod waits for, what scales or guards a workload, what routes or limits a namespace
      SourceKind.of(CLAIMS, PersistentVolumeClaim.class, SlimRelatedObjects::claim,
          PackedObject.of(PersistentVolumeClaim::new, PersistentVolumeClaim::getSpec, PersistentVolumeClaim::setSpec,
              PersistentVolumeClaim::getStatus, PersistentVolumeClaim::setStatus)),
      SourceKind.of(AUTOSCALERS, HorizontalPodAutoscaler.class, SlimRelatedObjects::autoscaler,
          PackedObject.of(HorizontalPodAutoscaler::new, HorizontalPodAutoscaler::getSpec,
              HorizontalPodAutoscaler::setSpec, HorizontalPodAutoscaler::getStatus,
              HorizontalPodAutoscaler::setStatus),
          Map.of(SourceIndexes.SCALE_TARGET, SourceIndexes::scaleTarget)),
      SourceKind.of(DISRUPTION_BUDGETS, PodDisruptionBudget.class, SlimRelatedObjects::disruptionBudget,
          PackedObject.of(PodDisruptionBudget::new, PodDisruptionBudget::getSpec, PodDisruptionBudget::setSpec,
              PodDisruptionBudget::getStatus, PodDisruptionBudget::setStatus)),
      SourceKind.of(INGRESSES, Ingress.class, SlimRelatedObjects::ingress,
          PackedObject.of(Ingress::new, Ingress::getSpec, Ingress::setSpec, Ingress::getStatus, Ingress::setStatus)),
      SourceKind.of(QUOTAS, ResourceQuota.class, SlimRelatedObjects::quota,
          PackedObject.of(ResourceQuota::new, ResourceQuota::getSpec, ResourceQuota::setSpec,
              ResourceQuota::getStatus, ResourceQuota::setStatus)),
      SourceKind.of(ENDPOINT_SLICES, EndpointSlice.class, SlimRelatedObjects::endpointSlice, Packing.asIs(),
          Map.of(SourceIndexes.SERVICE, SourceIndexes::serviceOfSlice)));

  private static final Logger log = LoggerFactory.getLogger(Sources.class);

  private final KubernetesClient client;
  private final Map<String, SharedIndexInformer<? extends HasMetadata>> informers = new LinkedHashMap<>();
  private final List<SourceListener> listeners = new CopyOnWriteArrayList<>();
  private final AtomicReference<Instant> lastChange = new AtomicReference<>();
  private final Clock clock;
  private final Caches caches;
  private final ClusterFacts facts;
  private final Canonical canonical = new Canonical();
  private final SourceHealth health;

  public Sources(KubernetesClient client, SourceOptions options, Clock clock) {
    this.clock = clock;
    this.client = client;
    for (WorkloadKind kind : WorkloadKind.values()) {
      add(kind.sourceKind());
    }
    // pods are indexed by namespace only where they are workloads of their own (SourceIndexes)
    informers.get(WorkloadKind.POD.source()).removeNamespaceIndex();
    addWarningEvents(options.warningFieldSelector());
    CLUSTER_OBJECTS.forEach(this::add);
    this.caches = new Caches(Collections.unmodifiableMap(informers));
    this.facts = new ClusterFacts(client, options, source -> tell(source, null, null));
    this.health = new SourceHealth(client, Collections.unmodifiableMap(informers), clock,
        () -> listeners.forEach(l -> l.changed(FRESHNESS, null, null)),
        SourceOptions.HEALTH_PERIOD, SourceOptions.HEALTH_TIMEOUT);
  }

  public Sources(KubernetesClient client, SourceOptions options) {
    this(client, options, Clock.systemUTC());
  }

  /** Adds a listener; call before {@link #start()} to be told of the initial objects too. */
  public void addListener(SourceListener listener) {
    listeners.add(listener);
  }

  /** Starts every informer and the cluster facts; completes when every informer has synced. */
  public CompletableFuture<Void> start() {
    lastChange.compareAndSet(null, clock.instant());
    facts.start();
    health.start();
    List<CompletableFuture<Void>> started = new ArrayList<>();
    informers.forEach((name, informer) -> {
      started.add(informer.start().toCompletableFuture()
          .thenRun(() -> log.info("event=informer_synced source={} items={}",
              name, informer.getIndexer().listKeys().size())));
    });
    return CompletableFuture.allOf(started.toArray(CompletableFuture[]::new));
  }

  public void stop() {
    health.close();
    facts.stop();
    informers.values().forEach(SharedIndexInformer::stop);
  }

  /** Per informer (by name, e.g. pods): whether its first list has completed. */
  public Map<String, Boolean> synced() {
    Map<String, Boolean> synced = new LinkedHashMap<>();
    informers.forEach((name, informer) -> synced.put(name, informer.hasSynced()));
    return synced;
  }

  /**
   * The upstream revision up to which an informer is known to have delivered every event: none
   * missing while it watches ({@code Long.MAX_VALUE}); while it reconnects or relists, the
   * revision of its last list or event (0 when unknown).
   */
  public long completeThrough(String source) {
    SharedIndexInformer<? extends HasMetadata> informer = informers.get(source);
    if (informer == null || watching(informer)) {
      return Long.MAX_VALUE;
    }
    try {
      return Long.parseLong(informer.lastSyncResourceVersion());
    } catch (RuntimeException e) {
      return 0;
    }
  }

  /**
   * Whether an informer has its watch open. fabric8 throws a NullPointerException when a stopped
   * informer is asked (Reflector.isWatching wraps a watch that is gone), and the engine may still
   * commit a batch after the sources stopped: a stopped informer is not watching.
   */
  static boolean watching(SharedIndexInformer<?> informer) {
    try {
      return informer.isRunning() && informer.isWatching();
    } catch (NullPointerException stoppedMeanwhile) {
      return false;
    }
  }

  public boolean allSynced() {
    return informers.values().stream().allMatch(SharedIndexInformer::hasSynced);
  }

  /** When a cache last changed (the start time until the first change). */
  public Instant lastChange() {
    Instant last = lastChange.get();
    return last == null ? clock.instant() : last;
  }

  public Caches caches() {
    return caches;
  }

  /** The caches themselves, by informer name: for measuring what they retain. */
  Map<String, Indexer<?>> indexers() {
    Map<String, Indexer<?>> indexers = new LinkedHashMap<>();
    informers.forEach((name, informer) -> indexers.put(name, informer.getIndexer()));
    return indexers;
  }

  /** Which sources have lost their upstream, since when. */
  public SourceHealth health() {
    return health;
  }

  /**
   * What the server must be allowed to get, list and watch, as group/resource (core group empty),
   * e.g. apps/deployments: one per informer of the table. deploy/'s ClusterRole grants exactly these.
   */
  public static Set<String> readGrants() {
    Set<String> grants = new TreeSet<>();
    for (WorkloadKind kind : WorkloadKind.values()) {
      grants.add(grant(kind.sourceKind().type()));
    }
    grants.add(grant(Event.class));
    CLUSTER_OBJECTS.forEach(kind -> grants.add(grant(kind.type())));
    return grants;
  }

  private static String grant(Class<? extends HasMetadata> type) {
    return HasMetadata.getGroup(type) + "/" + HasMetadata.getPlural(type);
  }

  public ClusterFacts facts() {
    return facts;
  }

  /**
   * An informer over all namespaces, resync off, that lists in pages of
   * {@link SourceOptions#LIST_PAGE_SIZE} as client-go's reflector does: fabric8 reads a whole list
   * response into memory, decodes it and fills the store in one step, so an unpaged list of 100k pods
   * would be one response of about 400 MB held with all its decoded objects; a page is about 2 MB.
   */
  private <T extends HasMetadata> SharedIndexInformer<T> informer(Class<T> type) {
    return client.resources(type).inAnyNamespace().withLimit(SourceOptions.LIST_PAGE_SIZE).runnableInformer(0);
  }

  private <T extends HasMetadata> void add(SourceKind<T> kind) {
    register(kind.name(), informer(kind.type()),
        new ReducedItemStore<>(kind.reduce(), item -> true, kind.packing(), canonical), kind.indexes(), item -> true);
  }

  private void addWarningEvents(boolean fieldSelector) {
    SharedIndexInformer<Event> informer = fieldSelector
        ? client.v1().events().inAnyNamespace().withField("type", SlimClusterObjects.WARNING)
            .withLimit(SourceOptions.LIST_PAGE_SIZE).runnableInformer(0)
        : informer(Event.class);
    // fabric8's namespace index would also index the events the store refuses, and never forget them
    informer.removeNamespaceIndex();
    Predicate<Event> warning = SlimClusterObjects::isWarning;
    register(EVENTS, informer, new ReducedItemStore<>(SlimClusterObjects::event, warning, Packing.asIs(), canonical),
        Map.of(SourceIndexes.ABOUT, SourceIndexes::about,
            SourceIndexes.WARNING_NAMESPACE, SourceIndexes::warningNamespace),
        warning);
  }

  private <T extends HasMetadata> void register(String name, SharedIndexInformer<T> informer,
      ReducedItemStore<T> store, Map<String, Function<T, List<String>>> indexes,
      Predicate<? super T> relevant) {
    informer.itemStore(store);
    if (!indexes.isEmpty()) {
      informer.addIndexers(indexes);
    }
    informer.exceptionHandler((started, error) -> {
      log.warn("event=informer_error source={} started={} error=\"{}\" retry=true", name, started,
          UpstreamErrors.describe(error));
      health.error(name, error);
      return true;
    });
    informer.addEventHandler(new ResourceEventHandler<T>() {
      @Override
      public void onAdd(T item) {
        if (relevant.test(item)) {
          tell(name, null, item);
        }
      }

      @Override
      public void onUpdate(T before, T after) {
        if (relevant.test(before) || relevant.test(after)) {
          tell(name, relevant.test(before) ? before : null, relevant.test(after) ? after : null);
        }
      }

      @Override
      public void onDelete(T item, boolean finalStateUnknown) {
        if (relevant.test(item)) {
          tell(name, item, null);
        }
      }
    });
    informers.put(name, informer);
  }

  private void tell(String source, HasMetadata before, HasMetadata after) {
    lastChange.set(clock.instant());
    for (SourceListener listener : listeners) {
      listener.changed(source, before, after);
    }
  }
}
