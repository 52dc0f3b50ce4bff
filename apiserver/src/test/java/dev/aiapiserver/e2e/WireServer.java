package dev.aiapiserver.e2e;

import dev.aiapiserver.api.ClusterContext;
import dev.aiapiserver.api.ObjectMeta;
import dev.aiapiserver.api.WorkloadSummary.Health;
import dev.aiapiserver.api.WorkloadSummary.Replicas;
import dev.aiapiserver.api.WorkloadSummary.Verdict;
import dev.aiapiserver.api.WorkloadSummary.WorkloadRef;
import dev.aiapiserver.api.WorkloadSummary;
import dev.aiapiserver.certs.CertificateAuthority;
import dev.aiapiserver.certs.IssuedCertificate;
import dev.aiapiserver.certs.ServingNames;
import dev.aiapiserver.http.ApiRoutes;
import dev.aiapiserver.http.ApiServer;
import dev.aiapiserver.http.HealthChecks;
import dev.aiapiserver.http.RequestFilters;
import dev.aiapiserver.http.RequestMetrics;
import dev.aiapiserver.http.ServedResource;
import dev.aiapiserver.http.ServerVersion;
import dev.aiapiserver.http.ViewCodecs;
import dev.aiapiserver.http.WatchSettings;
import dev.aiapiserver.resources.AiResources;
import dev.aiapiserver.store.ResourceVersions;
import dev.aiapiserver.store.ViewStore;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP surface over real TLS, with stores filled directly by the test: exercises the wire
 * contract on its own (the whole server on the mock cluster is tested elsewhere).
 */
final class WireServer implements AutoCloseable {
  final Vertx vertx = Vertx.vertx();
  final ResourceVersions versions = new ResourceVersions();
  final ViewStore summaries = new ViewStore("workloadsummaries", versions, ViewCodecs.of(AiResources.WORKLOAD_SUMMARIES), 1000, Clock.systemUTC());
  final ViewStore contexts = new ViewStore("clustercontexts", versions, ViewCodecs.of(AiResources.CLUSTER_CONTEXTS), 100, Clock.systemUTC());
  final CertificateAuthority ca = CertificateAuthority.generate("wire-test-ca");
  final ApiServer server;

  WireServer() throws Exception {
    List<ServedResource> served = List.of(new ServedResource(AiResources.WORKLOAD_SUMMARIES, summaries),
        new ServedResource(AiResources.CLUSTER_CONTEXTS, contexts));
    RequestMetrics metrics = new RequestMetrics(served);
    ApiRoutes.Sources sources = new ApiRoutes.Sources(served, List.of(), new HealthChecks(List.of(), List.of()),
        new ServerVersion("v0.1.0", "test", "2026-11-24T00:00:00Z"), metrics,
        new WatchSettings(1000, Duration.ofMillis(200), Duration.ofMinutes(30)), List.of());
    // Security filters are tested with the whole server; this fixture checks the wire alone.
    RequestFilters open = new RequestFilters(ctx -> ctx.next(), List.of(), ctx -> ctx.next());
    server = new ApiServer(vertx, () -> ApiRoutes.build(vertx, sources, open));
    IssuedCertificate cert = ca.issueServing(ServingNames.forService("ai-apiserver", "ai-system"), Duration.ofDays(1));
    server.start(new ApiServer.Listen("127.0.0.1", freePort(), 2, Buffer.buffer(cert.certificatePem()),
        Buffer.buffer(cert.privateKeyPem()), null)).toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
  }

  String url() {
    return "https://127.0.0.1:" + server.port();
  }

  static int freePort() throws java.io.IOException {
    try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  static WorkloadSummary summary(String ns, String kind, String name, Verdict verdict, String reason, int ready,
      int desired, Map<String, String> labels) {
    return new WorkloadSummary(WorkloadSummary.API_VERSION, WorkloadSummary.KIND,
        new ObjectMeta(kind.toLowerCase() + "." + name, ns, "uid-" + ns + "-" + name, null,
            Instant.now().minusSeconds(3600).toString(), labels),
        new WorkloadRef("apps/v1", kind, name, "src-" + name),
        new Health(verdict, reason == null ? List.of() : List.of(reason),
            reason == null ? "all " + desired + " replicas ready" : ready + "/" + desired + " ready: " + reason,
            Instant.now().minusSeconds(60).toString()),
        new Replicas(desired, desired, ready, ready, desired), null, null, null, null, null, null, null, null);
  }

  static ClusterContext context() {
    return new ClusterContext(ClusterContext.API_VERSION, ClusterContext.KIND,
        new ObjectMeta("current", null, "uid-current", null, Instant.now().minusSeconds(7200).toString(), Map.of()),
        new ClusterContext.Kubernetes("v1.32.1", "linux/amd64"),
        new ClusterContext.Nodes(3, 2, new ClusterContext.NameList(List.of("node-c"), 0), 0, Map.of("worker", 3),
            Map.of("cpu", "12"), Map.of("cpu", "11"), new ClusterContext.Pressure(List.of(), 0)),
        new ClusterContext.Namespaces(4, 0), new ClusterContext.Workloads(5, Map.of("Healthy", 3), Map.of()),
        new ClusterContext.Attention(List.of(), 2), null, null, null, null);
  }

  void seed() {
    summaries.commit(List.of(
        summary("shop", "Deployment", "web", Verdict.Healthy, null, 3, 3, Map.of("app", "web", "tier", "front")),
        summary("shop", "Deployment", "api", Verdict.Degraded, "CrashLoopBackOff", 2, 3, Map.of("app", "api", "tier", "back")),
        summary("shop", "StatefulSet", "db", Verdict.Healthy, null, 1, 1, Map.of("app", "db", "tier", "data")),
        summary("payments", "Deployment", "ledger", Verdict.Failing, "ImagePullBackOff", 0, 2, Map.of("app", "ledger")),
        summary("default", "Deployment", "hello", Verdict.Healthy, null, 1, 1, Map.of("app", "hello"))), List.of());
    contexts.commit(List.of(context()), List.of());
  }

  @Override
  public void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
