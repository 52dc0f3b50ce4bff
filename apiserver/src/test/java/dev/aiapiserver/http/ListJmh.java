package dev.aiapiserver.http;

import dev.aiapiserver.request.Json;

import dev.aiapiserver.api.ListMeta;
import dev.aiapiserver.api.ObjectMeta;
import dev.aiapiserver.api.WorkloadSummary;
import dev.aiapiserver.resources.AiResources;
import dev.aiapiserver.store.ResourceVersions;
import dev.aiapiserver.store.StoredView;
import dev.aiapiserver.store.ViewStore;
import dev.aiapiserver.views.SampleSummaries;
import io.vertx.core.buffer.Buffer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * JMH: the server's part of a namespace list of 200 summaries, from the store's snapshot to the
 * response body, as JSON (stored bytes joined) and as a Table (kubectl's form, built per request).
 * The summaries are the workload fixtures' (healthy and failing), repeated under new names.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ListJmh {
  static final int SUMMARIES = 200;
  private final ListMeta meta = new ListMeta("1", null, null);
  private List<StoredView> namespace;

  @Setup
  public void twoHundredSummaries() {
    List<WorkloadSummary> samples = SampleSummaries.ofEveryFixture();
    List<WorkloadSummary> summaries = new ArrayList<>();
    for (int i = 0; i < SUMMARIES; i++) {
      WorkloadSummary s = samples.get(i % samples.size());
      ObjectMeta m = s.metadata();
      summaries.add(s.withMetadata(new ObjectMeta(m.name() + "-" + i, "shop", m.uid() + "-" + i, null,
          m.creationTimestamp(), m.labels())));
    }
    ViewStore store = new ViewStore("workloadsummaries", new ResourceVersions(), ViewCodecs.of(AiResources.WORKLOAD_SUMMARIES), 1000,
        Clock.systemUTC());
    store.commit(summaries, List.of());
    namespace = store.current().range("shop", null);
    if (namespace.size() != SUMMARIES) {
      throw new IllegalStateException(namespace.size() + " summaries in the list");
    }
  }

  @Benchmark
  public Buffer json() {
    return Renderer.list(AiResources.WORKLOAD_SUMMARIES, new Representation.Choice(Representation.JSON, "v1"),
        namespace, meta, null);
  }

  /** What a list would cost if the store kept only JSON and read objects back on demand. */
  @Benchmark
  public int decodeEach() {
    int n = 0;
    for (StoredView v : namespace) {
      n += Json.MAPPER.readValue(v.json(), WorkloadSummary.class).metadata().name().length();
    }
    return n;
  }

  @Benchmark
  public Buffer table() {
    return Renderer.list(AiResources.WORKLOAD_SUMMARIES, new Representation.Choice(Representation.TABLE, "v1"),
        namespace, meta, null);
  }
}
