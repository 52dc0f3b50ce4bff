package dev.aiapiserver.bench;

import dev.aiapiserver.resources.Ages;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeAddress;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The meta.k8s.io/v1 Tables kube-apiserver sends when kubectl asks for {@code as=Table}: the same
 * columns and cell rules as its printers (k8s.io/kubernetes pkg/printers/internalversion), always
 * with the wide columns, which kubectl hides unless {@code -o wide}. The CRUD mock only knows JSON,
 * and without these kubectl would print NAME and AGE alone, which no real cluster shows.
 */
final class ServerSideTables {
  private record Column(String name, int priority) {}

  private static final List<Column> WORKLOAD_WIDE = List.of(new Column("Containers", 1), new Column("Images", 1),
      new Column("Selector", 1));
  private static final Map<String, List<Column>> COLUMNS = Map.of(
      "Pod", columns("Name", "Ready", "Status", "Restarts", "Age", "+IP", "+Node", "+Nominated Node",
          "+Readiness Gates"),
      "Deployment", with(columns("Name", "Ready", "Up-to-date", "Available", "Age"), WORKLOAD_WIDE),
      "ReplicaSet", with(columns("Name", "Desired", "Current", "Ready", "Age"), WORKLOAD_WIDE),
      "StatefulSet", columns("Name", "Ready", "Age", "+Containers", "+Images"),
      "DaemonSet", with(columns("Name", "Desired", "Current", "Ready", "Up-to-date", "Available", "Node Selector",
          "Age"), WORKLOAD_WIDE),
      "Job", with(columns("Name", "Status", "Completions", "Duration", "Age"), WORKLOAD_WIDE),
      "CronJob", with(columns("Name", "Schedule", "Timezone", "Suspend", "Active", "Last Schedule", "Age"),
          WORKLOAD_WIDE),
      "Event", columns("Last Seen", "Type", "Reason", "Object", "+Subobject", "+Source", "Message", "+First Seen",
          "+Count", "+Name"),
      "Node", columns("Name", "Status", "Roles", "Age", "Version", "+Internal-IP", "+External-IP", "+OS-Image",
          "+Kernel-Version", "+Container-Runtime"),
      "Service", columns("Name", "Type", "Cluster-IP", "External-IP", "Port(s)", "Age", "+Selector"));

  private ServerSideTables() {}

  static boolean knows(String kind) {
    return COLUMNS.containsKey(kind);
  }

  /** A Table of the objects, all of one kind. */
  static Map<String, Object> of(String kind, List<? extends HasMetadata> objects, String resourceVersion) {
    List<Map<String, Object>> columns = new ArrayList<>();
    for (Column c : COLUMNS.get(kind)) {
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("name", c.name());
      d.put("type", "string");
      d.put("format", c.name().equals("Name") ? "name" : "");
      d.put("description", "");
      d.put("priority", c.priority());
      columns.add(d);
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    for (HasMetadata o : objects) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("cells", cells(o));
      row.put("object", Map.of("kind", "PartialObjectMetadata", "apiVersion", "meta.k8s.io/v1",
          "metadata", o.getMetadata()));
      rows.add(row);
    }
    Map<String, Object> table = new LinkedHashMap<>();
    table.put("kind", "Table");
    table.put("apiVersion", "meta.k8s.io/v1");
    table.put("metadata", Map.of("resourceVersion", resourceVersion == null ? "" : resourceVersion));
    table.put("columnDefinitions", columns);
    table.put("rows", rows);
    return table;
  }

  private static List<Object> cells(HasMetadata o) {
    String age = Ages.since(o.getMetadata().getCreationTimestamp());
    String name = o.getMetadata().getName();
    if (o instanceof Pod p) {
      return pod(p, age);
    } else if (o instanceof Deployment d) {
      var s = d.getStatus();
      return with(List.of(name, n(s.getReadyReplicas()) + "/" + n(d.getSpec().getReplicas()), n(s.getUpdatedReplicas()),
          n(s.getAvailableReplicas()), age), workload(d.getSpec().getTemplate().getSpec(), d.getSpec().getSelector()));
    } else if (o instanceof ReplicaSet r) {
      var s = r.getStatus();
      return with(List.of(name, n(r.getSpec().getReplicas()), n(s.getReplicas()), n(s.getReadyReplicas()), age),
          workload(r.getSpec().getTemplate().getSpec(), r.getSpec().getSelector()));
    } else if (o instanceof StatefulSet s) {
      List<Object> w = workload(s.getSpec().getTemplate().getSpec(), null);
      return List.of(name, n(s.getStatus().getReadyReplicas()) + "/" + n(s.getSpec().getReplicas()), age, w.get(0),
          w.get(1));
    } else if (o instanceof DaemonSet d) {
      var s = d.getStatus();
      Map<String, String> selector = d.getSpec().getTemplate().getSpec().getNodeSelector();
      return with(List.of(name, n(s.getDesiredNumberScheduled()), n(s.getCurrentNumberScheduled()),
          n(s.getNumberReady()), n(s.getUpdatedNumberScheduled()), n(s.getNumberAvailable()),
          selector == null || selector.isEmpty() ? "<none>" : labels(selector), age),
          workload(d.getSpec().getTemplate().getSpec(), d.getSpec().getSelector()));
    } else if (o instanceof Job j) {
      return with(job(j, age), workload(j.getSpec().getTemplate().getSpec(), j.getSpec().getSelector()));
    } else if (o instanceof CronJob c) {
      var s = c.getStatus();
      return with(List.of(name, c.getSpec().getSchedule(), Objects.requireNonNullElse(c.getSpec().getTimeZone(), "<none>"),
          c.getSpec().getSuspend() == null ? "<unset>" : c.getSpec().getSuspend() ? "True" : "False",
          s == null || s.getActive() == null ? 0 : s.getActive().size(),
          s == null || s.getLastScheduleTime() == null ? "<none>" : Ages.since(s.getLastScheduleTime()), age),
          workload(c.getSpec().getJobTemplate().getSpec().getTemplate().getSpec(),
              c.getSpec().getJobTemplate().getSpec().getSelector()));
    } else if (o instanceof Event e) {
      return event(e);
    } else if (o instanceof Node n) {
      return node(n, age);
    } else if (o instanceof Service s) {
      return service(s, age);
    }
    throw new IllegalArgumentException(o.getKind());
  }

  /** printPod: the last container's waiting or terminated reason wins over the phase. */
  private static List<Object> pod(Pod p, String age) {
    var st = p.getStatus();
    String reason = st.getReason() != null && !st.getReason().isEmpty() ? st.getReason() : st.getPhase();
    int restarts = 0;
    int ready = 0;
    Instant lastRestart = null;
    List<ContainerStatus> statuses = st.getContainerStatuses() == null ? List.of() : st.getContainerStatuses();
    boolean hasRunning = false;
    for (int i = statuses.size() - 1; i >= 0; i--) {
      ContainerStatus c = statuses.get(i);
      restarts += n(c.getRestartCount());
      if (c.getLastState() != null && c.getLastState().getTerminated() != null) {
        Instant t = Instant.parse(c.getLastState().getTerminated().getFinishedAt());
        lastRestart = lastRestart == null || lastRestart.isBefore(t) ? t : lastRestart;
      }
      var state = c.getState();
      if (state.getWaiting() != null && state.getWaiting().getReason() != null) {
        reason = state.getWaiting().getReason();
      } else if (state.getTerminated() != null && state.getTerminated().getReason() != null) {
        reason = state.getTerminated().getReason();
      } else if (state.getTerminated() != null) {
        reason = "ExitCode:" + state.getTerminated().getExitCode();
      } else if (Boolean.TRUE.equals(c.getReady()) && state.getRunning() != null) {
        hasRunning = true;
        ready++;
      }
    }
    if ("Completed".equals(reason) && hasRunning) {
      reason = "Running";
    }
    String restartCell = restarts != 0 && lastRestart != null
        ? restarts + " (" + Ages.since(lastRestart.toString()) + " ago)" : String.valueOf(restarts);
    String ip = st.getPodIPs() == null || st.getPodIPs().isEmpty() ? "<none>" : st.getPodIPs().get(0).getIp();
    String node = p.getSpec().getNodeName() == null ? "<none>" : p.getSpec().getNodeName();
    return List.of(p.getMetadata().getName(), ready + "/" + p.getSpec().getContainers().size(), reason, restartCell,
        age, ip, node, "<none>", "<none>");
  }

  private static List<Object> job(Job j, String age) {
    var s = j.getStatus();
    String completions = n(s.getSucceeded()) + "/" + (j.getSpec().getCompletions() == null ? 1 : j.getSpec().getCompletions());
    String duration = "";
    if (s.getStartTime() != null) {
      Instant start = Instant.parse(s.getStartTime());
      Instant end = s.getCompletionTime() == null ? Instant.now() : Instant.parse(s.getCompletionTime());
      duration = Ages.since(Instant.now().minus(Duration.between(start, end)).toString());
    }
    List<String> conditions = s.getConditions() == null ? List.of()
        : s.getConditions().stream().filter(c -> "True".equals(c.getStatus())).map(c -> c.getType()).toList();
    String status = conditions.contains("Complete") ? "Complete" : conditions.contains("Failed") ? "Failed"
        : conditions.contains("Suspended") ? "Suspended" : conditions.contains("FailureTarget") ? "FailureTarget"
        : "Running";
    return List.of(j.getMetadata().getName(), status, completions, duration, age);
  }

  private static List<Object> event(Event e) {
    String first = e.getFirstTimestamp() == null ? "<unknown>" : Ages.since(e.getFirstTimestamp());
    String last = e.getLastTimestamp() == null ? first : Ages.since(e.getLastTimestamp());
    var o = e.getInvolvedObject();
    String target = o.getName() == null ? o.getKind().toLowerCase() : o.getKind().toLowerCase() + "/" + o.getName();
    String source = e.getSource() == null || e.getSource().getComponent() == null ? ""
        : e.getSource().getComponent() + (e.getSource().getHost() == null ? "" : ", " + e.getSource().getHost());
    return List.of(last, e.getType(), e.getReason(), target, o.getFieldPath() == null ? "" : o.getFieldPath(), source,
        e.getMessage() == null ? "" : e.getMessage().trim(), first, e.getCount() == null ? 1 : e.getCount(),
        e.getMetadata().getName());
  }

  private static List<Object> node(Node n, String age) {
    String ready = n.getStatus().getConditions().stream().filter(c -> "Ready".equals(c.getType()))
        .map(c -> "True".equals(c.getStatus()) ? "Ready" : "NotReady").findFirst().orElse("Unknown");
    if (Boolean.TRUE.equals(n.getSpec().getUnschedulable())) {
      ready += ",SchedulingDisabled";
    }
    String roles = n.getMetadata().getLabels().keySet().stream().filter(k -> k.startsWith("node-role.kubernetes.io/"))
        .map(k -> k.substring("node-role.kubernetes.io/".length())).sorted().collect(Collectors.joining(","));
    var info = n.getStatus().getNodeInfo();
    return List.of(n.getMetadata().getName(), ready, roles.isEmpty() ? "<none>" : roles, age, info.getKubeletVersion(),
        address(n, "InternalIP"), address(n, "ExternalIP"), info.getOsImage(), info.getKernelVersion(),
        info.getContainerRuntimeVersion());
  }

  private static String address(Node n, String type) {
    return n.getStatus().getAddresses().stream().filter(a -> type.equals(a.getType())).map(NodeAddress::getAddress)
        .findFirst().orElse("<none>");
  }

  private static List<Object> service(Service s, String age) {
    String ports = s.getSpec().getPorts().stream().map(p -> p.getPort() + "/" + p.getProtocol())
        .collect(Collectors.joining(","));
    return List.of(s.getMetadata().getName(), s.getSpec().getType(), s.getSpec().getClusterIP(), "<none>", ports, age,
        s.getSpec().getSelector() == null ? "<none>" : labels(s.getSpec().getSelector()));
  }

  private static List<Object> workload(PodSpec spec, LabelSelector selector) {
    String names = spec.getContainers().stream().map(Container::getName).collect(Collectors.joining(","));
    String images = spec.getContainers().stream().map(Container::getImage).collect(Collectors.joining(","));
    String sel = selector == null || selector.getMatchLabels() == null ? "<none>" : labels(selector.getMatchLabels());
    return List.of(names, images, sel);
  }

  private static String labels(Map<String, String> labels) {
    return new TreeMap<>(labels).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(","));
  }

  private static int n(Integer i) {
    return i == null ? 0 : i;
  }

  private static List<Column> columns(String... names) {
    List<Column> list = new ArrayList<>();
    for (String n : names) {
      list.add(n.startsWith("+") ? new Column(n.substring(1), 1) : new Column(n, 0));
    }
    return list;
  }

  private static <T> List<T> with(List<? extends T> a, List<? extends T> b) {
    List<T> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
