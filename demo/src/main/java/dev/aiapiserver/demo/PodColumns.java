package dev.aiapiserver.demo;

import dev.aiapiserver.resources.Ages;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The pod columns as kubectl prints them from kube-apiserver's table (printPod): READY counts
 * running ready containers, STATUS is the most telling container reason (CrashLoopBackOff,
 * ImagePullBackOff, OOMKilled, ...) else the phase, RESTARTS adds how long ago the last one was.
 */
final class PodColumns {
  private PodColumns() {}

  static List<NativeTables.Column> all() {
    return List.of(
        NativeTables.column("Name", "string", 0, NativeTables::name),
        NativeTables.column("Ready", "string", 0, PodColumns::ready),
        NativeTables.column("Status", "string", 0, PodColumns::status),
        NativeTables.column("Restarts", "string", 0, PodColumns::restarts),
        NativeTables.column("Age", "string", 0, NativeTables::age),
        NativeTables.column("IP", "string", 1, pod -> orNone(pod.path("status").path("podIP").asString(""))),
        NativeTables.column("Node", "string", 1, pod -> orNone(pod.path("spec").path("nodeName").asString(""))),
        NativeTables.column("Nominated Node", "string", 1,
            pod -> orNone(pod.path("status").path("nominatedNodeName").asString(""))),
        NativeTables.column("Readiness Gates", "string", 1, pod -> "<none>"));
  }

  private static String ready(JsonNode pod) {
    int total = pod.path("spec").path("containers").size();
    int ready = 0;
    for (JsonNode status : pod.path("status").path("containerStatuses")) {
      if (status.path("ready").asBoolean(false) && status.path("state").has("running")) {
        ready++;
      }
    }
    return ready + "/" + total;
  }

  private static String status(JsonNode pod) {
    String reason = pod.path("status").path("reason").asString("");
    if (reason.isEmpty()) {
      reason = pod.path("status").path("phase").asString("");
    }
    boolean running = false;
    JsonNode statuses = pod.path("status").path("containerStatuses");
    for (int i = statuses.size() - 1; i >= 0; i--) {
      JsonNode state = statuses.get(i).path("state");
      String waiting = state.path("waiting").path("reason").asString("");
      String terminated = state.path("terminated").path("reason").asString("");
      if (!waiting.isEmpty()) {
        reason = waiting;
      } else if (state.has("terminated")) {
        reason = terminated.isEmpty()
            ? "ExitCode:" + state.path("terminated").path("exitCode").asInt() : terminated;
      } else if (statuses.get(i).path("ready").asBoolean(false) && state.has("running")) {
        running = true;
      }
    }
    if (reason.equals("Completed") && running) {
      reason = "Running";
    }
    if (pod.path("metadata").has("deletionTimestamp")) {
      reason = "Terminating";
    }
    return reason;
  }

  private static String restarts(JsonNode pod) {
    int restarts = 0;
    String last = "";
    for (JsonNode status : pod.path("status").path("containerStatuses")) {
      restarts += status.path("restartCount").asInt(0);
      String finished = status.path("lastState").path("terminated").path("finishedAt").asString("");
      if (finished.compareTo(last) > 0) {
        last = finished;
      }
    }
    return last.isEmpty() || restarts == 0 ? String.valueOf(restarts)
        : restarts + " (" + Ages.since(last) + " ago)";
  }

  static String orNone(String value) {
    return value == null || value.isEmpty() ? "<none>" : value;
  }
}
