package dev.aiapiserver.engine;

import dev.aiapiserver.api.ApiObject;
import dev.aiapiserver.api.ClusterContext;
import dev.aiapiserver.api.WorkloadSummary;
import dev.aiapiserver.http.ViewCodecs;
import dev.aiapiserver.resources.AiResources;
import dev.aiapiserver.sources.MockCluster;
import dev.aiapiserver.sources.SourceOptions;
import dev.aiapiserver.sources.Sources;
import dev.aiapiserver.store.ResourceVersions;
import dev.aiapiserver.store.ViewStore;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Sources, stores and a started engine over a mock cluster, as the server wires them. */
final class RunningEngine implements AutoCloseable {
  final ResourceVersions versions = new ResourceVersions();
  final ViewStore summaries = new ViewStore("workloadsummaries", versions, ViewCodecs.of(AiResources.WORKLOAD_SUMMARIES), 1000, Clock.systemUTC());
  final ViewStore contexts = new ViewStore("clustercontexts", versions, ViewCodecs.of(AiResources.CLUSTER_CONTEXTS), 100, Clock.systemUTC());
  final Sources sources;
  final ViewEngine engine;

  RunningEngine(MockCluster cluster, Derivations derivations, EngineSettings settings) {
    sources = new Sources(cluster.client(), SourceOptions.forMockServer());
    engine = new ViewEngine(sources, summaries, contexts, derivations, settings, Clock.systemUTC());
  }

  RunningEngine(MockCluster cluster, Derivations derivations) {
    this(cluster, derivations, EngineSettings.defaults());
  }

  RunningEngine started() throws Exception {
    engine.start().get(MockCluster.DEADLINE.toSeconds(), TimeUnit.SECONDS);
    return this;
  }

  Optional<WorkloadSummary> summary(String namespace, String name) {
    return summaries.get(namespace, name).map(WorkloadSummary.class::cast);
  }

  Optional<ClusterContext> context() {
    return contexts.get(null, ClusterContext.NAME).map(ClusterContext.class::cast);
  }

  long viewCount() {
    return summaries.all().stream().map(ApiObject::metadata).count();
  }

  @Override
  public void close() {
    engine.stop();
  }
}
