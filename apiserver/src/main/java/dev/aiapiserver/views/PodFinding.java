package dev.aiapiserver.views;

import dev.aiapiserver.api.WorkloadSummary.PodProblem;
import dev.aiapiserver.api.WorkloadSummary.Termination;
import java.util.Comparator;
import java.util.Set;

/**
 * What is wrong with one pod.
 *
 * @param pod pod name
 * @param node node name, or null when not scheduled
 * @param phase pod phase
 * @param container the container at fault, or null when the fault is the pod's (scheduling, node)
 * @param detail the most specific reason as the kubelet or scheduler put it (e.g. ContainerCreating,
 *     InvalidImageName), which may be finer than the codes
 * @param message evidence text, scrubbed and clipped
 * @param restarts restarts of the container at fault, or of the pod when no container is at fault
 * @param lastTermination last termination of the container at fault
 * @param codes reason codes found on this pod, empty for a pod that is merely starting
 * @param starting true when the pod is on its way up with no sign of trouble
 */
record PodFinding(
    String pod,
    String node,
    String phase,
    String container,
    String detail,
    String message,
    int restarts,
    Termination lastTermination,
    Set<Reason> codes,
    boolean starting) {

  /**
   * Worst first: most severe code (a pod merely starting last), then most restarts, then the most
   * recent termination (the freshest evidence), then by name.
   */
  static final Comparator<PodFinding> WORST_FIRST =
      Comparator.comparingInt(PodFinding::rank)
          .thenComparing(Comparator.comparingInt(PodFinding::restarts).reversed())
          .thenComparing(PodFinding::finishedAt, Comparator.nullsLast(Comparator.reverseOrder()))
          .thenComparing(PodFinding::pod);

  Reason worst() {
    return codes.stream().min(Comparator.naturalOrder()).orElse(null);
  }

  boolean crashLooping() {
    return codes.contains(Reason.CrashLoopBackOff);
  }

  /** The kubelet's back-off lines say that it waits, not why: the restarts and last exit say more. */
  private static boolean saysOnlyBackOff(String message) {
    return message.regionMatches(true, 0, "back-off ", 0, "back-off ".length())
        && !message.regionMatches(true, 0, "back-off pulling", 0, "back-off pulling".length());
  }

  private String finishedAt() {
    return lastTermination == null ? null : lastTermination.finishedAt();
  }

  private int rank() {
    Reason w = worst();
    return w == null ? Reason.values().length : w.ordinal();
  }

  PodProblem toProblem() {
    return new PodProblem(pod, node, phase, container, detail, message, restarts, lastTermination);
  }

  /** The evidence as a phrase, e.g. "pod web-1 container api CrashLoopBackOff, 12 restarts, last exit 137 OOMKilled". */
  /** The phrase, with the quoted message cut (head … tail) to at most maxMessage characters. */
  String phrase(int maxMessage) {
    StringBuilder s = new StringBuilder("pod ").append(pod);
    if (container != null) {
      s.append(" container ").append(container);
    }
    s.append(' ').append(detail);
    boolean quoteMessage = message != null && !saysOnlyBackOff(message);
    if (quoteMessage) {
      s.append(": ").append(FreeText.clip(message, maxMessage));
    }
    if (restarts > 0) {
      s.append(quoteMessage ? "; " : ", ").append(restarts).append(restarts == 1 ? " restart" : " restarts");
    }
    if (lastTermination != null && lastTermination.exitCode() != null) {
      s.append(", last exit ").append(lastTermination.exitCode());
      if (lastTermination.reason() != null) {
        s.append(' ').append(lastTermination.reason());
      }
    }
    return s.toString();
  }
}
