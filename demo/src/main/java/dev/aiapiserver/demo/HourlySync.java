package dev.aiapiserver.demo;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatus;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The batch/hourly-sync CronJob ("0 * * * *") and its runs, as the CronJob controller makes
 * them: one Job per scheduled hour, named after the scheduled time in minutes since the epoch,
 * whose pod succeeds within a minute; lastScheduleTime and lastSuccessfulTime follow, the three
 * newest runs are kept. Seeded with the latest hour's run; the motion starts each new hour's run
 * on time, so the CronJob never looks as if it missed a schedule.
 */
final class HourlySync {
  static final String NAME = "hourly-sync";
  private static final Duration RUN_TIME = Duration.ofSeconds(40);
  private static final int HISTORY = 3;

  private HourlySync() {}

  static void seed(Workloads workloads) {
    Seeding seeding = workloads.seeding();
    Instant due = latestDue(seeding.now());
    Instant finished = finishedBy(due, seeding.now());
    CronJob cron = seeding.create(BatchWorkloads.cronJob(seeding, NAME, "0 * * * *", false,
        template(), Duration.between(due, seeding.now()), Duration.between(finished, seeding.now())));
    run(workloads, cron, due);
  }

  /** Starts the run of the latest hour when it has not run yet; a no-op otherwise. */
  static void runIfDue(KubernetesClient client, Instant now) {
    CronJob cron = client.batch().v1().cronjobs().inNamespace(BatchWorkloads.NAMESPACE)
        .withName(NAME).get();
    if (cron == null || cron.getStatus() == null || cron.getStatus().getLastScheduleTime() == null) {
      return;
    }
    Instant due = latestDue(now);
    if (!due.isAfter(Instant.parse(cron.getStatus().getLastScheduleTime()))) {
      return;
    }
    Workloads workloads = new Workloads(new Seeding(client, now));
    run(workloads, cron, due);
    cron.getStatus().setLastScheduleTime(due.toString());
    cron.getStatus().setLastSuccessfulTime(finishedBy(due, now).toString());
    client.batch().v1().cronjobs().inNamespace(BatchWorkloads.NAMESPACE).resource(cron).updateStatus();
    forgetOldRuns(client);
  }

  private static void run(Workloads workloads, CronJob cron, Instant due) {
    Seeding seeding = workloads.seeding();
    Instant finished = finishedBy(due, seeding.now());
    JobStatus status = new JobStatusBuilder().withStartTime(due.toString())
        .withCompletionTime(finished.toString()).withSucceeded(1).withActive(0).withReady(0)
        .withTerminating(0)
        .withConditions(new JobConditionBuilder().withType("SuccessCriteriaMet").withStatus("True")
                .withReason("CompletionsReached").withMessage("Reached expected number of succeeded pods")
                .withLastTransitionTime(finished.toString()).build(),
            new JobConditionBuilder().withType("Complete").withStatus("True")
                .withReason("CompletionsReached").withMessage("Reached expected number of succeeded pods")
                .withLastTransitionTime(finished.toString()).build())
        .build();
    PodTemplateSpec template = template();
    Job job = BatchWorkloads.job(seeding, cron, NAME + "-" + due.getEpochSecond() / 60, template, 6,
        status);
    Duration age = Duration.between(due, seeding.now());
    workloads.pod(job, BatchWorkloads.labelled(template, job), Workloads.generatedName(job, 0),
        ScenarioNodes.CONTROL_PLANE, Map.of(),
        (spec, ip) -> new PodStates(seeding).succeeded(spec, ip, age));
  }

  private static void forgetOldRuns(KubernetesClient client) {
    List<Job> runs = client.batch().v1().jobs().inNamespace(BatchWorkloads.NAMESPACE)
        .withLabel("app", NAME).list().getItems().stream()
        .sorted(Comparator.comparing((Job j) -> j.getMetadata().getName()).reversed()).toList();
    for (Job old : runs.subList(Math.min(HISTORY, runs.size()), runs.size())) {
      client.pods().inNamespace(BatchWorkloads.NAMESPACE)
          .withLabel("job-name", old.getMetadata().getName()).delete();
      client.batch().v1().jobs().inNamespace(BatchWorkloads.NAMESPACE).resource(old).delete();
    }
  }

  private static Instant latestDue(Instant now) {
    return now.truncatedTo(ChronoUnit.HOURS);
  }

  private static Instant finishedBy(Instant due, Instant now) {
    Instant done = due.plus(RUN_TIME);
    return done.isAfter(now) ? now.truncatedTo(ChronoUnit.SECONDS) : done;
  }

  private static PodTemplateSpec template() {
    return BatchWorkloads.jobTemplate(NAME, "registry.example.com/batch/sync:1.2.0",
        Map.of("app", NAME));
  }
}
