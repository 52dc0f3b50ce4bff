package dev.aiapiserver.sources;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The one table of workload kinds: for each, the fabric8 type, its informer and the reduced copy
 * its cache keeps ({@link SourceKind}), which kind's summary includes it (ownership), and where its
 * pods' labels are. The sources, the ownership walk, the change routing and the Service matching
 * iterate this table; derivation is the one exhaustive {@code switch} over it in
 * {@code views.WorkloadSummaries}, which javac will not compile until a new entry has its view.
 * Adding a kind is: one entry here, one derivation there.
 *
 * <p>Declared in the order docs list the kinds (and the ClusterContext counts them).
 */
public enum WorkloadKind {
  DEPLOYMENT("apps/v1", SourceKind.of("deployments", Deployment.class, SlimWorkloads::deployment,
      PackedObject.of(Deployment::new, Deployment::getSpec, Deployment::setSpec, Deployment::getStatus,
          Deployment::setStatus)),
      d -> d.getSpec() == null ? null : d.getSpec().getTemplate()),
  STATEFUL_SET("apps/v1", SourceKind.of("statefulsets", StatefulSet.class, SlimWorkloads::statefulSet,
      PackedObject.of(StatefulSet::new, StatefulSet::getSpec, StatefulSet::setSpec, StatefulSet::getStatus,
          StatefulSet::setStatus)),
      s -> s.getSpec() == null ? null : s.getSpec().getTemplate()),
  DAEMON_SET("apps/v1", SourceKind.of("daemonsets", DaemonSet.class, SlimWorkloads::daemonSet,
      PackedObject.of(DaemonSet::new, DaemonSet::getSpec, DaemonSet::setSpec, DaemonSet::getStatus,
          DaemonSet::setStatus)),
      d -> d.getSpec() == null ? null : d.getSpec().getTemplate()),
  CRON_JOB("batch/v1", SourceKind.of("cronjobs", CronJob.class, SlimWorkloads::cronJob,
      PackedObject.of(CronJob::new, CronJob::getSpec, CronJob::setSpec, CronJob::getStatus, CronJob::setStatus)),
      c -> c.getSpec() == null || c.getSpec().getJobTemplate() == null
          || c.getSpec().getJobTemplate().getSpec() == null ? null
          : c.getSpec().getJobTemplate().getSpec().getTemplate()),
  JOB("batch/v1", SourceKind.of("jobs", Job.class, SlimWorkloads::job,
      PackedObject.of(Job::new, Job::getSpec, Job::setSpec, Job::getStatus, Job::setStatus),
      Map.of(SourceIndexes.OWNER, SourceIndexes::controllerUid)),
      j -> j.getSpec() == null ? null : j.getSpec().getTemplate(), "CronJob"),
  REPLICA_SET("apps/v1", SourceKind.of("replicasets", ReplicaSet.class, SlimWorkloads::replicaSet,
      PackedObject.of(ReplicaSet::new, ReplicaSet::getSpec, ReplicaSet::setSpec, ReplicaSet::getStatus,
          ReplicaSet::setStatus),
      Map.of(SourceIndexes.OWNER, SourceIndexes::controllerUid)),
      r -> r.getSpec() == null ? null : r.getSpec().getTemplate(), "Deployment"),
  POD("v1", SourceKind.of("pods", Pod.class, SlimPods::pod, PackedPod.PACKING, Map.of(
      SourceIndexes.OWNER, SourceIndexes::controllerUid, SourceIndexes.NODE, SourceIndexes::nodeName,
      SourceIndexes.OWN_WORKLOAD_NAMESPACE, SourceIndexes::ownWorkloadNamespace)),
      p -> new PodTemplateSpec(p.getMetadata(), p.getSpec()),
      "ReplicaSet", "Job", "StatefulSet", "DaemonSet");

  private final String apiVersion;
  private final String kind;
  private final SourceKind<? extends HasMetadata> source;
  private final Function<HasMetadata, PodTemplateSpec> podTemplate;
  private final Set<String> summarizedBy;

  @SuppressWarnings("unchecked")
  <T extends HasMetadata> WorkloadKind(String apiVersion, SourceKind<T> source, Function<T, PodTemplateSpec> podTemplate,
      String... summarizedBy) {
    this.apiVersion = apiVersion;
    this.kind = HasMetadata.getKind(source.type());
    this.source = source;
    this.podTemplate = (Function<HasMetadata, PodTemplateSpec>) podTemplate;
    this.summarizedBy = Set.of(summarizedBy);
  }

  public String apiVersion() {
    return apiVersion;
  }

  /** The Kubernetes kind, e.g. Deployment. */
  public String kind() {
    return kind;
  }

  /** Name of the informer that caches this kind, e.g. deployments. */
  public String source() {
    return source.name();
  }

  /** The informer, its type and the reduced copy it keeps. */
  SourceKind<? extends HasMetadata> sourceKind() {
    return source;
  }

  /** The prefix of a summary's name, e.g. deployment (as in deployment.web). */
  public String prefix() {
    return kind().toLowerCase(Locale.ROOT);
  }

  /**
   * Whether an object of this kind controlled by {@code owner} is summarized as part of its owner
   * (a ReplicaSet of a Deployment, a Job of a CronJob, the pods of a ReplicaSet, Job, StatefulSet
   * or DaemonSet) rather than as a workload of its own.
   */
  public boolean summarizedBy(WorkloadKind owner) {
    return summarizedBy.contains(owner.kind);
  }

  /** Whether pods this kind controls are summarized as part of it. */
  public boolean summarizesItsPods() {
    return POD.summarizedBy(this);
  }

  /** The labels its pods carry (a bare pod's own labels): what a Service selector matches. */
  public Map<String, String> podLabels(HasMetadata item) {
    PodTemplateSpec template = podTemplate.apply(item);
    return template == null || template.getMetadata() == null ? null : template.getMetadata().getLabels();
  }

  /** The workload kind of an owner reference or involvedObject, if it is one of ours. */
  public static Optional<WorkloadKind> of(String apiVersion, String kind) {
    for (WorkloadKind k : values()) {
      if (k.kind.equals(kind) && (apiVersion == null || k.apiVersion.equals(apiVersion))) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }

  /** The kind of an object, by its class (objects from a reduced cache carry no kind field). */
  public static Optional<WorkloadKind> of(HasMetadata item) {
    for (WorkloadKind k : values()) {
      if (k.source.type().isInstance(item)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }

  /** The kind cached by this informer, e.g. deployments, if it caches workloads. */
  public static Optional<WorkloadKind> ofSource(String source) {
    for (WorkloadKind k : values()) {
      if (k.source().equals(source)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }

  /** The kinds, in the order docs list them, e.g. [Deployment, StatefulSet, ...]. */
  public static List<String> kinds() {
    return Arrays.stream(values()).map(WorkloadKind::kind).toList();
  }
}
