package dev.aiapiserver.sources;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimSpec;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimStatus;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.ResourceQuotaStatus;
import io.fabric8.kubernetes.api.model.autoscaling.v2.CrossVersionObjectReference;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerCondition;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerStatus;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointConditions;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressRuleValue;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBackend;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.IngressServiceBackend;
import io.fabric8.kubernetes.api.model.networking.v1.IngressSpec;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.ServiceBackendPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetSpec;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetStatus;
import java.util.Set;

/**
 * The objects that are causes rather than workloads, as their caches keep them: only what the
 * rules read (see views' package-info). A claim keeps its phase, StorageClass and provisioner; an
 * autoscaler its target, bounds, replica counts and conditions (never its metrics); a disruption
 * budget its selector, bounds and counts; an Ingress its backends (never its TLS secret names); a
 * quota its hard and used amounts; an EndpointSlice only whether each endpoint is ready (never an
 * address).
 */
final class SlimRelatedObjects {
  /** Set by the PV controller on a claim it hands to an external provisioner. */
  static final String PROVISIONER = "volume.kubernetes.io/storage-provisioner";
  static final String BETA_PROVISIONER = "volume.beta.kubernetes.io/storage-provisioner";
  /** The label the EndpointSlice controller puts on the slices of a Service. */
  static final String SERVICE_NAME = "kubernetes.io/service-name";

  private SlimRelatedObjects() {}

  static PersistentVolumeClaim claim(PersistentVolumeClaim full) {
    PersistentVolumeClaim slim = new PersistentVolumeClaim();
    slim.setMetadata(SlimMeta.of(full.getMetadata(), Set.of(PROVISIONER, BETA_PROVISIONER)));
    PersistentVolumeClaimSpec spec = new PersistentVolumeClaimSpec();
    if (full.getSpec() != null) {
      spec.setStorageClassName(SlimMeta.word(full.getSpec().getStorageClassName()));
    }
    slim.setSpec(spec);
    PersistentVolumeClaimStatus status = new PersistentVolumeClaimStatus();
    if (full.getStatus() != null) {
      status.setPhase(SlimMeta.word(full.getStatus().getPhase()));
    }
    slim.setStatus(status);
    return slim;
  }

  static HorizontalPodAutoscaler autoscaler(HorizontalPodAutoscaler full) {
    HorizontalPodAutoscaler slim = new HorizontalPodAutoscaler();
    slim.setMetadata(SlimMeta.of(full.getMetadata()));
    HorizontalPodAutoscalerSpec spec = new HorizontalPodAutoscalerSpec();
    HorizontalPodAutoscalerSpec f = full.getSpec();
    if (f != null) {
      CrossVersionObjectReference target = f.getScaleTargetRef();
      if (target != null) {
        spec.setScaleTargetRef(new CrossVersionObjectReference(SlimMeta.word(target.getApiVersion()),
            SlimMeta.word(target.getKind()), target.getName()));
      }
      spec.setMinReplicas(f.getMinReplicas());
      spec.setMaxReplicas(f.getMaxReplicas());
    }
    slim.setSpec(spec);
    HorizontalPodAutoscalerStatus status = new HorizontalPodAutoscalerStatus();
    HorizontalPodAutoscalerStatus s = full.getStatus();
    if (s != null) {
      status.setCurrentReplicas(s.getCurrentReplicas());
      status.setDesiredReplicas(s.getDesiredReplicas());
      status.setConditions(SlimPods.map(s.getConditions(), c -> {
        HorizontalPodAutoscalerCondition slimCondition = new HorizontalPodAutoscalerCondition();
        slimCondition.setType(SlimMeta.word(c.getType()));
        slimCondition.setStatus(SlimMeta.word(c.getStatus()));
        slimCondition.setReason(SlimMeta.word(c.getReason()));
        slimCondition.setMessage(SlimMeta.clip(c.getMessage()));
        return slimCondition;
      }));
    }
    slim.setStatus(status);
    return slim;
  }

  static PodDisruptionBudget disruptionBudget(PodDisruptionBudget full) {
    PodDisruptionBudget slim = new PodDisruptionBudget();
    slim.setMetadata(SlimMeta.of(full.getMetadata()));
    PodDisruptionBudgetSpec spec = new PodDisruptionBudgetSpec();
    if (full.getSpec() != null) {
      spec.setSelector(full.getSpec().getSelector());
      spec.setMinAvailable(full.getSpec().getMinAvailable());
      spec.setMaxUnavailable(full.getSpec().getMaxUnavailable());
    }
    slim.setSpec(spec);
    PodDisruptionBudgetStatus status = new PodDisruptionBudgetStatus();
    PodDisruptionBudgetStatus s = full.getStatus();
    if (s != null) {
      status.setDisruptionsAllowed(s.getDisruptionsAllowed());
      status.setCurrentHealthy(s.getCurrentHealthy());
      status.setDesiredHealthy(s.getDesiredHealthy());
      status.setExpectedPods(s.getExpectedPods());
    }
    slim.setStatus(status);
    return slim;
  }

  static Ingress ingress(Ingress full) {
    Ingress slim = new Ingress();
    slim.setMetadata(SlimMeta.of(full.getMetadata()));
    IngressSpec spec = new IngressSpec();
    IngressSpec f = full.getSpec();
    if (f != null) {
      spec.setDefaultBackend(backend(f.getDefaultBackend()));
      spec.setRules(SlimPods.map(f.getRules(), rule -> {
        IngressRule r = new IngressRule();
        r.setHost(rule.getHost());
        if (rule.getHttp() != null) {
          r.setHttp(new HTTPIngressRuleValue(SlimPods.map(rule.getHttp().getPaths(),
              p -> new HTTPIngressPath(backend(p.getBackend()), p.getPath(), SlimMeta.word(p.getPathType())))));
        }
        return r;
      }));
    }
    slim.setSpec(spec);
    slim.setStatus(null);
    return slim;
  }

  private static IngressBackend backend(IngressBackend full) {
    if (full == null || full.getService() == null) {
      return full == null ? null : new IngressBackend(); // a resource backend: nothing to check
    }
    ServiceBackendPort port = full.getService().getPort();
    return new IngressBackend(null, new IngressServiceBackend(full.getService().getName(),
        port == null ? null : new ServiceBackendPort(port.getName(), port.getNumber())));
  }

  static ResourceQuota quota(ResourceQuota full) {
    ResourceQuota slim = new ResourceQuota();
    slim.setMetadata(SlimMeta.of(full.getMetadata()));
    slim.setSpec(null); // status.hard mirrors spec.hard once the quota controller has seen it
    ResourceQuotaStatus status = new ResourceQuotaStatus();
    if (full.getStatus() != null) {
      status.setHard(full.getStatus().getHard());
      status.setUsed(full.getStatus().getUsed());
    }
    slim.setStatus(status);
    return slim;
  }

  static EndpointSlice endpointSlice(EndpointSlice full) {
    EndpointSlice slim = new EndpointSlice();
    slim.setMetadata(SlimMeta.of(full.getMetadata()));
    // readiness is all the rules read; equal conditions are shared, so a slice costs a reference per endpoint
    slim.setEndpoints(SlimPods.map(full.getEndpoints(), e -> {
      Endpoint endpoint = new Endpoint();
      endpoint.setAddresses(null);
      EndpointConditions c = e.getConditions();
      endpoint.setConditions(new EndpointConditions(c == null ? null : c.getReady(), null, null));
      return endpoint;
    }));
    slim.setPorts(null);
    return slim;
  }
}
