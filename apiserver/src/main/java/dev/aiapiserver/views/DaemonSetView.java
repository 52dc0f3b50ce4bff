package dev.aiapiserver.views;

import static dev.aiapiserver.views.SummaryDraft.orZero;

import dev.aiapiserver.api.WorkloadSummary;
import dev.aiapiserver.api.WorkloadSummary.DaemonSetFacts;
import dev.aiapiserver.api.WorkloadSummary.Replicas;
import dev.aiapiserver.api.WorkloadSummary.Rollout;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetCondition;
import io.fabric8.kubernetes.api.model.apps.DaemonSetStatus;

/**
 * DaemonSet: one pod per eligible node. Desired is the number of nodes that should run it; zero
 * eligible nodes reads as Suspended (a node selector matching nothing is how DaemonSets are paused).
 */
final class DaemonSetView {
  static final String TEMPLATE_GENERATION = "deprecated.daemonset.template.generation";
  /** The controller labels each pod with the template generation it was made from. */
  static final String POD_TEMPLATE_GENERATION = "pod-template-generation";
  private static final StatusConditions.Fields<DaemonSetCondition> FIELDS = new StatusConditions.Fields<>(
      DaemonSetCondition::getType, DaemonSetCondition::getStatus, DaemonSetCondition::getReason,
      DaemonSetCondition::getMessage, DaemonSetCondition::getLastTransitionTime);

  private DaemonSetView() {}

  static WorkloadSummary derive(WorkloadInputs in) {
    DaemonSet ds = (DaemonSet) in.workload();
    var template = ds.getSpec() == null ? null : ds.getSpec().getTemplate();
    SummaryDraft draft = new SummaryDraft(in, "apps/v1", "DaemonSet", SummaryDraft.spec(template),
        SummaryDraft.labels(template));
    PodEvidence pods = draft.evidence();
    DaemonSetStatus st = ds.getStatus();
    if (st == null || st.getDesiredNumberScheduled() == null) {
      return draft.finish(new Observed("no status").unknown(
          "the daemonset controller has not reported any status yet"), pods);
    }
    int desired = st.getDesiredNumberScheduled();
    int ready = orZero(st.getNumberReady());
    int available = orZero(st.getNumberAvailable());
    int updated = orZero(st.getUpdatedNumberScheduled());
    boolean rollingUpdate = ds.getSpec() == null || ds.getSpec().getUpdateStrategy() == null
        || !"OnDelete".equals(ds.getSpec().getUpdateStrategy().getType());
    boolean inProgress = !SummaryDraft.generationObserved(ds, st.getObservedGeneration())
        || (rollingUpdate && updated < desired);
    String revision = SummaryDraft.annotation(ds, TEMPLATE_GENERATION);
    if (revision == null && ds.getMetadata().getGeneration() != null) {
      revision = String.valueOf(ds.getMetadata().getGeneration());
    }
    RolloutRevisions revisions = RolloutRevisions.of(in.pods(), RolloutRevisions.byLabel(POD_TEMPLATE_GENERATION),
        revision, RolloutRevisions.NUMBERS_NEWEST_FIRST, pods.troubledPods());
    draft.replicas(new Replicas(desired, orZero(st.getCurrentNumberScheduled()), ready, available, updated))
        .rollout(new Rollout(revision, inProgress, StatusConditions.of(st.getConditions(), FIELDS, draft.redaction()),
            revisions.toRevisions()))
        .daemonSet(new DaemonSetFacts(desired, orZero(st.getCurrentNumberScheduled()), orZero(st.getNumberMisscheduled()), ready));
    StringBuilder headline = new StringBuilder();
    if (desired == 0) {
      headline.append("no node should run it (its node selector and tolerations match no node)");
    } else {
      headline.append(ready).append('/').append(desired).append(" nodes ready");
      if (inProgress) {
        headline.append(", rolling out (").append(updated).append('/').append(desired).append(" updated)");
      }
    }
    if (orZero(st.getNumberMisscheduled()) > 0) {
      headline.append(", ").append(st.getNumberMisscheduled()).append(" misscheduled");
    }
    Observed observed = new Observed(headline.toString())
        .counts(desired, ready, available)
        .suspended(desired == 0)
        .inProgress(inProgress);
    if (orZero(st.getCurrentNumberScheduled()) < desired) {
      observed.cause(OwnWarnings.failedCreate(ds, in.events(), draft.redaction()));
    }
    revisions.judge(observed, draft.redaction());
    observed.cause(RolloutRevisions.stalled(inProgress, updated, desired, in.pods(), in.now()));
    return draft.finish(observed, pods);
  }
}
