package dev.aiapiserver.certs;

import java.util.List;

/** The subject alternative names a serving certificate needs. */
public record ServingNames(List<String> dnsNames, List<String> ipAddresses) {
  public ServingNames {
    dnsNames = List.copyOf(dnsNames);
    ipAddresses = List.copyOf(ipAddresses);
  }

  /**
   * Names for a server reached through a Kubernetes Service, plus loopback for local use.
   * kube-apiserver dials an aggregated server with SNI {@code <service>.<namespace>.svc}, so that
   * name comes first (and becomes the common name); the other forms cover in-cluster clients that
   * use the short or fully qualified name.
   */
  public static ServingNames forService(String service, String namespace) {
    String svc = service + "." + namespace + ".svc";
    return new ServingNames(
        List.of(svc, service, service + "." + namespace, svc + ".cluster.local", "localhost"),
        List.of("127.0.0.1"));
  }
}
