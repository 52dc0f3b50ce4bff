package dev.aiapiserver.views;

import static dev.aiapiserver.views.SummaryDraft.orZero;

import dev.aiapiserver.api.WorkloadSummary;
import dev.aiapiserver.api.WorkloadSummary.Replicas;
import dev.aiapiserver.api.WorkloadSummary.Rollout;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetCondition;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatus;
import io.fabric8.kubernetes.api.model.apps.StatefulSetUpdateStrategy;

/**
 * StatefulSet: judged from its status and pods. A rolling update is in progress while pods above
 * the partition are not yet at the update revision; the controller reports failures to create
 * pods only as FailedCreate events.
 */
final class StatefulSetView {
  private static final StatusConditions.Fields<StatefulSetCondition> FIELDS = new StatusConditions.Fields<>(
      StatefulSetCondition::getType, StatefulSetCondition::getStatus, StatefulSetCondition::getReason,
      StatefulSetCondition::getMessage, StatefulSetCondition::getLastTransitionTime);

  /** The controller labels each pod with the revision it was made from. */
  static final String REVISION_LABEL = "controller-revision-hash";

  private StatefulSetView() {}

  static WorkloadSummary derive(WorkloadInputs in) {
    StatefulSet s = (StatefulSet) in.workload();
    var template = s.getSpec() == null ? null : s.getSpec().getTemplate();
    SummaryDraft draft = new SummaryDraft(in, "apps/v1", "StatefulSet", SummaryDraft.spec(template),
        SummaryDraft.labels(template));
    PodEvidence pods = draft.evidence();
    int desired = s.getSpec() == null || s.getSpec().getReplicas() == null ? 1 : s.getSpec().getReplicas();
    StatefulSetStatus st = s.getStatus();
    if (st == null) {
      draft.replicas(new Replicas(desired, null, null, null, null));
      return draft.finish(new Observed(desired + " desired").unknown(
          "the statefulset controller has not reported any status yet"), pods);
    }
    int ready = orZero(st.getReadyReplicas());
    // availableReplicas is absent on old servers; ready is then the best we know.
    int available = st.getAvailableReplicas() == null ? ready : st.getAvailableReplicas();
    int updated = orZero(st.getUpdatedReplicas());
    boolean inProgress = !SummaryDraft.generationObserved(s, st.getObservedGeneration()) || rolling(s, st, desired);
    RolloutRevisions revisions = RolloutRevisions.of(in.pods(), RolloutRevisions.byLabel(REVISION_LABEL),
        st.getUpdateRevision(), java.util.Comparator.naturalOrder(), pods.troubledPods());
    draft.replicas(new Replicas(desired, orZero(st.getReplicas()), ready, available, updated))
        .rollout(new Rollout(st.getUpdateRevision(), inProgress,
            StatusConditions.of(st.getConditions(), FIELDS, draft.redaction()), revisions.toRevisions()));
    String headline = desired == 0 ? "scaled to zero"
        : ready + "/" + desired + " ready" + (inProgress ? ", rolling out (" + updated + "/" + desired + " updated)" : "");
    Observed observed = new Observed(headline)
        .counts(desired, ready, available)
        .suspended(desired == 0)
        .inProgress(inProgress);
    if (orZero(st.getReplicas()) < desired) {
      observed.cause(OwnWarnings.failedCreate(s, in.events(), draft.redaction()));
    }
    revisions.judge(observed, draft.redaction());
    observed.cause(RolloutRevisions.stalled(inProgress, updated, desired, in.pods(), in.now()));
    return draft.finish(observed, pods);
  }

  private static boolean rolling(StatefulSet s, StatefulSetStatus st, int desired) {
    StatefulSetUpdateStrategy strategy = s.getSpec() == null ? null : s.getSpec().getUpdateStrategy();
    if (strategy != null && "OnDelete".equals(strategy.getType())) {
      return false;
    }
    // Same revision everywhere: pods being added are a scale-up, not a rollout.
    if (st.getUpdateRevision() == null || st.getUpdateRevision().equals(st.getCurrentRevision())) {
      return false;
    }
    int partition = strategy == null || strategy.getRollingUpdate() == null
        ? 0 : orZero(strategy.getRollingUpdate().getPartition());
    // With a partition, the rollout is done once every pod above it is updated.
    return partition == 0 || orZero(st.getUpdatedReplicas()) < desired - partition;
  }
}
