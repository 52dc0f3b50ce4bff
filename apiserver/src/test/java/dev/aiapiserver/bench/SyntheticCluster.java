package dev.aiapiserver.bench;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.NodeConditionBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Draws a whole cluster from a seed: namespaces, nodes, workloads of every kind with their pods,
 * Services, Events, the objects the views read as causes ({@link SyntheticCauses}), and about 5% of
 * the pods broken by planted faults spread over every {@link FaultKind}. The same seed, shape and clock give the same objects.
 */
final class SyntheticCluster {
  /** Share of pods a planted fault breaks. */
  static final double FAULTY_POD_SHARE = 0.05;
  private static final List<String> TEAMS = List.of("checkout", "payments", "catalog", "search", "identity",
      "shipping", "analytics", "messaging", "billing", "media");

  private SyntheticCluster() {}

  static Scenario draw(ClusterShape shape, long seed, Instant now) {
    Dice dice = new Dice(seed);
    List<String> nodeNames = new ArrayList<>();
    for (int i = 1; i <= shape.nodes(); i++) {
      nodeNames.add(String.format("node-%02d", i));
    }
    Draft draft = new Draft(now, dice, nodeNames);
    List<String> namespaces = new ArrayList<>();
    for (int i = 0; i < shape.namespaces(); i++) {
      String ns = i < TEAMS.size() ? TEAMS.get(i) : TEAMS.get(i % TEAMS.size()) + "-" + (i / TEAMS.size());
      namespaces.add(ns);
      draft.add(new NamespaceBuilder().withMetadata(draft.meta(null, ns, Duration.ofDays(120),
          Workloads.ordered("kubernetes.io/metadata.name", ns)).build()).withNewSpec().withFinalizers("kubernetes")
          .endSpec().withNewStatus().withPhase("Active").endStatus().build());
    }
    for (int i = 0; i < nodeNames.size(); i++) {
      draft.add(node(draft, nodeNames.get(i), i));
    }
    List<List<Map.Entry<FaultKind, Integer>>> faults = assignFaults(shape, dice);
    SyntheticDeployments deployments = new SyntheticDeployments(draft);
    SyntheticControllers controllers = new SyntheticControllers(draft);
    SyntheticJobs jobs = new SyntheticJobs(draft);
    SyntheticCauses causes = new SyntheticCauses(seed, now, nodeNames);
    for (int i = 0; i < namespaces.size(); i++) {
      String ns = namespaces.get(i);
      List<String> services = new ArrayList<>();
      for (WorkloadPlan plan : NamespacePlan.draw(shape, faults.get(i), dice)) {
        draft.faultyPods.clear();
        switch (plan.kind()) {
          case "Deployment" -> {
            deployments.draw(ns, plan);
            boolean service = dice.chance(0.7);
            if (service) {
              controllers.service(ns, plan.name(), false);
              services.add(plan.name());
            }
            causes.deployment(ns, plan, service);
          }
          case "StatefulSet" -> {
            controllers.statefulSet(ns, plan);
            services.add(plan.name());
            causes.statefulSet(ns, plan);
          }
          case "DaemonSet" -> controllers.daemonSet(ns, plan);
          case "Job" -> jobs.job(ns, plan);
          case "CronJob" -> jobs.cronJob(ns, plan);
          case "Pod" -> controllers.barePod(ns, plan);
          default -> throw new IllegalStateException(plan.kind());
        }
        if (plan.fault() != null) {
          draft.faults.add(new PlantedFault(ns, plan.kind(), plan.name(), plan.fault(), List.copyOf(draft.faultyPods)));
        }
      }
      causes.namespace(ns, services, shape.podsPerNamespace());
    }
    List<HasMetadata> objects = new ArrayList<>(draft.objects);
    objects.addAll(causes.objects());
    return new Scenario(shape, seed, now, List.copyOf(objects), List.copyOf(draft.faults));
  }

  /**
   * Faults round-robin over namespaces and kinds until about 5% of all pods are broken, and every
   * kind is planted at least once.
   */
  private static List<List<Map.Entry<FaultKind, Integer>>> assignFaults(ClusterShape shape, Dice dice) {
    List<List<Map.Entry<FaultKind, Integer>>> perNamespace = new ArrayList<>();
    for (int i = 0; i < shape.namespaces(); i++) {
      perNamespace.add(new ArrayList<>());
    }
    FaultKind[] kinds = FaultKind.values();
    long target = Math.round(shape.pods() * FAULTY_POD_SHARE);
    int broken = 0;
    for (int j = 0; broken < target || j < kinds.length; j++) {
      FaultKind kind = kinds[j % kinds.length];
      int pods = dice.between(kind.fewestFaultyPods(), kind.mostFaultyPods());
      perNamespace.get(j % shape.namespaces()).add(Map.entry(kind, pods));
      broken += pods;
    }
    return perNamespace;
  }

  private static io.fabric8.kubernetes.api.model.Node node(Draft draft, String name, int index) {
    String since = draft.ago(Duration.ofDays(draft.dice.between(10, 100)));
    String heartbeat = draft.ago(Duration.ofSeconds(draft.dice.between(1, 40)));
    Map<String, Quantity> capacity = Workloads.ordered("cpu", new Quantity("8"), "ephemeral-storage",
        new Quantity("203056560Ki"), "memory", new Quantity("32827380Ki"), "pods", new Quantity("110"));
    Map<String, Quantity> allocatable = Workloads.ordered("cpu", new Quantity("7910m"), "ephemeral-storage",
        new Quantity("187136925387"), "memory", new Quantity("31676404Ki"), "pods", new Quantity("110"));
    return new NodeBuilder().withMetadata(draft.meta(null, name, Duration.ofDays(100), Workloads.ordered(
            "kubernetes.io/arch", "amd64", "kubernetes.io/hostname", name, "kubernetes.io/os", "linux",
            "node-role.kubernetes.io/worker", "", "topology.kubernetes.io/zone", "zone-" + (char) ('a' + index % 3)))
            .build())
        .withNewSpec().withPodCIDR("10.244." + index + ".0/24").withProviderID("example://" + name).endSpec()
        .withNewStatus().withCapacity(capacity).withAllocatable(allocatable)
        .withConditions(condition("MemoryPressure", "False", "KubeletHasSufficientMemory",
                "kubelet has sufficient memory available", since, heartbeat),
            condition("DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure", since,
                heartbeat),
            condition("PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available",
                since, heartbeat),
            condition("Ready", "True", "KubeletReady", "kubelet is posting ready status", since, heartbeat))
        .addNewAddress().withType("InternalIP").withAddress("10.0.0." + (10 + index)).endAddress()
        .addNewAddress().withType("Hostname").withAddress(name).endAddress()
        .withNewDaemonEndpoints().withNewKubeletEndpoint().withPort(10250).endKubeletEndpoint().endDaemonEndpoints()
        .withNewNodeInfo().withArchitecture("amd64").withBootID(draft.dice.uid()).withContainerRuntimeVersion(
            "containerd://1.7.22").withKernelVersion("6.1.0-26-amd64").withKubeProxyVersion("v1.33.1")
        .withKubeletVersion("v1.33.1").withMachineID(draft.dice.hex(32)).withOperatingSystem("linux")
        .withOsImage("Debian GNU/Linux 12 (bookworm)").withSystemUUID(draft.dice.uid()).endNodeInfo()
        .endStatus().build();
  }

  private static NodeCondition condition(String type, String status, String reason, String message, String since,
      String heartbeat) {
    return new NodeConditionBuilder().withType(type).withStatus(status).withReason(reason).withMessage(message)
        .withLastTransitionTime(since).withLastHeartbeatTime(heartbeat).build();
  }
}
