package dev.aiapiserver.bench;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The slow path, for comparison with {@link BenchCluster#seed}: every object created through the
 * API with the fabric8 client, from a pool of threads, owners first. The mock gives each object a
 * new uid, so owner references and events are rewritten to the uids it gave.
 */
final class ThroughTheApi {
  private final KubernetesSerialization json = new KubernetesSerialization();
  private final Map<String, String> uids = new ConcurrentHashMap<>();

  /** Creates every object and returns how long it took, in nanoseconds. */
  long create(KubernetesClient client, List<HasMetadata> objects, int threads) throws Exception {
    Map<String, HasMetadata> byUid = new HashMap<>();
    objects.forEach(o -> byUid.put(o.getMetadata().getUid(), o));
    TreeMap<Integer, List<HasMetadata>> levels = new TreeMap<>();
    for (HasMetadata o : objects) {
      levels.computeIfAbsent(o instanceof Event ? Integer.MAX_VALUE : depth(o, byUid), k -> new ArrayList<>()).add(o);
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long start = System.nanoTime();
    try {
      for (List<HasMetadata> level : levels.values()) {
        List<Future<?>> created = new ArrayList<>();
        for (HasMetadata o : level) {
          created.add(pool.submit(() -> {
            HasMetadata copy = rewired(o);
            HasMetadata stored = client.resource(copy).create();
            uids.put(o.getMetadata().getUid(), stored.getMetadata().getUid());
            return null;
          }));
        }
        for (Future<?> f : created) {
          f.get();
        }
      }
    } finally {
      pool.shutdownNow();
    }
    return System.nanoTime() - start;
  }

  private HasMetadata rewired(HasMetadata o) {
    HasMetadata copy = json.clone(o);
    copy.getMetadata().setUid(null);
    copy.getMetadata().setResourceVersion(null);
    for (OwnerReference ref : copy.getMetadata().getOwnerReferences()) {
      ref.setUid(uids.get(ref.getUid()));
    }
    if (copy instanceof Event e && e.getInvolvedObject().getUid() != null) {
      e.getInvolvedObject().setUid(uids.getOrDefault(e.getInvolvedObject().getUid(), e.getInvolvedObject().getUid()));
    }
    return copy;
  }

  private static int depth(HasMetadata o, Map<String, HasMetadata> byUid) {
    int d = 0;
    HasMetadata at = o;
    while (!at.getMetadata().getOwnerReferences().isEmpty()) {
      at = byUid.get(at.getMetadata().getOwnerReferences().get(0).getUid());
      d++;
    }
    return d;
  }
}
