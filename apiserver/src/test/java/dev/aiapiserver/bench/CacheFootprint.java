package dev.aiapiserver.bench;

import dev.aiapiserver.AiApiServer;
import dev.aiapiserver.http.ServedResource;
import dev.aiapiserver.sources.SourceOptions;
import dev.aiapiserver.sources.Sources;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jol.info.GraphLayout;

/**
 * The exact object graphs (JOL) of what the target speaks of: the informer caches, as the server
 * builds them (a second Sources on the same cluster, measured the way sources.CacheFootprintBenchmark does), and
 * the views in the server's stores (objects plus their serialized JSON).
 */
final class CacheFootprint {
  private CacheFootprint() {}

  /**
   * Bytes each informer cache alone adds (by source name), and under "all" the caches together
   * (what they share counted once).
   */
  static Map<String, Long> informerCaches(KubernetesClient client) throws Exception {
    Sources sources = new Sources(client, SourceOptions.forMockServer());
    sources.start().get(5, TimeUnit.MINUTES);
    try {
      // Sources keeps its indexers package-private: they are the caches, and nothing else, to measure.
      Method method = Sources.class.getDeclaredMethod("indexers");
      method.setAccessible(true);
      Map<?, ?> indexers = (Map<?, ?>) method.invoke(sources);
      Map<String, Long> bytes = new LinkedHashMap<>();
      long all = GraphLayout.parseInstance(indexers.values().toArray()).totalSize();
      // each cache's share: what the caches retain less what they would retain without it (parts
      // it shares with others, e.g. a pod's containers with its ReplicaSet's template, stay with them)
      indexers.forEach((name, indexer) -> {
        List<Object> others = new ArrayList<>(indexers.values());
        others.remove(indexer);
        bytes.put((String) name, all - GraphLayout.parseInstance(others.toArray()).totalSize());
      });
      bytes.put("all", all);
      if (Boolean.getBoolean("bench.footprint")) {
        indexers.forEach((name, indexer) -> System.out.println("FOOTPRINT " + name + "\n"
            + GraphLayout.parseInstance(indexer).toFootprint()));
      }
      return bytes;
    } finally {
      sources.stop();
    }
  }

  /**
   * The median of {@code runs} syncs of fresh caches in this (warm) JVM: start to every informer
   * synced, as the server's readiness sees it. The server's own first sync also pays for loading
   * and compiling the client and Jackson.
   */
  static long warmSyncNanos(KubernetesClient client, int runs) throws Exception {
    long[] took = new long[runs];
    for (int i = 0; i < runs; i++) {
      Sources sources = new Sources(client, SourceOptions.forMockServer());
      long t = System.nanoTime();
      sources.start().get(5, TimeUnit.MINUTES);
      took[i] = System.nanoTime() - t;
      // the mock replays every object to each new watch and blocks its event loop if a watch
      // closes during the replay: let the replay finish first
      Quiet.await();
      sources.stop();
    }
    java.util.Arrays.sort(took);
    return took[runs / 2];
  }

  static long views(List<ServedResource> served) {
    GraphLayout views = GraphLayout.parseInstance(snapshots(served).toArray());
    if (Boolean.getBoolean("bench.footprint")) {
      System.out.println("FOOTPRINT views\n" + views.toFootprint());
    }
    return views.totalSize();
  }

  /**
   * The running server's own caches and views in one object graph, so what they share (names,
   * labels, images: the views copy them from the caches) counts once: what the server retains for
   * the cluster.
   */
  static long serverCachesAndViews(AiApiServer server) throws Exception {
    Field field = AiApiServer.class.getDeclaredField("sources");
    field.setAccessible(true);
    Method method = Sources.class.getDeclaredMethod("indexers");
    method.setAccessible(true);
    List<Object> roots = new ArrayList<>(((Map<?, ?>) method.invoke(field.get(server))).values());
    roots.addAll(snapshots(server.served()));
    return GraphLayout.parseInstance(roots.toArray()).totalSize();
  }

  private static List<Object> snapshots(List<ServedResource> served) {
    List<Object> snapshots = new ArrayList<>();
    served.forEach(s -> snapshots.add(s.store().current()));
    return snapshots;
  }
}
