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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Judges one pod: what, if anything, is wrong with it, and which container is at fault. */
final class PodDiagnosis {
  private static final Set<String> STARTING = Set.of("ContainerCreating", "PodInitializing");
  private static final Set<String> WAITING_CODES =
      Set.of("ImagePullBackOff", "ErrImagePull", "CreateContainerConfigError");
  /** An OOM kill this recent counts even if the container has since come back ready. */
  static final Duration RECENT_OOM = Duration.ofHours(1);

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
   * @param newestWarning the newest Warning event about this pod, or null
   */
  static Optional<PodFinding> of(Pod pod, Map<String, Node> nodes, Event newestWarning, Instant now,
      Redaction redaction) {
    return Optional.ofNullable(new PodDiagnosis(pod, nodes, now, redaction).judge(newestWarning));
  }

  static String phase(Pod pod) {
    PodStatus st = pod.getStatus();
    return st == null || st.getPhase() == null ? "Pending" : st.getPhase();
  }

  private PodFinding judge(Event newestWarning) {
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
    return containersOf(phase, nodeName, newestWarning);
  }

  private PodFinding containersOf(String phase, String nodeName, Event newestWarning) {
    boolean initialized = condition("Initialized").map(c -> "True".equals(c.getStatus())).orElse(false);
    EnumSet<Reason> codes = EnumSet.noneOf(Reason.class);
    ContainerFinding atFault = null;
    boolean starting = statuses(false).isEmpty();
    for (boolean init : List.of(true, false)) {
      for (ContainerStatus cs : statuses(init)) {
        // An init container still running before the pod is initialized is the pod on its way up.
        ContainerFinding f = ContainerFinding.of(cs, init && !initialized, now);
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
      if (message == null && atFault.codes().equals(EnumSet.of(Reason.NotReady)) && newestWarning != null) {
        // A running container that is not ready has no message of its own; the probe's warning says why.
        message = newestWarning.getMessage();
      }
      return new PodFinding(name(), nodeName, phase, cs.getName(), atFault.detail(),
          redaction.clean(message, FreeText.ITEM), restarts(), termination(cs), codes, false);
    }
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
    List<ContainerStatus> all = new ArrayList<>(statuses(true));
    all.addAll(statuses(false));
    for (ContainerStatus cs : all) {
      ContainerStateTerminated t = cs.getState() == null ? null : cs.getState().getTerminated();
      if (t != null && t.getExitCode() != null && t.getExitCode() != 0) {
        if ("OOMKilled".equals(t.getReason())) {
          codes.add(Reason.OOMKilled);
        }
        String detail = reason != null ? reason : t.getReason() != null ? t.getReason() : "Error";
        return new PodFinding(name(), nodeName, "Failed", cs.getName(), detail,
            redaction.clean(st.getMessage(), FreeText.ITEM), restarts(), termination(cs), codes, false);
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

  /** What one container status says. */
  record ContainerFinding(ContainerStatus status, EnumSet<Reason> codes, String detail, String message,
      boolean starting) {

    static ContainerFinding of(ContainerStatus cs, boolean initializing, Instant now) {
      EnumSet<Reason> codes = EnumSet.noneOf(Reason.class);
      String detail = null;
      String message = null;
      boolean starting = false;
      ContainerStateWaiting waiting = cs.getState() == null ? null : cs.getState().getWaiting();
      ContainerStateTerminated terminated = cs.getState() == null ? null : cs.getState().getTerminated();
      boolean running = cs.getState() != null && cs.getState().getRunning() != null;
      boolean ready = Boolean.TRUE.equals(cs.getReady());
      if (waiting != null) {
        String r = waiting.getReason();
        if ("CrashLoopBackOff".equals(r)) {
          codes.add(Reason.CrashLoopBackOff);
        } else if (r != null && WAITING_CODES.contains(r)) {
          codes.add(Reason.valueOf(r));
        } else if (r == null || STARTING.contains(r)) {
          starting = true;
        } else {
          codes.add(Reason.NotReady);
        }
        detail = r;
        message = waiting.getMessage();
      } else if (terminated != null) {
        boolean failed = terminated.getExitCode() != null && terminated.getExitCode() != 0;
        if ("OOMKilled".equals(terminated.getReason())) {
          codes.add(Reason.OOMKilled);
        } else if (failed) {
          codes.add(Reason.NotReady);
        }
        detail = terminated.getReason() != null ? terminated.getReason() : failed ? "Error" : "Completed";
      } else if (running && initializing) {
        starting = true;
      } else if (running && !ready) {
        codes.add(Reason.NotReady);
        detail = "NotReady";
      }
      if (recentOom(cs, ready, now)) {
        codes.add(Reason.OOMKilled);
        if (detail == null || "NotReady".equals(detail)) {
          detail = "OOMKilled";
        }
      }
      return new ContainerFinding(cs, codes, detail, message, starting);
    }

    private static boolean recentOom(ContainerStatus cs, boolean ready, Instant now) {
      ContainerStateTerminated last = cs.getLastState() == null ? null : cs.getLastState().getTerminated();
      if (last == null || !"OOMKilled".equals(last.getReason())) {
        return false;
      }
      if (!ready) {
        return true;
      }
      Instant finished = Rfc3339.parse(last.getFinishedAt());
      return finished != null && !finished.isBefore(now.minus(RECENT_OOM));
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
