package dev.aiapiserver.demo;

import static dev.aiapiserver.demo.Workloads.container;
import static dev.aiapiserver.demo.Workloads.deploymentStatus;
import static dev.aiapiserver.demo.Workloads.template;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What every cluster runs: CoreDNS, kube-proxy on each node (its pod on the lost node is no
 * longer ready), the default namespace's kubernetes Service, and someone's debug pod.
 */
final class SystemWorkloads {
  private static final String KUBE_SYSTEM = "kube-system";

  private final Workloads workloads;
  private final Seeding seeding;
  private final PodStates states;

  SystemWorkloads(Workloads workloads) {
    this.workloads = workloads;
    this.seeding = workloads.seeding();
    this.states = new PodStates(seeding);
  }

  void seed() {
    coreDns();
    kubeProxy();
    defaultNamespace();
  }

  private void coreDns() {
    PodTemplateSpec template = template(Map.of("k8s-app", "kube-dns"),
        container("coredns", "registry.k8s.io/coredns/coredns:v1.11.3", "100m", "70Mi", "170Mi"));
    Duration age = ScenarioNodes.NODE_AGE;
    Deployment dns = workloads.deployment(KUBE_SYSTEM, "coredns", 2, template, 1, Map.of(),
        deploymentStatus(1, 2, 2, 2, workloads.available(age),
            workloads.progressed("coredns", 1, age)));
    ReplicaSet rs = workloads.replicaSet(dns, 1, template, 2, 2);
    for (int i = 0; i < 2; i++) {
      workloads.pod(rs, rs.getSpec().getTemplate(), Workloads.generatedName(rs, i),
          ScenarioNodes.CONTROL_PLANE, Map.of(), (spec, ip) -> states.ready(spec, ip, age));
    }
  }

  private void kubeProxy() {
    PodTemplateSpec template = template(Map.of("k8s-app", "kube-proxy"),
        container("kube-proxy", "registry.k8s.io/kube-proxy:" + DemoCluster.KUBERNETES_VERSION,
            "50m", "64Mi", null));
    Duration age = ScenarioNodes.NODE_AGE;
    String revision = Seeding.suffix("kube-proxy", 10);
    DaemonSet proxy = seeding.create(new DaemonSetBuilder()
        .withNewMetadata().withName("kube-proxy").withNamespace(KUBE_SYSTEM)
        .withLabels(template.getMetadata().getLabels()).withGeneration(1L).endMetadata()
        .withNewSpec().withNewSelector().withMatchLabels(template.getMetadata().getLabels())
        .endSelector().withTemplate(template)
        .withNewUpdateStrategy().withType("RollingUpdate").endUpdateStrategy().endSpec()
        .withNewStatus().withDesiredNumberScheduled(3).withCurrentNumberScheduled(3)
        .withNumberReady(2).withNumberAvailable(2).withNumberUnavailable(1)
        .withUpdatedNumberScheduled(3).withNumberMisscheduled(0).withObservedGeneration(1L)
        .endStatus()
        .build());
    List<String> nodes = List.of(ScenarioNodes.CONTROL_PLANE, ScenarioNodes.WORKER,
        ScenarioNodes.LOST_WORKER);
    for (int i = 0; i < nodes.size(); i++) {
      String node = nodes.get(i);
      Pod pod = workloads.pod(proxy, template, Workloads.generatedName(proxy, i), node,
          Map.of("controller-revision-hash", revision, "pod-template-generation", "1"),
          node.equals(ScenarioNodes.LOST_WORKER)
              ? (spec, ip) -> states.onLostNode(spec, PodStates.hostIpOf(node), age,
                  ScenarioNodes.LOST_FOR)
              : (spec, ip) -> states.ready(spec, PodStates.hostIpOf(node), age));
      if (node.equals(ScenarioNodes.LOST_WORKER)) {
        seeding.warning(pod, null, "NodeNotReady", "Node is not ready", 1,
            ScenarioNodes.LOST_FOR, ScenarioNodes.LOST_FOR, "node-controller", null);
      }
    }
  }

  private void defaultNamespace() {
    seeding.create(new ServiceBuilder().withNewMetadata().withName("kubernetes")
        .withNamespace("default").addToLabels("component", "apiserver")
        .addToLabels("provider", "kubernetes").endMetadata()
        .withNewSpec().withType("ClusterIP").withClusterIP("10.96.0.1").withClusterIPs("10.96.0.1")
        .addNewPort().withName("https").withProtocol("TCP").withPort(443)
        .withNewTargetPort(6443).endPort().endSpec().build());
    // A pod nobody owns: its summary is named pod.debug-shell.
    PodTemplateSpec template = template(Map.of("run", "debug-shell"),
        container("debug-shell", "busybox:1.37", "10m", "16Mi", null));
    Duration age = Duration.ofHours(2);
    seeding.create(new PodBuilder().withNewMetadata().withName("debug-shell")
        .withNamespace("default").withLabels(template.getMetadata().getLabels()).endMetadata()
        .withSpec(new PodSpecBuilder(template.getSpec()).withNodeName(ScenarioNodes.WORKER)
            .withRestartPolicy("Never").build())
        .withStatus(states.ready(new PodSpecBuilder(template.getSpec())
            .withNodeName(ScenarioNodes.WORKER).build(), "10.244.1.99", age))
        .build());
  }
}
