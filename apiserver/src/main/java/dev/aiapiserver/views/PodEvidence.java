package dev.aiapiserver.views;

import dev.aiapiserver.api.WorkloadSummary.Pods;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/** The pods of a workload, judged: counts for the record, findings worst first for the verdict. */
final class PodEvidence {
  static final int MAX_LISTED = 5;
  private static final List<String> PHASES = List.of("Pending", "Running", "Succeeded", "Failed", "Unknown");

  private final int total;
  private final Map<String, Integer> phases;
  private final int restarts;
  private final List<PodFinding> findings;
  private final boolean allCrashLooping;

  private PodEvidence(int total, Map<String, Integer> phases, int restarts, List<PodFinding> findings,
      boolean allCrashLooping) {
    this.total = total;
    this.phases = phases;
    this.restarts = restarts;
    this.findings = findings;
    this.allCrashLooping = allCrashLooping;
  }

  /**
   * Judges the pods.
   *
   * @param pods every pod of the workload (all are counted)
   * @param judged which of them may contribute findings (a CronJob judges only its latest runs)
   * @param events Warning events of the workload (those about a pod explain a pod stuck starting)
   */
  static PodEvidence of(List<Pod> pods, Predicate<Pod> judged, Map<String, Node> nodes, List<Event> events,
      Instant now, Redaction redaction) {
    Map<String, List<Event>> warningsPerPod = warningsPerPod(events);
    Map<String, Integer> phaseCounts = new HashMap<>();
    int restarts = 0;
    List<PodFinding> findings = new ArrayList<>();
    int live = 0;
    int crashLooping = 0;
    for (Pod pod : pods) {
      String phase = PodDiagnosis.phase(pod);
      phaseCounts.merge(phase, 1, Integer::sum);
      restarts += restartsOf(pod);
      if (!judged.test(pod)) {
        continue;
      }
      if (("Pending".equals(phase) || "Running".equals(phase)) && pod.getMetadata().getDeletionTimestamp() == null) {
        live++;
      }
      var finding = PodDiagnosis.of(pod, nodes, warningsAbout(pod, warningsPerPod, now), now, redaction);
      if (finding.isPresent()) {
        findings.add(finding.get());
        if (finding.get().crashLooping()) {
          crashLooping++;
        }
      }
    }
    findings.sort(PodFinding.WORST_FIRST);
    Map<String, Integer> ordered = new LinkedHashMap<>();
    for (String p : PHASES) {
      if (phaseCounts.containsKey(p)) {
        ordered.put(p, phaseCounts.remove(p));
      }
    }
    new TreeMap<>(phaseCounts).forEach(ordered::put);
    return new PodEvidence(pods.size(), Collections.unmodifiableMap(ordered), restarts, List.copyOf(findings),
        live > 0 && crashLooping >= live);
  }

  static PodEvidence of(List<Pod> pods, Map<String, Node> nodes, List<Event> events, Instant now,
      Redaction redaction) {
    return of(pods, p -> true, nodes, events, now, redaction);
  }

  Pods toPods() {
    List<PodFinding> listed = findings.subList(0, Math.min(MAX_LISTED, findings.size()));
    return new Pods(total, phases.isEmpty() ? null : phases, restarts,
        listed.isEmpty() ? null : listed.stream().map(PodFinding::toProblem).toList(),
        findings.size() - listed.size());
  }

  /** Every reason code found on any judged pod (not only the listed ones). */
  Set<Reason> reasons() {
    EnumSet<Reason> all = EnumSet.noneOf(Reason.class);
    findings.forEach(f -> all.addAll(f.codes()));
    return all;
  }

  PodFinding worst() {
    return findings.isEmpty() ? null : findings.get(0);
  }

  /** The worst pod that has a problem code (not one merely starting), or null. */
  PodFinding worstWithCode() {
    PodFinding w = worst();
    return w == null || w.codes().isEmpty() ? null : w;
  }

  boolean anyStarting() {
    return findings.stream().anyMatch(PodFinding::starting);
  }

  /** True when there are live pods and every one of them is crash-looping. */
  boolean allCrashLooping() {
    return allCrashLooping;
  }

  int total() {
    return total;
  }

  int unhealthy() {
    return (int) findings.stream().filter(f -> !f.codes().isEmpty()).count();
  }

  static int restartsOf(Pod pod) {
    if (pod.getStatus() == null) {
      return 0;
    }
    int sum = 0;
    for (List<ContainerStatus> list : List.of(
        nullToEmpty(pod.getStatus().getInitContainerStatuses()), nullToEmpty(pod.getStatus().getContainerStatuses()))) {
      for (ContainerStatus cs : list) {
        sum += cs.getRestartCount() == null ? 0 : cs.getRestartCount();
      }
    }
    return sum;
  }

  private static <T> List<T> nullToEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  /** The warnings about this pod, leaving out those about an earlier pod of the same name (StatefulSets reuse names). */
  private static PodWarnings warningsAbout(Pod pod, Map<String, List<Event>> warningsPerPod, Instant now) {
    List<Event> about = warningsPerPod.get(pod.getMetadata().getName());
    if (about == null) {
      return PodWarnings.NONE;
    }
    String podUid = pod.getMetadata().getUid();
    return new PodWarnings(about.stream().filter(e -> {
      String eventUid = e.getInvolvedObject().getUid();
      return eventUid == null || podUid == null || eventUid.equals(podUid);
    }).toList(), now);
  }

  private static Map<String, List<Event>> warningsPerPod(List<Event> events) {
    Map<String, List<Event>> perPod = new HashMap<>();
    for (Event e : events) {
      if (e.getInvolvedObject() == null || !"Pod".equals(e.getInvolvedObject().getKind())) {
        continue;
      }
      perPod.computeIfAbsent(e.getInvolvedObject().getName(), k -> new ArrayList<>()).add(e);
    }
    return perPod;
  }
}
