package dev.aiapiserver.demo;

import static dev.aiapiserver.demo.NativeTables.column;
import static dev.aiapiserver.demo.PodColumns.orNone;

import dev.aiapiserver.resources.Ages;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Columns of the cluster-level and supporting kinds, as kube-apiserver's printers give them:
 * nodes (STATUS, ROLES, VERSION), services, namespaces, events, secrets and ConfigMaps (a count
 * of keys, never a value), and role bindings (the role they grant).
 */
final class ClusterColumns {
  private static final String ROLE_LABEL = "node-role.kubernetes.io/";

  private ClusterColumns() {}

  static List<NativeTables.Column> nodes() {
    return List.of(column("Name", "string", 0, NativeTables::name),
        column("Status", "string", 0, ClusterColumns::nodeStatus),
        column("Roles", "string", 0, ClusterColumns::roles),
        column("Age", "string", 0, NativeTables::age),
        column("Version", "string", 0,
            n -> n.path("status").path("nodeInfo").path("kubeletVersion").asString("")),
        column("Internal-IP", "string", 1, n -> address(n, "InternalIP")),
        column("External-IP", "string", 1, n -> address(n, "ExternalIP")),
        column("OS-Image", "string", 1,
            n -> n.path("status").path("nodeInfo").path("osImage").asString("")),
        column("Kernel-Version", "string", 1,
            n -> n.path("status").path("nodeInfo").path("kernelVersion").asString("")),
        column("Container-Runtime", "string", 1,
            n -> n.path("status").path("nodeInfo").path("containerRuntimeVersion").asString("")));
  }

  static List<NativeTables.Column> services() {
    return List.of(column("Name", "string", 0, NativeTables::name),
        column("Type", "string", 0, s -> s.path("spec").path("type").asString("")),
        column("Cluster-IP", "string", 0, s -> orNone(s.path("spec").path("clusterIP").asString(""))),
        column("External-IP", "string", 0, s -> "<none>"),
        column("Port(s)", "string", 0, ClusterColumns::ports),
        column("Age", "string", 0, NativeTables::age),
        column("Selector", "string", 1, s -> WorkloadColumns.labels(s.path("spec").path("selector"))));
  }

  static List<NativeTables.Column> namespaces() {
    return List.of(column("Name", "string", 0, NativeTables::name),
        column("Status", "string", 0, n -> n.path("status").path("phase").asString("Active")),
        column("Age", "string", 0, NativeTables::age));
  }

  static List<NativeTables.Column> events() {
    return List.of(column("Last Seen", "string", 0, e -> {
          String last = e.path("lastTimestamp").asString("");
          return last.isEmpty() ? "<unknown>" : Ages.since(last);
        }),
        column("Type", "string", 0, e -> e.path("type").asString("")),
        column("Reason", "string", 0, e -> e.path("reason").asString("")),
        column("Object", "string", 0, e -> e.path("involvedObject").path("kind").asString("")
            .toLowerCase(java.util.Locale.ROOT) + "/" + e.path("involvedObject").path("name").asString("")),
        column("Message", "string", 0, e -> e.path("message").asString("")));
  }

  static List<NativeTables.Column> secrets() {
    return List.of(column("Name", "string", 0, NativeTables::name),
        column("Type", "string", 0, s -> s.path("type").asString("Opaque")),
        column("Data", "integer", 0, s -> s.path("data").size()),
        column("Age", "string", 0, NativeTables::age));
  }

  static List<NativeTables.Column> configMaps() {
    return List.of(column("Name", "string", 0, NativeTables::name),
        column("Data", "integer", 0, c -> c.path("data").size() + c.path("binaryData").size()),
        column("Age", "string", 0, NativeTables::age));
  }

  static List<NativeTables.Column> bindings() {
    return List.of(column("Name", "string", 0, NativeTables::name),
        column("Role", "string", 0, b -> b.path("roleRef").path("kind").asString("") + "/"
            + b.path("roleRef").path("name").asString("")),
        column("Age", "string", 0, NativeTables::age),
        column("Users", "string", 1, b -> subjects(b, "User")),
        column("Groups", "string", 1, b -> subjects(b, "Group")),
        column("ServiceAccounts", "string", 1, b -> subjects(b, "ServiceAccount")));
  }

  private static String nodeStatus(JsonNode node) {
    String ready = "Unknown";
    for (JsonNode condition : node.path("status").path("conditions")) {
      if (condition.path("type").asString("").equals("Ready")) {
        ready = condition.path("status").asString("").equals("True") ? "Ready" : "NotReady";
      }
    }
    return node.path("spec").path("unschedulable").asBoolean(false)
        ? ready + ",SchedulingDisabled" : ready;
  }

  private static String roles(JsonNode node) {
    List<String> roles = new ArrayList<>();
    node.path("metadata").path("labels").properties().forEach(label -> {
      if (label.getKey().startsWith(ROLE_LABEL)) {
        roles.add(label.getKey().substring(ROLE_LABEL.length()));
      }
    });
    roles.sort(String::compareTo);
    return roles.isEmpty() ? "<none>" : String.join(",", roles);
  }

  private static String address(JsonNode node, String type) {
    for (JsonNode address : node.path("status").path("addresses")) {
      if (address.path("type").asString("").equals(type)) {
        return address.path("address").asString("");
      }
    }
    return "<none>";
  }

  private static String ports(JsonNode service) {
    List<String> ports = new ArrayList<>();
    service.path("spec").path("ports").forEach(p -> ports.add(p.path("port").asInt()
        + "/" + p.path("protocol").asString("TCP")));
    return ports.isEmpty() ? "<none>" : String.join(",", ports);
  }

  private static String subjects(JsonNode binding, String kind) {
    List<String> names = new ArrayList<>();
    binding.path("subjects").forEach(s -> {
      if (s.path("kind").asString("").equals(kind)) {
        names.add(kind.equals("ServiceAccount")
            ? s.path("namespace").asString("") + "/" + s.path("name").asString("")
            : s.path("name").asString(""));
      }
    });
    return names.isEmpty() ? "" : String.join(", ", names);
  }
}
