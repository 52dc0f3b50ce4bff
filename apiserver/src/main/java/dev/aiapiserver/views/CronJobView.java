package dev.aiapiserver.views;

import dev.aiapiserver.api.WorkloadSummary;
import dev.aiapiserver.api.WorkloadSummary.CronJobFacts;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobSpec;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobStatus;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * CronJob: judged by its latest Job (a failed last run is Failing) and by its schedule (a run that
 * is overdue is MissedSchedule). Pods of older runs are counted but not judged: a run that failed
 * last week says nothing about today.
 */
final class CronJobView {
  static final int MAX_ACTIVE = 5;
  /** A run this late (with no startingDeadlineSeconds) is missed; the controller is usually seconds late. */
  static final Duration DEFAULT_GRACE = Duration.ofMinutes(5);
  /** Never call a run missed sooner than this, whatever the deadline says. */
  static final Duration MIN_GRACE = Duration.ofMinutes(1);

  private CronJobView() {}

  static WorkloadSummary derive(WorkloadInputs in) {
    CronJob cj = (CronJob) in.workload();
    CronJobSpec spec = cj.getSpec();
    PodTemplateSpec template = spec == null || spec.getJobTemplate() == null || spec.getJobTemplate().getSpec() == null
        ? null : spec.getJobTemplate().getSpec().getTemplate();
    SummaryDraft draft = new SummaryDraft(in, "batch/v1", "CronJob", SummaryDraft.spec(template),
        SummaryDraft.labels(template));
    CronJobStatus st = cj.getStatus() == null ? new CronJobStatus() : cj.getStatus();
    List<ObjectReference> active = st.getActive() == null ? List.of() : st.getActive();
    Job latest = in.jobs().stream()
        .max(Comparator.comparing((Job j) -> Rfc3339.parse(j.getMetadata().getCreationTimestamp()),
                Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(j -> j.getMetadata().getName()))
        .orElse(null);
    Set<String> judgedJobs = new HashSet<>();
    active.forEach(ref -> judgedJobs.add(ref.getName()));
    if (latest != null) {
      judgedJobs.add(latest.getMetadata().getName());
    }
    PodEvidence pods = PodEvidence.of(in.pods(), p -> ownedByOneOf(p, judgedJobs), in.nodes(), in.events(),
        in.now(), draft.redaction());
    boolean suspend = spec != null && Boolean.TRUE.equals(spec.getSuspend());
    String schedule = spec == null ? null : spec.getSchedule();
    List<String> activeNames = active.stream().map(ObjectReference::getName).sorted().toList();
    draft.cronJob(new CronJobFacts(schedule, spec == null ? null : spec.getTimeZone(), suspend,
        Rfc3339.normalize(st.getLastScheduleTime()), Rfc3339.normalize(st.getLastSuccessfulTime()),
        activeNames.isEmpty() ? null : activeNames.subList(0, Math.min(MAX_ACTIVE, activeNames.size())),
        Math.max(0, activeNames.size() - MAX_ACTIVE)));

    StringBuilder headline = new StringBuilder(suspend ? "suspended, schedule \"" : "schedule \"")
        .append(schedule).append('"');
    Cause lastRunFailure = latest == null ? null : JobView.failure(latest, draft.redaction());
    if (latest != null) {
      headline.append(", last run ").append(latest.getMetadata().getName()).append(' ')
          .append(lastRunFailure != null ? "failed" : JobView.finished(latest) ? "succeeded" : "running");
    } else if (st.getLastScheduleTime() == null) {
      headline.append(", never run");
    }
    if (!activeNames.isEmpty()) {
      headline.append(", ").append(activeNames.size()).append(" active");
    }
    Observed observed = new Observed(headline.toString())
        .suspended(suspend)
        .startingIsProgress(false)
        .cause(lastRunFailure)
        .cause(missedSchedule(cj, in.now(), draft.redaction(), in));
    return draft.finish(observed, pods);
  }

  /**
   * MissedSchedule when the first run due after the last scheduled one (or after creation) is
   * overdue by more than the grace: startingDeadlineSeconds if set, else five minutes. When the
   * schedule cannot be read, the controller's own MissSchedule / TooManyMissedTimes warnings speak.
   */
  static Cause missedSchedule(CronJob cj, Instant now, Redaction redaction, WorkloadInputs in) {
    CronJobSpec spec = cj.getSpec();
    if (spec == null || Boolean.TRUE.equals(spec.getSuspend())) {
      return null;
    }
    var parsed = CronSchedule.parse(spec.getSchedule());
    if (parsed.isEmpty()) {
      return OwnWarnings.newest(cj, in.events(), Set.of("MissSchedule", "TooManyMissedTimes"))
          .map(e -> new Cause(Reason.MissedSchedule, redaction.clean(e.getMessage(), FreeText.ITEM), false,
              Rfc3339.format(EventDigest.lastSeen(e))))
          .orElse(null);
    }
    String lastText = cj.getStatus() == null ? null : cj.getStatus().getLastScheduleTime();
    Instant base = Rfc3339.parse(lastText);
    if (base == null) {
      base = Rfc3339.parse(cj.getMetadata().getCreationTimestamp());
    }
    if (base == null) {
      return null;
    }
    ZoneId zone = null;
    try {
      zone = spec.getTimeZone() == null ? null : ZoneId.of(spec.getTimeZone());
    } catch (java.time.DateTimeException e) {
      zone = null;
    }
    Instant due = parsed.get().next(base, zone);
    if (due == null) {
      return null;
    }
    Duration grace = spec.getStartingDeadlineSeconds() == null ? DEFAULT_GRACE
        : Duration.ofSeconds(spec.getStartingDeadlineSeconds());
    if (grace.compareTo(MIN_GRACE) < 0) {
      grace = MIN_GRACE;
    }
    if (!due.plus(grace).isBefore(now)) {
      return null;
    }
    String detail = "a run was due at " + Rfc3339.format(due) + " but "
        + (lastText == null ? "none was ever scheduled" : "the last was scheduled at " + Rfc3339.normalize(lastText));
    return new Cause(Reason.MissedSchedule, detail, false, Rfc3339.format(due));
  }

  private static boolean ownedByOneOf(Pod pod, Set<String> jobs) {
    List<OwnerReference> owners = pod.getMetadata().getOwnerReferences();
    return owners != null && owners.stream().anyMatch(o -> "Job".equals(o.getKind()) && jobs.contains(o.getName()));
  }
}
