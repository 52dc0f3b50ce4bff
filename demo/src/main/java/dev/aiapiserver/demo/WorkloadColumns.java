package dev.aiapiserver.demo;

import static dev.aiapiserver.demo.NativeTables.column;
import static dev.aiapiserver.demo.PodColumns.orNone;

import dev.aiapiserver.resources.Ages;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/** The workload columns kube-apiserver's printers give (printDeployment, printJob, ...). */
final class WorkloadColumns {
  private WorkloadColumns() {}

  static List<NativeTables.Column> deployments() {
    return withTemplate(List.of(column("Name", "string", 0, NativeTables::name),
        column("Ready", "string", 0, d -> status(d, "readyReplicas") + "/" + spec(d, "replicas")),
        column("Up-to-date", "integer", 0, d -> status(d, "updatedReplicas")),
        column("Available", "integer", 0, d -> status(d, "availableReplicas")),
        column("Age", "string", 0, NativeTables::age)));
  }

  static List<NativeTables.Column> replicaSets() {
    return withTemplate(List.of(column("Name", "string", 0, NativeTables::name),
        column("Desired", "integer", 0, r -> spec(r, "replicas")),
        column("Current", "integer", 0, r -> status(r, "replicas")),
        column("Ready", "integer", 0, r -> status(r, "readyReplicas")),
        column("Age", "string", 0, NativeTables::age)));
  }

  static List<NativeTables.Column> statefulSets() {
    return withTemplate(List.of(column("Name", "string", 0, NativeTables::name),
        column("Ready", "string", 0, s -> status(s, "readyReplicas") + "/" + spec(s, "replicas")),
        column("Age", "string", 0, NativeTables::age)));
  }

  static List<NativeTables.Column> daemonSets() {
    return withTemplate(List.of(column("Name", "string", 0, NativeTables::name),
        column("Desired", "integer", 0, d -> status(d, "desiredNumberScheduled")),
        column("Current", "integer", 0, d -> status(d, "currentNumberScheduled")),
        column("Ready", "integer", 0, d -> status(d, "numberReady")),
        column("Up-to-date", "integer", 0, d -> status(d, "updatedNumberScheduled")),
        column("Available", "integer", 0, d -> status(d, "numberAvailable")),
        column("Node Selector", "string", 0,
            d -> labels(d.path("spec").path("template").path("spec").path("nodeSelector"))),
        column("Age", "string", 0, NativeTables::age)));
  }

  static List<NativeTables.Column> jobs() {
    return withTemplate(List.of(column("Name", "string", 0, NativeTables::name),
        column("Status", "string", 0, WorkloadColumns::jobStatus),
        column("Completions", "string", 0,
            j -> status(j, "succeeded") + "/" + j.path("spec").path("completions").asInt(1)),
        column("Duration", "string", 0, WorkloadColumns::jobDuration),
        column("Age", "string", 0, NativeTables::age)));
  }

  static List<NativeTables.Column> cronJobs() {
    return withTemplate(List.of(column("Name", "string", 0, NativeTables::name),
        column("Schedule", "string", 0, c -> c.path("spec").path("schedule").asString("")),
        column("Timezone", "string", 0, c -> orNone(c.path("spec").path("timeZone").asString(""))),
        column("Suspend", "boolean", 0, c -> c.path("spec").path("suspend").asBoolean(false)),
        column("Active", "integer", 0, c -> c.path("status").path("active").size()),
        column("Last Schedule", "string", 0, c -> {
          String last = c.path("status").path("lastScheduleTime").asString("");
          return last.isEmpty() ? "<none>" : Ages.since(last);
        }),
        column("Age", "string", 0, NativeTables::age)), "jobTemplate");
  }

  private static List<NativeTables.Column> withTemplate(List<NativeTables.Column> columns) {
    return withTemplate(columns, null);
  }

  /** The wide columns every workload printer adds: containers, images, selector. */
  private static List<NativeTables.Column> withTemplate(List<NativeTables.Column> columns,
      String jobTemplate) {
    List<NativeTables.Column> all = new ArrayList<>(columns);
    all.add(column("Containers", "string", 1, w -> containers(w, jobTemplate, "name")));
    all.add(column("Images", "string", 1, w -> containers(w, jobTemplate, "image")));
    all.add(column("Selector", "string", 1, w -> jobTemplate != null ? "<none>"
        : labels(w.path("spec").path("selector").path("matchLabels"))));
    return all;
  }

  private static String containers(JsonNode workload, String jobTemplate, String field) {
    JsonNode spec = jobTemplate == null ? workload.path("spec")
        : workload.path("spec").path(jobTemplate).path("spec");
    List<String> values = new ArrayList<>();
    spec.path("template").path("spec").path("containers")
        .forEach(c -> values.add(c.path(field).asString("")));
    return String.join(",", values);
  }

  private static String jobStatus(JsonNode job) {
    for (JsonNode condition : job.path("status").path("conditions")) {
      if (condition.path("status").asString("").equals("True")) {
        String type = condition.path("type").asString("");
        if (type.equals("Complete") || type.equals("Failed")) {
          return type;
        }
      }
    }
    return job.path("spec").path("suspend").asBoolean(false) ? "Suspended" : "Running";
  }

  private static String jobDuration(JsonNode job) {
    String start = job.path("status").path("startTime").asString("");
    if (start.isEmpty()) {
      return "";
    }
    String end = job.path("status").path("completionTime").asString("");
    Instant until = end.isEmpty() ? Instant.now() : Instant.parse(end);
    // kubectl's human duration, as Ages words an age that long
    return Ages.since(Instant.now().minus(Duration.between(Instant.parse(start), until)).toString());
  }

  static String labels(JsonNode map) {
    if (map == null || map.isMissingNode() || map.isEmpty()) {
      return "<none>";
    }
    Map<String, String> sorted = new TreeMap<>();
    map.properties().forEach(e -> sorted.put(e.getKey(), e.getValue().asString("")));
    List<String> pairs = new ArrayList<>();
    sorted.forEach((k, v) -> pairs.add(k + "=" + v));
    return String.join(",", pairs);
  }

  private static int spec(JsonNode object, String field) {
    return object.path("spec").path(field).asInt(0);
  }

  private static int status(JsonNode object, String field) {
    return object.path("status").path(field).asInt(0);
  }
}
