package dev.aiapiserver.views;

import static dev.aiapiserver.views.SummaryDraft.orZero;

import dev.aiapiserver.api.WorkloadSummary;
import dev.aiapiserver.api.WorkloadSummary.Replicas;
import dev.aiapiserver.api.WorkloadSummary.Rollout;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Deployment: judged from its status (as the deployment controller reports it), its ReplicaSets'
 * ReplicaFailure conditions and its pods. A rollout is in progress exactly when
 * {@code kubectl rollout status} would still wait.
 */
final class DeploymentView {
  static final String REVISION = "deployment.kubernetes.io/revision";
  private static final StatusConditions.Fields<DeploymentCondition> FIELDS = new StatusConditions.Fields<>(
      DeploymentCondition::getType, DeploymentCondition::getStatus, DeploymentCondition::getReason,
      DeploymentCondition::getMessage, DeploymentCondition::getLastTransitionTime);

  private static final Set<String> ROLLING_REASONS =
      Set.of("NewReplicaSetCreated", "FoundNewReplicaSet", "ReplicaSetUpdated", "DeploymentResumed");

  private DeploymentView() {}

  static WorkloadSummary derive(WorkloadInputs in) {
    Deployment d = (Deployment) in.workload();
    var template = d.getSpec() == null ? null : d.getSpec().getTemplate();
    SummaryDraft draft = new SummaryDraft(in, "apps/v1", "Deployment", SummaryDraft.spec(template),
        SummaryDraft.labels(template));
    PodEvidence pods = draft.evidence();
    int desired = d.getSpec() == null || d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
    DeploymentStatus st = d.getStatus();
    if (st == null) {
      draft.replicas(new Replicas(desired, null, null, null, null));
      return draft.finish(new Observed(desired + " desired").unknown(
          "the deployment controller has not reported any status yet"), pods);
    }
    int ready = orZero(st.getReadyReplicas());
    int available = orZero(st.getAvailableReplicas());
    int updated = orZero(st.getUpdatedReplicas());
    String revision = SummaryDraft.annotation(d, REVISION);
    Optional<DeploymentCondition> deadline = condition(st, "Progressing")
        .filter(c -> "ProgressDeadlineExceeded".equals(c.getReason()));
    boolean paused = d.getSpec() != null && Boolean.TRUE.equals(d.getSpec().getPaused());
    // The controller's Progressing condition says whether its rollout runs (NewReplicaSetAvailable:
    // done); counts are the fallback for a status without it. A pod replaced later is not a rollout.
    boolean countsRolling = updated < desired || orZero(st.getReplicas()) > updated;
    boolean inProgress = deadline.isEmpty() && !paused
        && (!SummaryDraft.generationObserved(d, st.getObservedGeneration())
            || (condition(st, "Progressing").isPresent() ? controllerSaysProgressing(st) : countsRolling));
    RolloutRevisions revisions = RolloutRevisions.of(in.pods(), revisionOfPod(in.replicaSets()), revision,
        RolloutRevisions.NUMBERS_NEWEST_FIRST, pods.troubledPods());
    draft.replicas(new Replicas(desired, orZero(st.getReplicas()), ready, available, updated))
        .rollout(new Rollout(revision, inProgress, StatusConditions.of(st.getConditions(), FIELDS, draft.redaction()),
            revisions.toRevisions()));

    StringBuilder headline = new StringBuilder().append(ready).append('/').append(desired).append(" ready");
    if (desired == 0) {
      headline = new StringBuilder("scaled to zero");
      if (pods.total() > 0) {
        headline.append(", ").append(pods.total()).append(pods.total() == 1 ? " pod" : " pods").append(" left");
      }
    } else if (inProgress && countsRolling) {
      headline.append(", rolling out").append(revision == null ? "" : " revision " + revision)
          .append(" (").append(updated).append('/').append(desired).append(" updated)");
    } else if (deadline.isPresent()) {
      headline.append(", rollout").append(revision == null ? "" : " of revision " + revision)
          .append(" stalled (").append(updated).append('/').append(desired).append(" updated)");
    } else if (paused) {
      headline.append(", rollout paused");
    }
    Observed observed = new Observed(headline.toString())
        .counts(desired, ready, available)
        .suspended(desired == 0)
        .inProgress(inProgress);
    deadline.ifPresent(c -> observed.cause(new Cause(Reason.ProgressDeadlineExceeded,
        draft.redaction().clean(c.getMessage(), FreeText.ITEM), true, Rfc3339.normalize(c.getLastTransitionTime()))));
    observed.cause(replicaFailure(st, in.replicaSets(), draft.redaction()));
    revisions.judge(observed, draft.redaction());
    return draft.finish(observed, pods);
  }

  /** A pod runs the revision of the ReplicaSet that controls it. */
  private static Function<Pod, String> revisionOfPod(List<ReplicaSet> replicaSets) {
    Map<String, String> byUid = new HashMap<>();
    Map<String, String> byName = new HashMap<>();
    for (ReplicaSet rs : replicaSets) {
      String revision = SummaryDraft.annotation(rs, REVISION);
      if (revision != null) {
        byUid.put(rs.getMetadata().getUid(), revision);
        byName.put(rs.getMetadata().getName(), revision);
      }
    }
    return pod -> {
      List<OwnerReference> owners = pod.getMetadata().getOwnerReferences();
      if (owners == null) {
        return null;
      }
      for (OwnerReference o : owners) {
        if ("ReplicaSet".equals(o.getKind())) {
          String revision = o.getUid() != null ? byUid.get(o.getUid()) : null;
          return revision != null ? revision : byName.get(o.getName());
        }
      }
      return null;
    };
  }

  /** FailedCreate, from the Deployment's ReplicaFailure condition or that of one of its ReplicaSets. */
  private static Cause replicaFailure(DeploymentStatus st, List<ReplicaSet> replicaSets, Redaction redaction) {
    Optional<DeploymentCondition> own = condition(st, "ReplicaFailure").filter(c -> "True".equals(c.getStatus()));
    if (own.isPresent()) {
      return new Cause(Reason.FailedCreate, redaction.clean(own.get().getMessage(), FreeText.ITEM), false,
          Rfc3339.normalize(own.get().getLastTransitionTime()));
    }
    return replicaSets.stream()
        .sorted((a, b) -> a.getMetadata().getName().compareTo(b.getMetadata().getName()))
        .map(ReplicaSetView::replicaFailure)
        .flatMap(Optional::stream)
        .findFirst()
        .map(c -> ReplicaSetView.failedCreate(c, redaction))
        .orElse(null);
  }

  /**
   * The controller keeps Progressing=True with one of these reasons while a rollout runs, and sets
   * NewReplicaSetAvailable when it completes; a pod that fails later does not reopen the rollout.
   */
  private static boolean controllerSaysProgressing(DeploymentStatus st) {
    return condition(st, "Progressing")
        .filter(c -> "True".equals(c.getStatus()) && ROLLING_REASONS.contains(c.getReason()))
        .isPresent();
  }

  private static Optional<DeploymentCondition> condition(DeploymentStatus st, String type) {
    List<DeploymentCondition> conditions = st.getConditions();
    return conditions == null ? Optional.empty()
        : conditions.stream().filter(c -> type.equals(c.getType())).findFirst();
  }
}
