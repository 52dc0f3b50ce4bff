package dev.aiapiserver.evidence;

import dev.aiapiserver.api.ObjectMeta;
import dev.aiapiserver.api.WorkloadEvidence;
import dev.aiapiserver.api.WorkloadEvidence.ContainerLog;
import dev.aiapiserver.api.WorkloadEvidence.Logs;
import dev.aiapiserver.api.WorkloadEvidence.Rollout;
import dev.aiapiserver.api.WorkloadSummary;
import dev.aiapiserver.auth.AccessDecision;
import dev.aiapiserver.auth.Authorizer;
import dev.aiapiserver.auth.RequestAttributes;
import dev.aiapiserver.auth.UserInfo;
import dev.aiapiserver.sources.WorkloadKind;
import dev.aiapiserver.store.StoredView;
import dev.aiapiserver.store.ViewStore;
import dev.aiapiserver.views.WorkloadInputs;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The door of the evidence subresource: the WorkloadEvidence of one WorkloadSummary, for one
 * caller. The caller was already allowed {@code get workloadsummaries/evidence}; logs are read with
 * the server's identity only if a second SubjectAccessReview, as the caller, allows {@code get
 * pods/log} in the namespace (cached like every review) — so the server never shows a log its
 * caller could not read — and are otherwise withheld with the missing permission named. Nothing
 * here blocks an event loop: the caches are read on a worker, logs through the asynchronous HTTP
 * client, ControllerRevisions on a worker, all within deadlines.
 */
public final class WorkloadEvidences {
  /** Largest evidence object, in bytes of JSON. */
  public static final int MAX_BYTES = 16 * 1024;
  private static final Logger LOG = LoggerFactory.getLogger(WorkloadEvidences.class);
  private static final String POOL = "evidence";
  private static final int THREADS = 4;

  /** What derivation would read about a workload (ViewEngine#inputs). */
  public interface Inputs {
    Optional<WorkloadInputs> of(WorkloadKind kind, String namespace, String name);
  }

  private final ViewStore summaries;
  private final Inputs inputs;
  private final Authorizer authorizer;
  private final WorkerExecutor workers;
  private final PodLogReader logs;
  private final ControllerRevisionReader revisions;

  /**
   * @param client the server's own client: reads pods/log and ControllerRevisions
   * @param deadline how long one log or ControllerRevision read may take
   */
  public WorkloadEvidences(Vertx vertx, ViewStore summaries, Inputs inputs, Authorizer authorizer,
      KubernetesClient client, Duration deadline) {
    this.summaries = summaries;
    this.inputs = inputs;
    this.authorizer = authorizer;
    this.workers = vertx.createSharedWorkerExecutor(POOL, THREADS);
    this.logs = new PodLogReader(client, deadline);
    this.revisions = new ControllerRevisionReader(client, workers, deadline);
  }

  /** The evidence of summary {@code name} in {@code namespace}, or empty when there is no such summary. */
  public CompletableFuture<Optional<WorkloadEvidence>> of(UserInfo caller, String namespace, String name) {
    StoredView view = summaries.current().get(ViewStore.key(namespace, name));
    if (view == null) {
      return CompletableFuture.completedFuture(Optional.empty());
    }
    WorkloadSummary summary = (WorkloadSummary) view.object();
    Optional<WorkloadKind> kind = summary.workload() == null ? Optional.empty()
        : WorkloadKind.of(null, summary.workload().kind());
    if (kind.isEmpty()) {
      return CompletableFuture.completedFuture(Optional.of(assemble(summary, null, null, null,
          new Logs(List.of(), 0, null))));
    }
    CompletableFuture<Boolean> mayReadLogs = mayReadLogs(caller, namespace);
    CompletableFuture<Optional<WorkloadInputs>> snapshot = workers.executeBlocking(
        () -> inputs.of(kind.get(), namespace, summary.workload().name()), false).toCompletionStage().toCompletableFuture();
    return snapshot.thenCompose(in -> {
      if (in.isEmpty()) {
        // the workload went away since the summary was built; the summary follows shortly
        return CompletableFuture.completedFuture(Optional.of(assemble(summary, null, null, null,
            new Logs(List.of(), 0, null))));
      }
      WorkloadInputs w = in.get();
      Map<String, Pod> pods = new LinkedHashMap<>();
      w.pods().forEach(p -> pods.put(p.getMetadata().getName(), p));
      CompletableFuture<Rollout> rollout = rollout(w);
      CompletableFuture<Logs> logLines = mayReadLogs.thenCompose(allowed -> allowed
          ? read(LogTargets.of(summary, pods)) : CompletableFuture.completedFuture(withheld(namespace)));
      return rollout.thenCombine(logLines, (r, l) -> Optional.of(assemble(summary, r,
          WarningEvents.of(w.events()), PodMessages.of(summary, pods), l)));
    });
  }

  /** The pods/log question, as kube-apiserver would ask it for {@code kubectl logs} in namespace. */
  static RequestAttributes podLogs(String namespace) {
    return new RequestAttributes(true, "get", "", "v1", "pods", "log", namespace, "",
        "/api/v1/namespaces/" + namespace + "/pods");
  }

  static Logs withheld(String namespace) {
    return new Logs(null, 0, "requires get on pods/log in namespace " + namespace);
  }

  private CompletableFuture<Boolean> mayReadLogs(UserInfo caller, String namespace) {
    return authorizer.check(caller, podLogs(namespace)).toCompletionStage().toCompletableFuture()
        .thenApply(AccessDecision::allowed)
        .exceptionally(e -> {
          // fail closed: a review that cannot be completed shows no log
          LOG.warn("event=evidence_log_review_unavailable namespace={} reason=\"{}\"", namespace,
              ClusterText.bounded(String.valueOf(e), 200));
          return false;
        });
  }

  private CompletableFuture<Logs> read(List<LogTarget> targets) {
    List<CompletableFuture<ContainerLog>> reads = targets.stream().map(logs::read).toList();
    return CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new))
        .thenApply(v -> new Logs(reads.stream().map(CompletableFuture::join).toList(), 0, null));
  }

  private CompletableFuture<Rollout> rollout(WorkloadInputs w) {
    HasMetadata workload = w.workload();
    if (workload instanceof Deployment d) {
      return CompletableFuture.completedFuture(RolloutHistory.ofDeployment(d, w.replicaSets()));
    }
    WorkloadKind kind = WorkloadKind.of(null, workload.getKind()).orElse(null);
    if (kind != WorkloadKind.STATEFUL_SET && kind != WorkloadKind.DAEMON_SET) {
      return CompletableFuture.completedFuture(null);
    }
    return revisions.revisionsOf(workload)
        .thenApply(found -> RolloutHistory.ofControllerRevisions(workload, found, w.pods()))
        .exceptionally(e -> {
          LOG.warn("event=evidence_revisions_unavailable namespace={} workload={} reason=\"{}\"",
              workload.getMetadata().getNamespace(), workload.getMetadata().getName(),
              ClusterText.bounded(String.valueOf(e), 200));
          return RolloutHistory.failed("the ControllerRevisions could not be read");
        });
  }

  /** The object, its log entries kept in order while the whole stays within {@link #MAX_BYTES}. */
  static WorkloadEvidence assemble(WorkloadSummary s, Rollout rollout, WorkloadEvidence.Events events,
      WorkloadEvidence.PodMessages podMessages, Logs logs) {
    ObjectMeta meta = new ObjectMeta(s.metadata().name(), s.metadata().namespace(), null, null,
        s.metadata().creationTimestamp(), null);
    WorkloadEvidence without = new WorkloadEvidence(WorkloadEvidence.API_VERSION, WorkloadEvidence.KIND, meta,
        s.workload(), s.health(), new Logs(List.of(), 0, logs.withheld()), rollout, events, podMessages);
    if (logs.items() == null) {
      return new WorkloadEvidence(WorkloadEvidence.API_VERSION, WorkloadEvidence.KIND, meta, s.workload(), s.health(),
          logs, rollout, events, podMessages);
    }
    int room = MAX_BYTES - Budget.size(without) - 16; // 16: the omitted count's digits
    List<ContainerLog> kept = new ArrayList<>(Budget.within(logs.items(), logs.items().size(), room));
    return new WorkloadEvidence(WorkloadEvidence.API_VERSION, WorkloadEvidence.KIND, meta, s.workload(), s.health(),
        new Logs(kept, logs.items().size() - kept.size(), null), rollout, events, podMessages);
  }
}
