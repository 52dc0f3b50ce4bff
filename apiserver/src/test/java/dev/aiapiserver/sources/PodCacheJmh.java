package dev.aiapiserver.sources;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * JMH: what the pod cache does per pod: reduce, share and pack a pod from the watch (with its
 * siblings' parts already held), and unpack it for a reader.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PodCacheJmh {
  private static final Map<String, String> WEB = Map.of("app", "web", "pod-template-hash", "7d9");
  private final Canonical canonical = new Canonical();
  private Pod full;
  private PackedPod packed;

  @Setup
  public void cacheASibling() {
    ReplicaSet owner = Fixtures.replicaSet(Fixtures.deployment("shop", "web", 3, WEB), "shop", "web-7d9", WEB);
    full = Fixtures.pod(owner, "shop", "web-7d9-x", WEB, "node-1");
    full.getMetadata().setUid("0b6c8f3e-5a41-4d8e-9d6f-2b1f0c7a9e11");
    full.getMetadata().setResourceVersion("4711");
    full.getMetadata().setCreationTimestamp("2026-11-24T13:41:00Z");
    packed = PackedPod.pack(SlimPods.pod(Fixtures.pod(owner, "shop", "web-7d9-a", WEB, "node-2")), canonical);
  }

  @Benchmark
  public PackedPod reduceShareAndPack() {
    return PackedPod.pack(SlimPods.pod(full), canonical);
  }

  @Benchmark
  public Pod unpack() {
    return packed.unpack("shop/web-7d9-a");
  }
}
