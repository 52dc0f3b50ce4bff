package dev.aiapiserver.demo;

import static dev.aiapiserver.demo.Workloads.container;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatus;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder;
import java.time.Duration;
import java.util.Map;

/**
 * The batch namespace: a report Job that failed four times and gave up (BackoffLimitExceeded), a
 * suspended clean-up CronJob, and an hourly sync CronJob whose last run succeeded.
 * ({@link HourlySync} keeps that one running on time while the demo runs.)
 */
final class BatchWorkloads {
  static final String NAMESPACE = "batch";

  private final Workloads workloads;
  private final Seeding seeding;
  private final PodStates states;

  BatchWorkloads(Workloads workloads) {
    this.workloads = workloads;
    this.seeding = workloads.seeding();
    this.states = new PodStates(seeding);
  }

  void seed() {
    failedReport();
    suspendedCleanup();
    HourlySync.seed(workloads);
  }

  private void failedReport() {
    Duration age = Duration.ofHours(7);
    PodTemplateSpec template = jobTemplate("nightly-report",
        "registry.example.com/batch/report:2024.11", Map.of("app", "nightly-report"));
    JobStatus status = new JobStatusBuilder().withStartTime(seeding.ago(age)).withFailed(4)
        .withActive(0).withReady(0).withTerminating(0)
        .withConditions(new JobConditionBuilder().withType("FailureTarget").withStatus("True")
                .withReason("BackoffLimitExceeded").withMessage("Job has reached the specified backoff limit")
                .withLastTransitionTime(seeding.ago(age.minusMinutes(9)))
                .withLastProbeTime(seeding.ago(age.minusMinutes(9))).build(),
            new JobConditionBuilder().withType("Failed").withStatus("True")
                .withReason("BackoffLimitExceeded").withMessage("Job has reached the specified backoff limit")
                .withLastTransitionTime(seeding.ago(age.minusMinutes(9)))
                .withLastProbeTime(seeding.ago(age.minusMinutes(9))).build())
        .build();
    Job job = job(null, "nightly-report", template, 3, status);
    for (int i = 0; i < 4; i++) {
      Duration started = age.minusMinutes(2L * i);
      workloads.pod(job, labelled(template, job), Workloads.generatedName(job, i),
          ScenarioNodes.WORKER, Map.of(), (spec, ip) -> states.failed(spec, ip, started, 1));
    }
    seeding.warning(job, null, "BackoffLimitExceeded", "Job has reached the specified backoff limit",
        1, age.minusMinutes(9), age.minusMinutes(9), "job-controller", null);
  }

  private void suspendedCleanup() {
    seeding.create(cronJob("cleanup-tmp", "0 3 * * *", true,
        jobTemplate("cleanup-tmp", "busybox:1.37", Map.of("app", "cleanup-tmp")),
        Duration.ofDays(3), Duration.ofDays(3).minusMinutes(1)));
  }

  private Job job(HasMetadata owner, String name, PodTemplateSpec template, int backoffLimit,
      JobStatus status) {
    return job(seeding, owner, name, template, backoffLimit, status);
  }

  static Job job(Seeding seeding, HasMetadata owner, String name, PodTemplateSpec template,
      int backoffLimit, JobStatus status) {
    JobBuilder job = new JobBuilder().withNewMetadata().withName(name).withNamespace(NAMESPACE)
        .withLabels(template.getMetadata().getLabels()).endMetadata()
        .withNewSpec().withBackoffLimit(backoffLimit).withCompletions(1).withParallelism(1)
        .withTemplate(template).endSpec()
        .withStatus(status);
    if (owner != null) {
      job.editMetadata().withOwnerReferences(Seeding.controlledBy(owner)).endMetadata();
    }
    return seeding.create(job.build());
  }

  private CronJob cronJob(String name, String schedule, boolean suspend,
      PodTemplateSpec template, Duration lastSchedule, Duration lastSuccess) {
    return cronJob(seeding, name, schedule, suspend, template, lastSchedule, lastSuccess);
  }

  static CronJob cronJob(Seeding seeding, String name, String schedule, boolean suspend,
      PodTemplateSpec template, Duration lastSchedule, Duration lastSuccess) {
    return new CronJobBuilder().withNewMetadata().withName(name).withNamespace(NAMESPACE)
        .withLabels(template.getMetadata().getLabels()).endMetadata()
        .withNewSpec().withSchedule(schedule).withSuspend(suspend)
        .withConcurrencyPolicy("Forbid").withSuccessfulJobsHistoryLimit(3)
        .withFailedJobsHistoryLimit(1)
        .withNewJobTemplate().withNewSpec().withBackoffLimit(6).withTemplate(template).endSpec()
        .endJobTemplate().endSpec()
        .withNewStatus().withLastScheduleTime(seeding.ago(lastSchedule))
        .withLastSuccessfulTime(seeding.ago(lastSuccess)).endStatus()
        .build();
  }

  static PodTemplateSpec jobTemplate(String name, String image, Map<String, String> labels) {
    PodTemplateSpec template = Workloads.template(labels, container(name, image, "100m", "128Mi", "256Mi"));
    template.getSpec().setRestartPolicy("Never");
    return template;
  }

  /** The labels the Job controller adds to its pods. */
  static PodTemplateSpec labelled(PodTemplateSpec template, Job job) {
    return new PodTemplateSpecBuilder(template).editMetadata()
        .addToLabels("batch.kubernetes.io/job-name", job.getMetadata().getName())
        .addToLabels("job-name", job.getMetadata().getName())
        .addToLabels("batch.kubernetes.io/controller-uid", job.getMetadata().getUid())
        .addToLabels("controller-uid", job.getMetadata().getUid())
        .endMetadata().build();
  }
}
