package dev.aiapiserver.sources;

import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentSpec;
import io.fabric8.kubernetes.api.model.apps.DeploymentStrategy;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetSpec;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetSpec;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobSpec;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;
import io.fabric8.kubernetes.api.model.batch.v1.JobTemplateSpec;
import java.util.Set;

/**
 * Controllers as the caches keep them: the spec fields that say what is desired (replicas,
 * selector, rollout and job policy, the slim pod template) and the whole status, which holds
 * counts and conditions only. Volume claim templates, pod failure policies and the like are dropped.
 */
final class SlimWorkloads {
  static final String REVISION = "deployment.kubernetes.io/revision";
  static final String DESIRED_REPLICAS = "deployment.kubernetes.io/desired-replicas";
  static final String DAEMON_SET_GENERATION = "deprecated.daemonset.template.generation";

  private SlimWorkloads() {}

  static Deployment deployment(Deployment full) {
    Deployment slim = new Deployment();
    slim.setMetadata(SlimMeta.of(full.getMetadata(), Set.of(REVISION)));
    DeploymentSpec spec = new DeploymentSpec();
    DeploymentSpec f = full.getSpec();
    if (f != null) {
      spec.setReplicas(f.getReplicas());
      spec.setSelector(f.getSelector());
      spec.setPaused(f.getPaused());
      spec.setProgressDeadlineSeconds(f.getProgressDeadlineSeconds());
      spec.setMinReadySeconds(f.getMinReadySeconds());
      spec.setStrategy(f.getStrategy() == null ? null
          : new DeploymentStrategy(f.getStrategy().getRollingUpdate(), f.getStrategy().getType()));
      spec.setTemplate(SlimPods.template(f.getTemplate()));
    }
    slim.setSpec(spec);
    slim.setStatus(full.getStatus());
    return slim;
  }

  static ReplicaSet replicaSet(ReplicaSet full) {
    ReplicaSet slim = new ReplicaSet();
    slim.setMetadata(SlimMeta.of(full.getMetadata(), Set.of(REVISION, DESIRED_REPLICAS)));
    ReplicaSetSpec spec = new ReplicaSetSpec();
    ReplicaSetSpec f = full.getSpec();
    if (f != null) {
      spec.setReplicas(f.getReplicas());
      spec.setSelector(f.getSelector());
      spec.setMinReadySeconds(f.getMinReadySeconds());
      spec.setTemplate(SlimPods.template(f.getTemplate()));
    }
    slim.setSpec(spec);
    slim.setStatus(full.getStatus());
    return slim;
  }

  static StatefulSet statefulSet(StatefulSet full) {
    StatefulSet slim = new StatefulSet();
    slim.setMetadata(SlimMeta.of(full.getMetadata()));
    StatefulSetSpec spec = new StatefulSetSpec();
    StatefulSetSpec f = full.getSpec();
    if (f != null) {
      spec.setReplicas(f.getReplicas());
      spec.setSelector(f.getSelector());
      spec.setServiceName(f.getServiceName());
      spec.setPodManagementPolicy(f.getPodManagementPolicy());
      spec.setUpdateStrategy(f.getUpdateStrategy());
      spec.setMinReadySeconds(f.getMinReadySeconds());
      spec.setTemplate(SlimPods.template(f.getTemplate()));
    }
    slim.setSpec(spec);
    slim.setStatus(full.getStatus());
    return slim;
  }

  static DaemonSet daemonSet(DaemonSet full) {
    DaemonSet slim = new DaemonSet();
    slim.setMetadata(SlimMeta.of(full.getMetadata(), Set.of(DAEMON_SET_GENERATION)));
    DaemonSetSpec spec = new DaemonSetSpec();
    DaemonSetSpec f = full.getSpec();
    if (f != null) {
      spec.setSelector(f.getSelector());
      spec.setUpdateStrategy(f.getUpdateStrategy());
      spec.setMinReadySeconds(f.getMinReadySeconds());
      spec.setTemplate(SlimPods.template(f.getTemplate()));
    }
    slim.setSpec(spec);
    slim.setStatus(full.getStatus());
    return slim;
  }

  static Job job(Job full) {
    Job slim = new Job();
    slim.setMetadata(SlimMeta.of(full.getMetadata()));
    slim.setSpec(jobSpec(full.getSpec()));
    slim.setStatus(full.getStatus());
    return slim;
  }

  static CronJob cronJob(CronJob full) {
    CronJob slim = new CronJob();
    slim.setMetadata(SlimMeta.of(full.getMetadata()));
    CronJobSpec spec = new CronJobSpec();
    CronJobSpec f = full.getSpec();
    if (f != null) {
      spec.setSchedule(f.getSchedule());
      spec.setTimeZone(f.getTimeZone());
      spec.setSuspend(f.getSuspend());
      spec.setConcurrencyPolicy(f.getConcurrencyPolicy());
      spec.setStartingDeadlineSeconds(f.getStartingDeadlineSeconds());
      spec.setSuccessfulJobsHistoryLimit(f.getSuccessfulJobsHistoryLimit());
      spec.setFailedJobsHistoryLimit(f.getFailedJobsHistoryLimit());
      JobTemplateSpec template = new JobTemplateSpec();
      if (f.getJobTemplate() != null) {
        template.setMetadata(SlimMeta.labelsOnly(f.getJobTemplate().getMetadata()));
        template.setSpec(jobSpec(f.getJobTemplate().getSpec()));
      }
      spec.setJobTemplate(template);
    }
    slim.setSpec(spec);
    slim.setStatus(full.getStatus());
    return slim;
  }

  private static JobSpec jobSpec(JobSpec f) {
    JobSpec spec = new JobSpec();
    if (f != null) {
      spec.setCompletions(f.getCompletions());
      spec.setParallelism(f.getParallelism());
      spec.setCompletionMode(f.getCompletionMode());
      spec.setBackoffLimit(f.getBackoffLimit());
      spec.setActiveDeadlineSeconds(f.getActiveDeadlineSeconds());
      spec.setSuspend(f.getSuspend());
      spec.setSelector(f.getSelector());
      spec.setTemplate(SlimPods.template(f.getTemplate()));
    }
    return spec;
  }
}
