package dev.aiapiserver.demo;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import java.util.Map;

/** Services that select a workload's pods by its {@code app} label, as most charts write them. */
final class Services {
  private final Seeding seeding;

  Services(Seeding seeding) {
    this.seeding = seeding;
  }

  void clusterIp(String namespace, String app, int port, int targetPort, String clusterIp) {
    seeding.create(new ServiceBuilder()
        .withNewMetadata().withName(app).withNamespace(namespace).addToLabels("app", app)
        .endMetadata()
        .withNewSpec().withType("ClusterIP").withClusterIP(clusterIp).withClusterIPs(clusterIp)
        .withSelector(Map.of("app", app))
        .addNewPort().withName("http").withProtocol("TCP").withPort(port)
        .withTargetPort(new IntOrString(targetPort)).endPort()
        .withSessionAffinity("None").endSpec()
        .build());
  }

  /** A headless Service, as a StatefulSet's serviceName needs. */
  void headless(String namespace, String app, int port) {
    seeding.create(new ServiceBuilder()
        .withNewMetadata().withName(app).withNamespace(namespace).addToLabels("app", app)
        .endMetadata()
        .withNewSpec().withType("ClusterIP").withClusterIP("None").withClusterIPs("None")
        .withSelector(Map.of("app", app))
        .addNewPort().withName("tcp").withProtocol("TCP").withPort(port)
        .withTargetPort(new IntOrString(port)).endPort()
        .withPublishNotReadyAddresses(true).withSessionAffinity("None").endSpec()
        .build());
  }
}
