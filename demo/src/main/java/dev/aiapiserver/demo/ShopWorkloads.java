package dev.aiapiserver.demo;

import static dev.aiapiserver.demo.Workloads.container;
import static dev.aiapiserver.demo.Workloads.deploymentStatus;
import static dev.aiapiserver.demo.Workloads.template;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import java.time.Duration;
import java.util.Map;

/**
 * The shop namespace: a healthy storefront (whose template is full of secrets that must never
 * leave the server), a cart in the middle of a rollout, a checkout that is OOM-killed over and
 * over, recommendations stuck on an image that does not exist, and orders, whose new revision
 * crashes at start while the previous one still serves.
 */
final class ShopWorkloads {
  static final String NAMESPACE = "shop";

  private final Workloads workloads;
  private final Seeding seeding;
  private final PodStates states;

  ShopWorkloads(Workloads workloads) {
    this.workloads = workloads;
    this.seeding = workloads.seeding();
    this.states = new PodStates(seeding);
  }

  void seed() {
    SecretCanaries.seedShop(seeding);
    web();
    cart();
    checkout();
    recommendations();
    orders();
    Services services = new Services(seeding);
    services.clusterIp(NAMESPACE, "web", 80, 8080, "10.96.41.17");
    services.clusterIp(NAMESPACE, "cart", 80, 8080, "10.96.41.52");
    services.clusterIp(NAMESPACE, "checkout", 80, 8080, "10.96.118.3");
    services.clusterIp(NAMESPACE, "recommendations", 80, 8080, "10.96.7.201");
  }

  private void web() {
    PodTemplateSpec template = template(Map.of("app", "web", "tier", "frontend"),
        SecretCanaries.leakyContainer(container("web", "nginx:1.27.3", "100m", "128Mi", "256Mi")));
    Duration age = Duration.ofDays(6);
    Deployment web = workloads.deployment(NAMESPACE, "web", 3, template, 1,
        Map.of("kubectl.kubernetes.io/last-applied-configuration",
            SecretCanaries.lastApplied(NAMESPACE, "web", template)),
        deploymentStatus(1, 3, 3, 3, workloads.available(age), workloads.progressed("web", 1, age)));
    ReplicaSet rs = workloads.replicaSet(web, 1, template, 3, 3);
    for (int i = 0; i < 3; i++) {
      workloads.pod(rs, rs.getSpec().getTemplate(), Workloads.generatedName(rs, i),
          i == 1 ? ScenarioNodes.CONTROL_PLANE : ScenarioNodes.WORKER, Map.of(),
          (spec, ip) -> states.ready(spec, ip, age));
    }
  }

  private void cart() {
    PodTemplateSpec v1 = template(Map.of("app", "cart", "tier", "backend"),
        container("cart", "registry.example.com/shop/cart:1.4.2", "200m", "256Mi", "512Mi"));
    PodTemplateSpec v2 = template(Map.of("app", "cart", "tier", "backend"),
        container("cart", "registry.example.com/shop/cart:1.5.0", "200m", "256Mi", "512Mi"));
    Duration rolloutStarted = Duration.ofMinutes(3);
    Deployment cart = workloads.deployment(NAMESPACE, "cart", 4, v2, 2, Map.of(),
        deploymentStatus(2, 4, 2, 3, workloads.available(Duration.ofDays(9)),
            workloads.progressing("cart", 2, rolloutStarted)));
    ReplicaSet old = workloads.replicaSet(cart, 1, v1, 2, 2);
    ReplicaSet current = workloads.replicaSet(cart, 2, v2, 2, 1);
    for (int i = 0; i < 2; i++) {
      workloads.pod(old, old.getSpec().getTemplate(), Workloads.generatedName(old, i),
          ScenarioNodes.WORKER, Map.of(), (spec, ip) -> states.ready(spec, ip, Duration.ofDays(9)));
    }
    workloads.pod(current, current.getSpec().getTemplate(), Workloads.generatedName(current, 0),
        ScenarioNodes.CONTROL_PLANE, Map.of(),
        (spec, ip) -> states.ready(spec, ip, rolloutStarted.minusSeconds(20)));
    // The newest pod has started but its readiness probe has not passed yet.
    workloads.pod(current, current.getSpec().getTemplate(), Workloads.generatedName(current, 1),
        ScenarioNodes.WORKER, Map.of(),
        (spec, ip) -> states.starting(spec, ip, Duration.ofSeconds(25)));
  }

  private void checkout() {
    PodTemplateSpec template = template(Map.of("app", "checkout", "tier", "backend"),
        container("checkout", "registry.example.com/shop/checkout:2.3.1", "250m", "256Mi", "256Mi"));
    Duration age = Duration.ofHours(5);
    Deployment checkout = workloads.deployment(NAMESPACE, "checkout", 2, template, 1, Map.of(),
        deploymentStatus(1, 2, 2, 0, workloads.unavailable(Duration.ofHours(4)),
            workloads.progressed("checkout", 1, age)));
    ReplicaSet rs = workloads.replicaSet(checkout, 1, template, 2, 0);
    int[] restarts = {17, 16};
    for (int i = 0; i < 2; i++) {
      int restartCount = restarts[i];
      Pod pod = workloads.pod(rs, rs.getSpec().getTemplate(), Workloads.generatedName(rs, i),
          i == 0 ? ScenarioNodes.WORKER : ScenarioNodes.CONTROL_PLANE, Map.of(),
          (spec, ip) -> states.crashLooping(spec, ip, age, restartCount, PodStates.OOM_KILLED,
              PodStates.OOM_EXIT_CODE, Duration.ofSeconds(70 + 40L * restartCount % 90)));
      seeding.warning(pod, "spec.containers{checkout}", "BackOff",
          "Back-off restarting failed container checkout in pod " + pod.getMetadata().getName()
              + "_shop(" + pod.getMetadata().getUid() + ")",
          14 * restartCount, Duration.ofHours(4), Duration.ofSeconds(30 + 10L * i),
          "kubelet", pod.getSpec().getNodeName());
      if (i == 0) {
        SecretCanaries.preStopHookFailed(seeding, pod, "checkout");
      }
    }
  }

  /** Revision 3 (orders:3.2.0) crash-loops at start-up; revision 2 (orders:3.1.4) still serves two pods. */
  private void orders() {
    PodTemplateSpec v2 = template(Map.of("app", "orders", "tier", "backend"),
        container("orders", "registry.example.com/shop/orders:3.1.4", "250m", "384Mi", "512Mi"));
    PodTemplateSpec v3 = template(Map.of("app", "orders", "tier", "backend"),
        container("orders", "registry.example.com/shop/orders:3.2.0", "250m", "384Mi", "512Mi"));
    Duration rolloutStarted = Duration.ofMinutes(12);
    Deployment orders = workloads.deployment(NAMESPACE, "orders", 2, v3, 3, Map.of(),
        deploymentStatus(3, 3, 1, 2, workloads.available(Duration.ofDays(2)),
            workloads.progressing("orders", 3, rolloutStarted)));
    ReplicaSet previous = workloads.replicaSet(orders, 2, v2, 2, 2);
    ReplicaSet current = workloads.replicaSet(orders, 3, v3, 1, 0);
    for (int i = 0; i < 2; i++) {
      workloads.pod(previous, previous.getSpec().getTemplate(), Workloads.generatedName(previous, i),
          ScenarioNodes.WORKER, Map.of(), (spec, ip) -> states.ready(spec, ip, Duration.ofDays(2)));
    }
    Pod crashing = workloads.pod(current, current.getSpec().getTemplate(), Workloads.generatedName(current, 0),
        ScenarioNodes.CONTROL_PLANE, Map.of(), (spec, ip) -> states.crashLooping(spec, ip, rolloutStarted, 6, "Error",
            1, Duration.ofSeconds(95)));
    seeding.warning(crashing, "spec.containers{orders}", "BackOff", "Back-off restarting failed container orders in pod "
        + crashing.getMetadata().getName() + "_shop(" + crashing.getMetadata().getUid() + ")",
        27, rolloutStarted, Duration.ofSeconds(20), "kubelet", crashing.getSpec().getNodeName());
  }

  private void recommendations() {
    String image = "registry.example.com/shop/recommendations:v2.0.1";
    PodTemplateSpec template = template(Map.of("app", "recommendations", "tier", "backend"),
        container("recommendations", image, "500m", "512Mi", "1Gi"));
    Duration age = Duration.ofMinutes(14);
    Deployment deployment = workloads.deployment(NAMESPACE, "recommendations", 1, template, 1,
        Map.of(), deploymentStatus(1, 1, 1, 0, workloads.unavailable(age),
            workloads.progressing("recommendations", 1, age)));
    ReplicaSet rs = workloads.replicaSet(deployment, 1, template, 1, 0);
    Pod pod = workloads.pod(rs, rs.getSpec().getTemplate(), Workloads.generatedName(rs, 0),
        ScenarioNodes.WORKER, Map.of(), (spec, ip) -> states.imagePullBackOff(spec, ip, age));
    String field = "spec.containers{recommendations}";
    String node = pod.getSpec().getNodeName();
    seeding.warning(pod, field, "Failed", "Failed to pull image \"" + image + "\": rpc error: code"
        + " = NotFound desc = failed to pull and unpack image \"" + image + "\": failed to"
        + " resolve reference \"" + image + "\": " + image + ": not found",
        7, age, Duration.ofMinutes(2), "kubelet", node);
    seeding.warning(pod, field, "BackOff", "Back-off pulling image \"" + image + "\"",
        58, age, Duration.ofSeconds(15), "kubelet", node);
  }
}
