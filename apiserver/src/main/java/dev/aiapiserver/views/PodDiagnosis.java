package dev.aiapiserver.views;

import dev.aiapiserver.api.WorkloadSummary.Termination;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStateWaiting;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Judges one pod: what, if anything, is wrong with it, and which container is at fault. */
final class PodDiagnosis {
  private final Pod pod;
  private final Map<String, Node> nodes;
  private final Instant now;
  private final Redaction redaction;

  private PodDiagnosis(Pod pod, Map<String, Node> nodes, Instant now, Redaction redaction) {
    this.pod = pod;
    this.nodes = nodes;
    this.now = now;
    this.redaction = redaction;
  }

  /**
   * The finding for a pod, or empty when the pod is fine (running and ready, succeeded, or going
   * away on a healthy node).
   *
   * @param warnings the Warning events about this pod
   */
  static Optional<PodFinding> of(Pod pod, Map<String, Node> nodes, PodWarnings warnings, Instant now,
      Redaction redaction) {
    return Optional.ofNullable(new PodDiagnosis(pod, nodes, now, redaction).judge(warnings));
  }

  static String phase(Pod pod) {
    PodStatus st = pod.getStatus();
    return st == null || st.getPhase() == null ? "Pending" : st.getPhase();
  }

  private PodFinding judge(PodWarnings warnings) {
    String phase = phase(pod);
    String nodeName = pod.getSpec() == null ? null : pod.getSpec().getNodeName();
    Node node = nodeName == null ? null : nodes.get(nodeName);
    boolean nodeDown = node != null && !NodeConditions.ready(node);
    if (pod.getMetadata().getDeletionTimestamp() != null && !nodeDown) {
      return null;
    }
    if ("Succeeded".equals(phase)) {
      return null;
    }
    if (nodeDown) {
      return podFault(phase, nodeName, EnumSet.of(Reason.NodeNotReady), "NodeNotReady",
          NodeConditions.notReadyWhy(node));
    }
    if ("Failed".equals(phase)) {
      return failed(nodeName);
    }
    Optional<PodCondition> unschedulable = condition("PodScheduled")
        .filter(c -> "False".equals(c.getStatus()) && "Unschedulable".equals(c.getReason()));
    if (unschedulable.isPresent()) {
      return podFault(phase, nodeName, EnumSet.of(Reason.Unschedulable), "Unschedulable",
          unschedulable.get().getMessage());
    }
    return containersOf(phase, nodeName, warnings);
  }

  private PodFinding containersOf(String phase, String nodeName, PodWarnings warnings) {
    boolean initialized = condition("Initialized").map(c -> "True".equals(c.getStatus())).orElse(false);
    EnumSet<Reason> codes = EnumSet.noneOf(Reason.class);
    ContainerFinding atFault = null;
    boolean starting = statuses(false).isEmpty();
    for (boolean init : List.of(true, false)) {
      for (ContainerStatus cs : statuses(init)) {
        // An init container still running before the pod is initialized is the pod on its way up.
        ContainerFinding f = ContainerFinding.of(cs, init, init && !initialized, warnings, now);
        starting |= f.starting();
        codes.addAll(f.codes());
        if (!f.codes().isEmpty() && (atFault == null || f.worseThan(atFault))) {
          atFault = f;
        }
      }
    }
    if ("Unknown".equals(phase)) {
      codes.add(Reason.NotReady);
      return podFault(phase, nodeName, codes, "Unknown", "the pod's node stopped reporting its status");
    }
    if (atFault != null) {
      ContainerStatus cs = atFault.status();
      String message = atFault.message();
      Event newestWarning = warnings.newest();
      if (message == null && atFault.codes().equals(EnumSet.of(Reason.NotReady)) && newestWarning != null) {
        // A running container that is not ready has no message of its own; the newest warning may say why.
        message = newestWarning.getMessage();
      }
      return new PodFinding(name(), nodeName, phase, cs.getName(), atFault.shownDetail(),
          redaction.clean(message, FreeText.ITEM), restarts(), termination(cs), codes, false);
    }
    Event newestWarning = warnings.newest();
    if (starting) {
      if (newestWarning != null && !(nodeName != null && "FailedScheduling".equals(newestWarning.getReason()))) {
        // A pod that stays on its way up while warnings pile up (FailedMount, FailedCreatePodSandBox) is stuck.
        return podFault(phase, nodeName, EnumSet.of(Reason.NotReady), newestWarning.getReason(),
            newestWarning.getMessage());
      }
      return new PodFinding(name(), nodeName, phase, null, startingDetail(), null, restarts(), null,
          EnumSet.noneOf(Reason.class), true);
    }
    Optional<PodCondition> unready = condition("Ready").filter(c -> "False".equals(c.getStatus()));
    if ("Running".equals(phase) && unready.isPresent()) {
      return podFault(phase, nodeName, EnumSet.of(Reason.NotReady), "NotReady", unready.get().getMessage());
    }
    return null;
  }

  private PodFinding failed(String nodeName) {
    PodStatus st = pod.getStatus();
    String reason = st.getReason();
    if ("Evicted".equals(reason)) {
      return podFault("Failed", nodeName, EnumSet.of(Reason.Evicted), "Evicted", st.getMessage());
    }
    if ("DeadlineExceeded".equals(reason)) {
      return podFault("Failed", nodeName, EnumSet.of(Reason.DeadlineExceeded), reason, st.getMessage());
    }
    EnumSet<Reason> codes = EnumSet.of(Reason.PodFailed);
    for (boolean init : List.of(true, false)) {
      for (ContainerStatus cs : statuses(init)) {
        ContainerStateTerminated t = cs.getState() == null ? null : cs.getState().getTerminated();
        if (t == null || t.getExitCode() == null || t.getExitCode() == 0) {
          continue;
        }
        String message = st.getMessage();
        if ("OOMKilled".equals(t.getReason())) {
          codes.add(Reason.OOMKilled);
        } else if ("StartError".equals(t.getReason()) || "ContainerCannotRun".equals(t.getReason())) {
          codes.add(Reason.StartError);
          message = t.getMessage() != null ? t.getMessage() : message;
        }
        String detail = reason != null ? reason : t.getReason() != null ? t.getReason() : "Error";
        return new PodFinding(name(), nodeName, "Failed", cs.getName(), init ? "Init:" + detail : detail,
            redaction.clean(message, FreeText.ITEM), restarts(), termination(cs), codes, false);
      }
    }
    return podFault("Failed", nodeName, codes, reason != null ? reason : "Failed", st.getMessage());
  }

  private PodFinding podFault(String phase, String nodeName, EnumSet<Reason> codes, String detail, String message) {
    return new PodFinding(name(), nodeName, phase, null, detail, redaction.clean(message, FreeText.ITEM),
        restarts(), null, codes, false);
  }

  private String startingDetail() {
    for (ContainerStatus cs : statuses(false)) {
      ContainerStateWaiting w = cs.getState() == null ? null : cs.getState().getWaiting();
      if (w != null && w.getReason() != null) {
        return w.getReason();
      }
    }
    return statuses(false).isEmpty() && pod.getSpec() != null && pod.getSpec().getNodeName() == null
        ? "Pending"
        : "ContainerCreating";
  }

  private String name() {
    return pod.getMetadata().getName();
  }

  private int restarts() {
    return PodEvidence.restartsOf(pod);
  }

  static Termination termination(ContainerStatus cs) {
    ContainerStateTerminated t = cs.getLastState() == null ? null : cs.getLastState().getTerminated();
    if (t == null && cs.getState() != null) {
      t = cs.getState().getTerminated();
    }
    // Never the termination message: that is the application's own output.
    return t == null ? null : new Termination(t.getExitCode(), t.getReason(), Rfc3339.normalize(t.getFinishedAt()));
  }

  private List<ContainerStatus> statuses(boolean init) {
    PodStatus st = pod.getStatus();
    List<ContainerStatus> list = st == null ? null : init ? st.getInitContainerStatuses() : st.getContainerStatuses();
    return list == null ? List.of() : list;
  }

  private Optional<PodCondition> condition(String type) {
    PodStatus st = pod.getStatus();
    if (st == null || st.getConditions() == null) {
      return Optional.empty();
    }
    return st.getConditions().stream().filter(c -> type.equals(c.getType())).findFirst();
  }

  /** What one container status says, read together with the kubelet's warnings about it. */
  record ContainerFinding(ContainerStatus status, boolean init, EnumSet<Reason> codes, String detail,
      String message, boolean starting) {

    static ContainerFinding of(ContainerStatus cs, boolean init, boolean initializing, PodWarnings warnings,
        Instant now) {
      return new ContainerReading(cs, init, initializing, warnings, now).read();
    }

    /** The reason as the pod shows it: an init container's is prefixed, as kubectl prints it (Init:CrashLoopBackOff). */
    String shownDetail() {
      return init && detail != null ? "Init:" + detail : detail;
    }

    boolean worseThan(ContainerFinding other) {
      int mine = codes.iterator().next().ordinal();
      int theirs = other.codes.iterator().next().ordinal();
      if (mine != theirs) {
        return mine < theirs;
      }
      return restartsOf(status) > restartsOf(other.status);
    }

    private static int restartsOf(ContainerStatus cs) {
      return cs.getRestartCount() == null ? 0 : cs.getRestartCount();
    }
  }
}
