package dev.aiapiserver.demo;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.NodeConditionBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cluster's frame: namespaces, and three nodes as kind would make them (a control plane that
 * also runs workloads, a worker with a GPU, and a worker that stopped reporting 12 minutes ago).
 */
final class ScenarioNodes {
  static final String CONTROL_PLANE = "demo-control-plane";
  static final String WORKER = "demo-worker";
  static final String LOST_WORKER = "demo-worker2";
  static final List<String> NAMESPACES = List.of("default", "kube-system", "shop", "payments", "batch");

  static final Duration NODE_AGE = Duration.ofDays(12);
  static final Duration LOST_FOR = Duration.ofMinutes(12);

  private final Seeding seeding;

  ScenarioNodes(Seeding seeding) {
    this.seeding = seeding;
  }

  void seed() {
    for (String namespace : NAMESPACES) {
      seeding.create(new NamespaceBuilder().withNewMetadata().withName(namespace)
          .addToLabels("kubernetes.io/metadata.name", namespace).endMetadata()
          .withNewStatus().withPhase("Active").endStatus().build());
    }
    seeding.create(node(CONTROL_PLANE, "control-plane", "4", "8146824Ki", null, ready()));
    seeding.create(node(WORKER, "worker", "8", "32863420Ki", "1", ready()));
    seeding.create(node(LOST_WORKER, "worker", "4", "16393708Ki", null, lost()));
  }

  Node node(String name, String role, String cpu, String memory, String gpus,
      List<NodeCondition> conditions) {
    Map<String, Quantity> capacity = new LinkedHashMap<>();
    capacity.put("cpu", new Quantity(cpu));
    capacity.put("memory", new Quantity(memory));
    capacity.put("pods", new Quantity("110"));
    capacity.put("ephemeral-storage", new Quantity("102626232Ki"));
    Map<String, Quantity> allocatable = new LinkedHashMap<>(capacity);
    allocatable.put("cpu", new Quantity(Integer.parseInt(cpu) * 1000 - 100 + "m"));
    if (gpus != null) {
      capacity.put("nvidia.com/gpu", new Quantity(gpus));
      allocatable.put("nvidia.com/gpu", new Quantity(gpus));
    }
    NodeBuilder node = new NodeBuilder().withNewMetadata().withName(name)
        .addToLabels("kubernetes.io/hostname", name)
        .addToLabels("kubernetes.io/os", "linux")
        .addToLabels("kubernetes.io/arch", "amd64")
        .addToLabels("node-role.kubernetes.io/" + role, "")
        .endMetadata()
        .withNewSpec().withPodCIDR(podCidr(name)).withProviderID("kind://docker/demo/" + name)
        .endSpec()
        .withNewStatus().withCapacity(capacity).withAllocatable(allocatable)
        .withConditions(conditions)
        .addNewAddress().withType("InternalIP").withAddress(PodStates.hostIpOf(name)).endAddress()
        .addNewAddress().withType("Hostname").withAddress(name).endAddress()
        .withNewNodeInfo().withKubeletVersion(DemoCluster.KUBERNETES_VERSION)
        .withKubeProxyVersion(DemoCluster.KUBERNETES_VERSION)
        .withContainerRuntimeVersion("containerd://1.7.24").withOsImage("Debian GNU/Linux 12 (bookworm)")
        .withKernelVersion("6.8.0-51-generic").withOperatingSystem("linux").withArchitecture("amd64")
        .withMachineID(Seeding.suffix(name, 16)).withSystemUUID(Seeding.suffix(name + "uuid", 16))
        .withBootID(Seeding.suffix(name + "boot", 16)).endNodeInfo()
        .endStatus();
    if (gpus != null) {
      node.editMetadata().addToLabels("nvidia.com/gpu.present", "true")
          .addToLabels("nvidia.com/gpu.product", "NVIDIA-L4").endMetadata();
    }
    return node.build();
  }

  private List<NodeCondition> ready() {
    return List.of(
        condition("MemoryPressure", "False", "KubeletHasSufficientMemory",
            "kubelet has sufficient memory available", NODE_AGE),
        condition("DiskPressure", "False", "KubeletHasNoDiskPressure",
            "kubelet has no disk pressure", NODE_AGE),
        condition("PIDPressure", "False", "KubeletHasSufficientPID",
            "kubelet has sufficient PID available", NODE_AGE),
        condition("Ready", "True", "KubeletReady", "kubelet is posting ready status", NODE_AGE));
  }

  private List<NodeCondition> lost() {
    String message = "Kubelet stopped posting node status.";
    return List.of(
        condition("MemoryPressure", "Unknown", "NodeStatusUnknown", message, LOST_FOR),
        condition("DiskPressure", "Unknown", "NodeStatusUnknown", message, LOST_FOR),
        condition("PIDPressure", "Unknown", "NodeStatusUnknown", message, LOST_FOR),
        condition("Ready", "Unknown", "NodeStatusUnknown", message, LOST_FOR));
  }

  private NodeCondition condition(String type, String status, String reason, String message,
      Duration since) {
    return new NodeConditionBuilder().withType(type).withStatus(status).withReason(reason)
        .withMessage(message).withLastTransitionTime(seeding.ago(since))
        .withLastHeartbeatTime(seeding.ago(status.equals("Unknown") ? since.plusSeconds(40)
            : Duration.ofSeconds(20)))
        .build();
  }

  private static String podCidr(String node) {
    return switch (node) {
      case CONTROL_PLANE -> "10.244.0.0/24";
      case WORKER -> "10.244.1.0/24";
      default -> "10.244.2.0/24";
    };
  }
}
