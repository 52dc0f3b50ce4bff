package dev.aiapiserver.views;

import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStateWaiting;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Event;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * Reads one container status with the kubelet's warnings about it: the codes it earns, the word
 * the kubelet used and the most specific evidence. The current state says what the container is
 * doing; its last termination and the warnings say why, and they stay the same through each turn
 * of a crash loop, so the codes do too.
 */
final class ContainerReading {
  static final Set<String> STARTING = Set.of("ContainerCreating", "PodInitializing");
  /** Waiting reasons that are codes of their own. */
  private static final Set<String> WAITING_CODES = Set.of("CrashLoopBackOff", "ErrImagePull", "ImagePullBackOff",
      "CreateContainerConfigError", "CreateContainerError", "RunContainerError");
  /** Terminated reasons of a container the runtime could not start (containerd, dockershim): the message is the runtime's. */
  private static final Set<String> START_FAILURES = Set.of("StartError", "ContainerCannotRun");
  /** A kill this recent (memory, liveness probe) counts even if the container has since come back ready. */
  static final Duration RECENT_KILL = Duration.ofHours(1);

  private final ContainerStatus cs;
  private final boolean init;
  private final boolean initializing;
  private final PodWarnings warnings;
  private final Instant now;
  private final EnumSet<Reason> codes = EnumSet.noneOf(Reason.class);
  private String detail;
  private String message;
  private boolean starting;

  ContainerReading(ContainerStatus cs, boolean init, boolean initializing, PodWarnings warnings, Instant now) {
    this.cs = cs;
    this.init = init;
    this.initializing = initializing;
    this.warnings = warnings;
    this.now = now;
  }

  PodDiagnosis.ContainerFinding read() {
    ContainerStateWaiting waiting = cs.getState() == null ? null : cs.getState().getWaiting();
    ContainerStateTerminated terminated = cs.getState() == null ? null : cs.getState().getTerminated();
    boolean running = cs.getState() != null && cs.getState().getRunning() != null;
    if (waiting != null) {
      waiting(waiting);
    } else if (terminated != null) {
      terminated(terminated);
    } else if (running && initializing) {
      starting = true;
    } else if (running && warnings.restartBackOff(cs.getName()) != null && restarts() > 0) {
      // Between two crashes the container runs for a while: it is still the same crash loop.
      crashLoop(null);
    } else if (running && !ready()) {
      unready();
    }
    lastTermination();
    return new PodDiagnosis.ContainerFinding(cs, init, codes, detail, message, starting);
  }

  private void waiting(ContainerStateWaiting w) {
    String r = w.getReason();
    detail = r;
    message = w.getMessage();
    if (r == null || STARTING.contains(r)) {
      starting = true;
    } else if (!WAITING_CODES.contains(r)) {
      codes.add(Reason.NotReady);
    } else if ("CrashLoopBackOff".equals(r)) {
      crashLoop(w.getMessage());
    } else if ("ErrImagePull".equals(r) || "ImagePullBackOff".equals(r)) {
      imagePull(r, w.getMessage());
    } else {
      codes.add(Reason.valueOf(r));
    }
  }

  /**
   * The kubelet's event says the same in both halves of a loop, where its waiting message (with a
   * growing back-off) exists in one only.
   */
  private void crashLoop(String waitingMessage) {
    codes.add(Reason.CrashLoopBackOff);
    detail = "CrashLoopBackOff";
    Event backOff = warnings.restartBackOff(cs.getName());
    message = backOff != null ? backOff.getMessage() : waitingMessage;
  }

  /**
   * The kubelet alternates between ErrImagePull (a pull just failed) and ImagePullBackOff (waiting
   * to retry); its events remember both, so both codes are shown for the whole cycle, and the
   * evidence is the pull error, never the generic back-off line.
   */
  private void imagePull(String reason, String waitingMessage) {
    codes.add(Reason.valueOf(reason));
    Event failed = warnings.pullFailed(cs.getName());
    if (failed != null) {
      codes.add(Reason.ErrImagePull);
      detail = "ErrImagePull";
      message = failed.getMessage();
    } else {
      message = waitingMessage;
    }
    if (warnings.pullBackOff(cs.getName()) != null) {
      codes.add(Reason.ImagePullBackOff);
    }
  }

  private void terminated(ContainerStateTerminated t) {
    boolean failed = t.getExitCode() != null && t.getExitCode() != 0;
    if ("OOMKilled".equals(t.getReason())) {
      codes.add(Reason.OOMKilled);
    } else if (START_FAILURES.contains(t.getReason())) {
      codes.add(Reason.StartError);
      message = t.getMessage();
    } else if (failed) {
      codes.add(Reason.NotReady);
    }
    detail = t.getReason() != null ? t.getReason() : failed ? "Error" : "Completed";
  }

  /** Readiness probes run only once the startup probe passed, so their failure is about a started container. */
  private void unready() {
    Event probe = warnings.probeFailed(cs.getName(), "Readiness");
    if (probe != null && !Boolean.FALSE.equals(cs.getStarted())) {
      codes.add(Reason.ReadinessProbeFailed);
      detail = "ReadinessProbeFailed";
      message = probe.getMessage();
    } else {
      codes.add(Reason.NotReady);
      detail = "NotReady";
    }
  }

  /** Why the container last stopped, when that still matters: it is not ready, or it was recent. */
  private void lastTermination() {
    ContainerStateTerminated last = cs.getLastState() == null ? null : cs.getLastState().getTerminated();
    if (last == null || !(codes.contains(Reason.CrashLoopBackOff) || !ready() || recent(last))) {
      return;
    }
    if ("OOMKilled".equals(last.getReason())) {
      codes.add(Reason.OOMKilled);
      if (detail == null || "NotReady".equals(detail)) {
        detail = "OOMKilled";
      }
      return;
    }
    if (START_FAILURES.contains(last.getReason())) {
      codes.add(Reason.StartError);
      if (last.getMessage() != null) {
        message = last.getMessage();
      }
      return;
    }
    Event killer = probeKill(last);
    if (killer != null) {
      codes.add(killer.getMessage().startsWith("Liveness") ? Reason.LivenessProbeFailed : Reason.StartupProbeFailed);
      message = killer.getMessage();
      if (detail == null || "NotReady".equals(detail)) {
        detail = codes.contains(Reason.LivenessProbeFailed) ? "LivenessProbeFailed" : "StartupProbeFailed";
      }
    }
  }

  /**
   * The liveness or startup probe failure that made the kubelet kill the container: the newest
   * such warning, if it was seen no longer than the back-off memory before the termination.
   */
  private Event probeKill(ContainerStateTerminated last) {
    Event liveness = warnings.probeFailed(cs.getName(), "Liveness");
    Event startup = warnings.probeFailed(cs.getName(), "Startup");
    Event newest = liveness == null ? startup
        : startup == null ? liveness
        : PodWarnings.NEWEST.compare(liveness, startup) >= 0 ? liveness : startup;
    if (newest == null) {
      return null;
    }
    Instant finished = Rfc3339.parse(last.getFinishedAt());
    boolean near = finished == null
        || !EventDigest.lastSeen(newest).isBefore(finished.minus(PodWarnings.BACK_OFF_MEMORY));
    return near ? newest : null;
  }

  private boolean recent(ContainerStateTerminated last) {
    Instant finished = Rfc3339.parse(last.getFinishedAt());
    return finished != null && !finished.isBefore(now.minus(RECENT_KILL));
  }

  private boolean ready() {
    return Boolean.TRUE.equals(cs.getReady());
  }

  private int restarts() {
    return cs.getRestartCount() == null ? 0 : cs.getRestartCount();
  }
}
