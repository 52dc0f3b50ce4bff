package dev.aiapiserver.views;

import static dev.aiapiserver.views.SummaryDraft.orZero;

import dev.aiapiserver.api.WorkloadSummary;
import dev.aiapiserver.api.WorkloadSummary.JobFacts;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatus;
import java.util.List;
import java.util.Optional;

/**
 * Job (one not owned by a CronJob): Completed when its Complete condition is true, Failing when its
 * Failed (or FailureTarget) condition is, Progressing while it runs cleanly.
 */
final class JobView {
  private JobView() {}

  static WorkloadSummary derive(WorkloadInputs in) {
    Job job = (Job) in.workload();
    var template = job.getSpec() == null ? null : job.getSpec().getTemplate();
    SummaryDraft draft = new SummaryDraft(in, "batch/v1", "Job", SummaryDraft.spec(template),
        SummaryDraft.labels(template));
    PodEvidence pods = draft.evidence();
    JobStatus st = job.getStatus() == null ? new JobStatus() : job.getStatus();
    draft.job(facts(job));
    Observed observed = observe(job, draft.redaction());
    if (!observed.completed && !observed.suspended && observed.unknownWhy == null
        && orZero(st.getActive()) < parallelism(job) && failure(job, draft.redaction()) == null) {
      observed.cause(OwnWarnings.failedCreate(job, in.events(), draft.redaction()));
    }
    return draft.finish(observed, pods);
  }

  /** What a Job's own status says; shared with CronJob, which judges its latest Job the same way. */
  static Observed observe(Job job, Redaction redaction) {
    JobStatus st = job.getStatus() == null ? new JobStatus() : job.getStatus();
    boolean suspended = job.getSpec() != null && Boolean.TRUE.equals(job.getSpec().getSuspend());
    Optional<JobCondition> complete = trueCondition(job, "Complete");
    Cause failure = failure(job, redaction);
    int active = orZero(st.getActive());
    String counts = counts(job);
    if (complete.isPresent()) {
      String at = st.getCompletionTime() != null ? st.getCompletionTime() : complete.get().getLastTransitionTime();
      return new Observed("completed: " + counts + (at == null ? "" : ", finished " + Rfc3339.normalize(at)))
          .completed(true, Rfc3339.normalize(at));
    }
    if (failure != null) {
      return new Observed("failed: " + counts).cause(failure);
    }
    if (suspended) {
      Observed o = new Observed("suspended: " + counts).suspended(true);
      o.settledSince = trueCondition(job, "Suspended").map(JobCondition::getLastTransitionTime)
          .map(Rfc3339::normalize).orElse(null);
      return o;
    }
    if (st.getStartTime() == null && active == 0 && (st.getConditions() == null || st.getConditions().isEmpty())) {
      return new Observed(counts).unknown("the job controller has not started the job yet");
    }
    int ready = st.getReady() == null ? active : st.getReady();
    // Between retries nothing is active, yet the Job is still on its way.
    return new Observed("running: " + counts).counts(active, ready, ready).inProgress(true);
  }

  /** The terminal failure, from a Failed or FailureTarget condition, or null. */
  static Cause failure(Job job, Redaction redaction) {
    Optional<JobCondition> failed = trueCondition(job, "Failed").or(() -> trueCondition(job, "FailureTarget"));
    if (failed.isEmpty()) {
      return null;
    }
    JobCondition c = failed.get();
    Reason reason = "BackoffLimitExceeded".equals(c.getReason()) ? Reason.BackoffLimitExceeded
        : "DeadlineExceeded".equals(c.getReason()) ? Reason.DeadlineExceeded
        : Reason.JobFailed;
    String detail = reason == Reason.JobFailed && c.getReason() != null
        ? c.getReason() + (c.getMessage() == null ? "" : ": " + c.getMessage())
        : c.getMessage();
    return new Cause(reason, redaction.clean(detail, FreeText.ITEM), true, Rfc3339.normalize(c.getLastTransitionTime()));
  }

  static boolean finished(Job job) {
    return trueCondition(job, "Complete").isPresent() || trueCondition(job, "Failed").isPresent();
  }

  static JobFacts facts(Job job) {
    JobStatus st = job.getStatus() == null ? new JobStatus() : job.getStatus();
    var spec = job.getSpec();
    return new JobFacts(spec == null ? null : spec.getCompletions(), orZero(st.getSucceeded()), orZero(st.getFailed()),
        orZero(st.getActive()), spec == null ? null : spec.getBackoffLimit(), Rfc3339.normalize(st.getStartTime()),
        Rfc3339.normalize(st.getCompletionTime()));
  }

  /** e.g. "1/3 succeeded, 1 active, 2 failed" (zero counts left out). */
  static String counts(Job job) {
    JobStatus st = job.getStatus() == null ? new JobStatus() : job.getStatus();
    Integer completions = job.getSpec() == null ? null : job.getSpec().getCompletions();
    StringBuilder s = new StringBuilder().append(orZero(st.getSucceeded()));
    if (completions != null) {
      s.append('/').append(completions);
    }
    s.append(" succeeded");
    if (orZero(st.getActive()) > 0) {
      s.append(", ").append(st.getActive()).append(" active");
    }
    if (orZero(st.getFailed()) > 0) {
      s.append(", ").append(st.getFailed()).append(" failed");
    }
    return s.toString();
  }

  private static int parallelism(Job job) {
    return job.getSpec() == null || job.getSpec().getParallelism() == null ? 1 : job.getSpec().getParallelism();
  }

  static Optional<JobCondition> trueCondition(Job job, String type) {
    List<JobCondition> conditions = job.getStatus() == null ? null : job.getStatus().getConditions();
    if (conditions == null) {
      return Optional.empty();
    }
    return conditions.stream().filter(c -> type.equals(c.getType()) && "True".equals(c.getStatus())).findFirst();
  }
}
