package dev.aiapiserver.bench;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/** Jobs (finished, running, or failed past their backoff limit) and CronJobs with their last Job. */
final class SyntheticJobs {
  private static final List<String> SCHEDULES = List.of("*/30 * * * *", "0 * * * *", "15 2 * * *", "0 */6 * * *");
  private final Draft draft;
  private final SyntheticPods pods;

  SyntheticJobs(Draft draft) {
    this.draft = draft;
    this.pods = new SyntheticPods(draft);
  }

  void job(String namespace, WorkloadPlan plan) {
    Duration age = Duration.ofMinutes(draft.dice.between(20, 60 * 24 * 5));
    if (plan.fault() == FaultKind.BACKOFF_LIMIT_EXCEEDED) {
      failedJob(namespace, plan, age);
    } else {
      job(namespace, plan.name(), null, age, draft.dice.chance(0.2));
    }
  }

  void cronJob(String namespace, WorkloadPlan plan) {
    Dice dice = draft.dice;
    Map<String, String> labels = Workloads.labels(namespace, plan.name());
    boolean suspended = dice.chance(0.1);
    Instant lastRun = draft.now.minus(Duration.ofMinutes(dice.between(3, 29))).truncatedTo(ChronoUnit.MINUTES);
    PodTemplateSpec template = template(namespace, plan.name(), labels);
    CronJob cron = draft.add(new CronJobBuilder()
        .withMetadata(draft.meta(namespace, plan.name(), Duration.ofDays(dice.between(5, 300)), labels).build())
        .withNewSpec().withSchedule(dice.pick(SCHEDULES)).withSuspend(suspended).withConcurrencyPolicy("Forbid")
        .withSuccessfulJobsHistoryLimit(3).withFailedJobsHistoryLimit(1)
        .withNewJobTemplate().withNewSpec().withBackoffLimit(3).withTemplate(template).endSpec().endJobTemplate()
        .endSpec()
        .withNewStatus().withLastScheduleTime(lastRun.toString())
        .withLastSuccessfulTime(lastRun.plusSeconds(dice.between(20, 120)).toString()).endStatus().build());
    String jobName = plan.name() + "-" + (lastRun.getEpochSecond() / 60);
    Duration age = Duration.between(lastRun, draft.now);
    job(namespace, jobName, cron, age, false);
  }

  private void job(String namespace, String name, CronJob owner, Duration age, boolean running) {
    Dice dice = draft.dice;
    Map<String, String> labels = Workloads.labels(namespace, name);
    PodTemplateSpec template = template(namespace, owner == null ? name : owner.getMetadata().getName(), labels);
    var meta = draft.meta(namespace, name, age, labels);
    if (owner != null) {
      meta.withOwnerReferences(Draft.ownedBy(owner));
    }
    Instant start = draft.now.minus(age);
    Instant done = start.plusSeconds(dice.between(15, 900));
    var status = new io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder().withStartTime(at(start));
    if (running) {
      status.withActive(1).withReady(1).withTerminating(0);
    } else {
      status.withSucceeded(1).withCompletionTime(at(done)).withReady(0).withTerminating(0)
          .withConditions(condition("SuccessCriteriaMet", null, null, done),
              condition("Complete", null, null, done));
    }
    Job job = draft.add(new JobBuilder().withMetadata(meta.withGeneration(1L).build())
        .withNewSpec().withCompletions(1).withParallelism(1).withBackoffLimit(3).withCompletionMode("NonIndexed")
        .withNewSelector().withMatchLabels(Workloads.ordered("batch.kubernetes.io/controller-uid",
            meta.build().getUid())).endSelector()
        .withTemplate(template).endSpec().withStatus(status.build()).build());
    Map<String, String> podLabels = Workloads.with(Workloads.with(labels, "batch.kubernetes.io/controller-uid",
        job.getMetadata().getUid()), "job-name", name);
    String podName = name + "-" + dice.suffix(5);
    if (running) {
      pods.healthy(job, podName, template, podLabels, age);
    } else {
      pods.succeeded(job, podName, template, podLabels, age);
      draft.add(draft.events.normal(job, "Completed", "Job completed", "job-controller", 1));
    }
  }

  private void failedJob(String namespace, WorkloadPlan plan, Duration age) {
    Map<String, String> labels = Workloads.labels(namespace, plan.name());
    PodTemplateSpec template = template(namespace, plan.name(), labels);
    Instant start = draft.now.minus(age);
    Instant failed = start.plusSeconds(draft.dice.between(60, 600));
    var meta = draft.meta(namespace, plan.name(), age, labels).withGeneration(1L);
    Job job = draft.add(new JobBuilder().withMetadata(meta.build())
        .withNewSpec().withCompletions(1).withParallelism(1).withBackoffLimit(plan.faultyPods() - 1)
        .withCompletionMode("NonIndexed").withTemplate(template).endSpec()
        .withNewStatus().withStartTime(at(start)).withFailed(plan.faultyPods()).withReady(0).withTerminating(0)
        .withConditions(condition("FailureTarget", "BackoffLimitExceeded", "Job has reached the specified backoff limit", failed),
            condition("Failed", "BackoffLimitExceeded", "Job has reached the specified backoff limit", failed))
        .endStatus().build());
    for (int i = 0; i < plan.faultyPods(); i++) {
      pods.faulty(job, plan.name() + "-" + draft.dice.suffix(5), template, Workloads.with(labels, "job-name",
          plan.name()), age.minusSeconds(30L * i), FaultKind.BACKOFF_LIMIT_EXCEEDED);
    }
    draft.add(draft.events.warning(job, "BackoffLimitExceeded", "Job has reached the specified backoff limit",
        "job-controller", null, 1));
  }

  private static PodTemplateSpec template(String namespace, String workload, Map<String, String> labels) {
    return PodTemplates.template(namespace, workload, labels,
        PodTemplates.image(namespace, workload, "3.2.1"), true, false);
  }

  private static JobCondition condition(String type, String reason, String message, Instant at) {
    return new JobConditionBuilder().withType(type).withStatus("True").withReason(reason).withMessage(message)
        .withLastProbeTime(at(at)).withLastTransitionTime(at(at)).build();
  }

  private static String at(Instant t) {
    return t.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
