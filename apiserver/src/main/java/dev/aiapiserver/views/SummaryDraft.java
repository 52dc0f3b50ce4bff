package dev.aiapiserver.views;

import dev.aiapiserver.api.ObjectMeta;
import dev.aiapiserver.api.WorkloadSummary;
import dev.aiapiserver.api.WorkloadSummary.CronJobFacts;
import dev.aiapiserver.api.WorkloadSummary.DaemonSetFacts;
import dev.aiapiserver.api.WorkloadSummary.Health;
import dev.aiapiserver.api.WorkloadSummary.JobFacts;
import dev.aiapiserver.api.WorkloadSummary.Replicas;
import dev.aiapiserver.api.WorkloadSummary.Rollout;
import dev.aiapiserver.api.WorkloadSummary.Verdict;
import dev.aiapiserver.api.WorkloadSummary.WorkloadRef;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A WorkloadSummary being put together: the parts every kind shares (metadata, containers, events,
 * services, pods, health) are filled in here; a kind adds its own facts and what it observed.
 */
final class SummaryDraft {
  private final WorkloadInputs in;
  private final String apiVersion;
  private final String kind;
  private final PodSpec podSpec;
  private final Map<String, String> podLabels;
  private final Redaction redaction;
  private Replicas replicas;
  private Rollout rollout;
  private JobFacts job;
  private CronJobFacts cronJob;
  private DaemonSetFacts daemonSet;

  /**
   * @param podSpec the spec the workload's pods are made from (template, or the pod's own)
   * @param podLabels the labels its pods carry (for Service selection)
   */
  SummaryDraft(WorkloadInputs in, String apiVersion, String kind, PodSpec podSpec, Map<String, String> podLabels) {
    this.in = in;
    this.apiVersion = apiVersion;
    this.kind = kind;
    this.podSpec = podSpec;
    this.podLabels = podLabels;
    this.redaction = Redaction.of(Stream.of(
            Stream.of(podSpec),
            in.pods().stream().map(p -> p.getSpec()),
            in.replicaSets().stream().map(rs -> rs.getSpec() == null ? null : spec(rs.getSpec().getTemplate())),
            in.jobs().stream().map(j -> j.getSpec() == null ? null : spec(j.getSpec().getTemplate())))
        .flatMap(s -> s));
  }

  static PodSpec spec(PodTemplateSpec template) {
    return template == null ? null : template.getSpec();
  }

  static Map<String, String> labels(PodTemplateSpec template) {
    return template == null || template.getMetadata() == null ? null : template.getMetadata().getLabels();
  }

  Redaction redaction() {
    return redaction;
  }

  /** Every pod of the workload, judged. */
  PodEvidence evidence() {
    return PodEvidence.of(in.pods(), in.nodes(), in.events(), in.now(), redaction);
  }

  SummaryDraft replicas(Replicas replicas) {
    this.replicas = replicas;
    return this;
  }

  SummaryDraft rollout(Rollout rollout) {
    this.rollout = rollout;
    return this;
  }

  SummaryDraft job(JobFacts job) {
    this.job = job;
    return this;
  }

  SummaryDraft cronJob(CronJobFacts cronJob) {
    this.cronJob = cronJob;
    return this;
  }

  SummaryDraft daemonSet(DaemonSetFacts daemonSet) {
    this.daemonSet = daemonSet;
    return this;
  }

  WorkloadSummary finish(Observed observed, PodEvidence pods) {
    HasMetadata w = in.workload();
    RelatedObjects.Judged related = RelatedObjects.judge(in, podLabels, observed, redaction);
    VerdictRules.Judgement judgement = VerdictRules.judge(observed, pods);
    Health health = new Health(judgement.verdict(), judgement.reasonCodes(),
        HealthMessage.compose(observed, judgement, pods, redaction), since(judgement, observed));
    return new WorkloadSummary(WorkloadSummary.API_VERSION, WorkloadSummary.KIND, metadata(w),
        new WorkloadRef(apiVersion, kind, w.getMetadata().getName(), w.getMetadata().getUid()),
        health, replicas, pods.toPods(), TemplateContainers.of(podSpec), rollout, job, cronJob, daemonSet,
        EventDigest.of(in.events(), redaction),
        SelectingServices.of(in.services(), w.getMetadata().getNamespace(), podLabels),
        related.autoscaler(), related.related());
  }

  private ObjectMeta metadata(HasMetadata w) {
    var m = w.getMetadata();
    Map<String, String> labels = m.getLabels() == null || m.getLabels().isEmpty() ? null : new TreeMap<>(m.getLabels());
    return new ObjectMeta(WorkloadSummaries.summaryName(kind, m.getName()), m.getNamespace(),
        WorkloadSummaries.summaryUid(m.getUid()), null, Rfc3339.normalize(m.getCreationTimestamp()), labels);
  }

  /**
   * The verdict keeps its time while it holds. When it changes, the source's own timestamp for the
   * new state (a Job's completionTime, the condition that failed) is more exact than the moment we
   * noticed; without one, it is now.
   */
  private String since(VerdictRules.Judgement judgement, Observed observed) {
    WorkloadSummary previous = in.previous();
    Verdict verdict = judgement.verdict();
    if (previous != null && previous.health() != null && previous.health().verdict() == verdict
        && previous.health().since() != null) {
      return previous.health().since();
    }
    String evidence = verdict == Verdict.Completed || verdict == Verdict.Suspended ? observed.settledSince
        : judgement.decidingCause() != null ? judgement.decidingCause().since() : null;
    Instant at = Rfc3339.parse(evidence);
    Instant now = in.now();
    return Rfc3339.format(at != null && !at.isAfter(now) ? at : now);
  }

  static int orZero(Integer value) {
    return value == null ? 0 : value;
  }

  static boolean generationObserved(HasMetadata w, Long observedGeneration) {
    Long generation = w.getMetadata().getGeneration();
    return generation == null || (observedGeneration != null && observedGeneration >= generation);
  }

  static String annotation(HasMetadata w, String key) {
    Map<String, String> a = w.getMetadata().getAnnotations();
    return a == null ? null : a.get(key);
  }
}
