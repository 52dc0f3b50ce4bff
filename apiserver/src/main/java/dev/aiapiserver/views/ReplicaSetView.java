package dev.aiapiserver.views;

import static dev.aiapiserver.views.SummaryDraft.orZero;

import dev.aiapiserver.api.WorkloadSummary;
import dev.aiapiserver.api.WorkloadSummary.Replicas;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetCondition;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetStatus;
import java.util.Optional;

/**
 * A ReplicaSet that no Deployment owns: like a Deployment without rollouts. Its ReplicaFailure
 * condition (e.g. a quota refused its pods) is FailedCreate.
 */
final class ReplicaSetView {
  private ReplicaSetView() {}

  static WorkloadSummary derive(WorkloadInputs in) {
    ReplicaSet rs = (ReplicaSet) in.workload();
    var template = rs.getSpec() == null ? null : rs.getSpec().getTemplate();
    SummaryDraft draft = new SummaryDraft(in, "apps/v1", "ReplicaSet", SummaryDraft.spec(template),
        SummaryDraft.labels(template));
    PodEvidence pods = draft.evidence();
    int desired = rs.getSpec() == null || rs.getSpec().getReplicas() == null ? 1 : rs.getSpec().getReplicas();
    ReplicaSetStatus st = rs.getStatus();
    if (st == null) {
      draft.replicas(new Replicas(desired, null, null, null, null));
      return draft.finish(new Observed(desired + " desired").unknown(
          "the replicaset controller has not reported any status yet"), pods);
    }
    int ready = orZero(st.getReadyReplicas());
    int available = orZero(st.getAvailableReplicas());
    draft.replicas(new Replicas(desired, orZero(st.getReplicas()), ready, available, null));
    boolean scaling = !SummaryDraft.generationObserved(rs, st.getObservedGeneration());
    Observed observed = new Observed(desired == 0 ? "scaled to zero" : ready + "/" + desired + " ready")
        .counts(desired, ready, available)
        .suspended(desired == 0)
        .inProgress(scaling);
    replicaFailure(rs).ifPresent(c -> observed.cause(failedCreate(c, draft.redaction())));
    return draft.finish(observed, pods);
  }

  static Optional<ReplicaSetCondition> replicaFailure(ReplicaSet rs) {
    if (rs.getStatus() == null || rs.getStatus().getConditions() == null) {
      return Optional.empty();
    }
    return rs.getStatus().getConditions().stream()
        .filter(c -> "ReplicaFailure".equals(c.getType()) && "True".equals(c.getStatus()))
        .findFirst();
  }

  static Cause failedCreate(ReplicaSetCondition c, Redaction redaction) {
    return new Cause(Reason.FailedCreate, redaction.clean(c.getMessage(), FreeText.ITEM), false,
        Rfc3339.normalize(c.getLastTransitionTime()));
  }
}
