package dev.aiapiserver.bench;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Pod templates and pod specs as a real cluster holds them: images from a registry, requests and
 * limits, probes, env (literal values and secret references, which the views must never show),
 * and the defaults and service-account volume the API server adds to every pod.
 */
final class PodTemplates {
  static final String REGISTRY = "registry.example.com";

  private PodTemplates() {}

  static String image(String namespace, String workload, String version) {
    return REGISTRY + "/" + namespace + "/" + workload.replaceAll("-\\d+$", "") + ":" + version;
  }

  static PodTemplateSpec template(String namespace, String workload, Map<String, String> labels, String image,
      boolean batch, boolean sidecar) {
    List<Container> containers = new ArrayList<>();
    containers.add(container("app", image, namespace, workload, batch, false));
    if (sidecar) {
      containers.add(container("proxy", "docker.io/envoyproxy/envoy:v1.31.2", namespace, workload, false, true));
    }
    return new PodTemplateSpecBuilder().withNewMetadata().withLabels(labels).endMetadata()
        .withNewSpec().withContainers(containers)
        .withRestartPolicy(batch ? "OnFailure" : "Always")
        .withServiceAccountName(batch ? "default" : workload.replaceAll("-\\d+$", ""))
        .withTerminationGracePeriodSeconds(30L).withDnsPolicy("ClusterFirst")
        .withNewSecurityContext().withRunAsNonRoot(true).withFsGroup(2000L).endSecurityContext()
        .endSpec().build();
  }

  private static Container container(String name, String image, String namespace, String workload, boolean batch,
      boolean proxy) {
    ContainerBuilder c = new ContainerBuilder().withName(name).withImage(image).withImagePullPolicy("IfNotPresent")
        .withTerminationMessagePath("/dev/termination-log").withTerminationMessagePolicy("File")
        .withNewResources()
        .withRequests(Workloads.<Quantity>ordered("cpu", new Quantity(proxy ? "50m" : "250m"), "memory",
            new Quantity(proxy ? "64Mi" : "256Mi")))
        .withLimits(Workloads.<Quantity>ordered("memory", new Quantity(proxy ? "128Mi" : "512Mi")))
        .endResources();
    if (proxy) {
      return c.addNewPort().withName("admin").withContainerPort(9901).withProtocol("TCP").endPort().build();
    }
    c.addNewEnv().withName("LOG_LEVEL").withValue("info").endEnv()
        .addNewEnv().withName("DATABASE_URL")
        .withValue("postgres://app:s3cr3t-" + workload + "@db." + namespace + ".svc:5432/app").endEnv()
        .addNewEnv().withName("API_TOKEN").withNewValueFrom().withNewSecretKeyRef()
        .withName(workload + "-credentials").withKey("token").endSecretKeyRef().endValueFrom().endEnv()
        .addNewVolumeMount().withName("config").withMountPath("/etc/app").withReadOnly(true).endVolumeMount();
    if (!batch) {
      c.addNewPort().withName("http").withContainerPort(8080).withProtocol("TCP").endPort()
          .withNewReadinessProbe().withNewHttpGet().withPath("/ready").withPort(new IntOrString("http"))
          .withScheme("HTTP").endHttpGet().withPeriodSeconds(10).withTimeoutSeconds(1).withSuccessThreshold(1)
          .withFailureThreshold(3).endReadinessProbe()
          .withNewLivenessProbe().withNewHttpGet().withPath("/healthz").withPort(new IntOrString("http"))
          .withScheme("HTTP").endHttpGet().withInitialDelaySeconds(10).withPeriodSeconds(10).withTimeoutSeconds(1)
          .withSuccessThreshold(1).withFailureThreshold(3).endLivenessProbe();
    } else {
      c.withCommand("/bin/app").withArgs("--once", "--batch-size=500");
    }
    return c.build();
  }

  /** The spec of one pod of a template, with what the API server and scheduler add. */
  static PodSpec podSpec(PodTemplateSpec template, String workload, String node, Dice dice) {
    List<Volume> volumes = new ArrayList<>();
    volumes.add(new VolumeBuilder().withName("config").withNewConfigMap().withName(workload + "-config")
        .withDefaultMode(420).endConfigMap().build());
    String token = "kube-api-access-" + dice.suffix(5);
    volumes.add(new VolumeBuilder().withName(token).withNewProjected().withDefaultMode(420)
        .addNewSource().withNewServiceAccountToken().withExpirationSeconds(3607L).withPath("token")
        .endServiceAccountToken().endSource()
        .addNewSource().withNewConfigMap().withName("kube-root-ca.crt").addNewItem().withKey("ca.crt")
        .withPath("ca.crt").endItem().endConfigMap().endSource()
        .addNewSource().withNewDownwardAPI().addNewItem().withPath("namespace").withNewFieldRef()
        .withApiVersion("v1").withFieldPath("metadata.namespace").endFieldRef().endItem().endDownwardAPI()
        .endSource().endProjected().build());
    List<Container> containers = template.getSpec().getContainers().stream()
        .map(c -> new ContainerBuilder(c).addNewVolumeMount().withName(token)
            .withMountPath("/var/run/secrets/kubernetes.io/serviceaccount").withReadOnly(true).endVolumeMount()
            .build())
        .toList();
    return new PodSpecBuilder(template.getSpec()).withContainers(containers).withVolumes(volumes)
        .withNodeName(node).withSchedulerName("default-scheduler").withEnableServiceLinks(true)
        .withPreemptionPolicy("PreemptLowerPriority").withPriority(0)
        .withTolerations(toleration("node.kubernetes.io/not-ready"), toleration("node.kubernetes.io/unreachable"))
        .build();
  }

  private static Toleration toleration(String key) {
    return new TolerationBuilder().withKey(key).withOperator("Exists").withEffect("NoExecute")
        .withTolerationSeconds(300L).build();
  }
}
