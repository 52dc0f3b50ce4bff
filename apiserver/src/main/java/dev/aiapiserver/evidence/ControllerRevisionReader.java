package dev.aiapiserver.evidence;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.apps.ControllerRevision;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.vertx.core.WorkerExecutor;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Lists a StatefulSet's or DaemonSet's ControllerRevisions on demand, with the server's own
 * identity ({@code list controllerrevisions}; deploy/ grants it). The server keeps no informer for
 * them: they are read only when someone asks for evidence, they are few per workload, and caching
 * them would keep whole pod templates (env values included) in memory for nothing. Only their
 * names, numbers, times and images ever leave the server.
 */
final class ControllerRevisionReader {
  private final KubernetesClient client;
  private final WorkerExecutor workers;
  private final Duration deadline;

  ControllerRevisionReader(KubernetesClient client, WorkerExecutor workers, Duration deadline) {
    this.client = client;
    this.workers = workers;
    this.deadline = deadline;
  }

  /** The workload's own revisions (controlled by its uid), selected by its selector's labels. */
  CompletableFuture<List<ControllerRevision>> revisionsOf(HasMetadata workload) {
    Map<String, String> labels = matchLabels(workload);
    String namespace = workload.getMetadata().getNamespace();
    String uid = workload.getMetadata().getUid();
    return workers.executeBlocking(() -> {
      var revisions = client.apps().controllerRevisions().inNamespace(namespace);
      List<ControllerRevision> items = (labels == null || labels.isEmpty() ? revisions : revisions.withLabels(labels))
          .list().getItems();
      return items.stream().filter(cr -> controlledBy(cr, uid)).toList();
    }, false).toCompletionStage().toCompletableFuture().orTimeout(deadline.toMillis(), TimeUnit.MILLISECONDS);
  }

  private static boolean controlledBy(ControllerRevision cr, String uid) {
    List<OwnerReference> owners = cr.getMetadata().getOwnerReferences();
    if (owners == null) {
      return false;
    }
    return owners.stream().anyMatch(o -> Boolean.TRUE.equals(o.getController()) && uid != null && uid.equals(o.getUid()));
  }

  private static Map<String, String> matchLabels(HasMetadata workload) {
    LabelSelector selector = null;
    if (workload instanceof StatefulSet sts && sts.getSpec() != null) {
      selector = sts.getSpec().getSelector();
    } else if (workload instanceof DaemonSet ds && ds.getSpec() != null) {
      selector = ds.getSpec().getSelector();
    }
    return selector == null ? null : selector.getMatchLabels();
  }
}
