package dev.aiapiserver.views;

import io.fabric8.kubernetes.api.model.Event;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The Warning events about one pod, read the way the kubelet writes them: about a container when
 * their fieldPath says {@code spec.containers{name}} (or initContainers), else about the pod.
 * Events last about an hour in the cluster, so they remember what a container's current state
 * has already forgotten: the probe that killed it, the pull error behind a back-off.
 */
final class PodWarnings {
  /** Newest last; ties broken by content so that the choice does not depend on cache order. */
  static final Comparator<Event> NEWEST = Comparator.comparing(EventDigest::lastSeen)
      .thenComparing(e -> String.valueOf(e.getReason()))
      .thenComparing(e -> String.valueOf(e.getMessage()));
  /**
   * How long the kubelet remembers a container's restart back-off (twice its five-minute cap): a
   * container restarted within this time after a back-off is still in its crash loop, even while
   * it runs between two crashes.
   */
  static final Duration BACK_OFF_MEMORY = Duration.ofMinutes(10);

  static final PodWarnings NONE = new PodWarnings(List.of(), Instant.EPOCH);

  private final List<Event> events;
  private final Instant now;

  PodWarnings(List<Event> events, Instant now) {
    this.events = events;
    this.now = now;
  }

  /** The newest warning about the pod or any of its containers, or null. */
  Event newest() {
    return events.stream().max(NEWEST).orElse(null);
  }

  /**
   * The newest "Liveness probe failed: …" (or Readiness, Startup) warning about the container, as
   * the prober writes it ({@code "%s probe failed: %s"}, reason Unhealthy), or null.
   */
  Event probeFailed(String container, String probe) {
    return newest(container, e -> "Unhealthy".equals(e.getReason())
        && startsWith(e, probe + " probe failed:", probe + " probe errored"));
  }

  /** The newest {@code Failed to pull image "…": <error>} warning about the container, or null. */
  Event pullFailed(String container) {
    return newest(container, e -> "Failed".equals(e.getReason()) && startsWith(e, "Failed to pull image"));
  }

  /**
   * The newest sign that the kubelet backs off pulling the container's image, or null: its
   * {@code Back-off pulling image "…"} line is a Normal event (not cached), so the Warning it writes
   * when the container cannot start for it ({@code Failed: Error: ImagePullBackOff}) is the one read.
   */
  Event pullBackOff(String container) {
    return newest(container, e -> ("BackOff".equals(e.getReason()) && startsWith(e, "Back-off pulling image"))
        || ("Failed".equals(e.getReason()) && "Error: ImagePullBackOff".equals(e.getMessage())));
  }

  /** The kubelet's "Back-off restarting failed container" warning, if seen within its back-off memory. */
  Event restartBackOff(String container) {
    return newest(container, e -> "BackOff".equals(e.getReason())
        && startsWith(e, "Back-off restarting failed container")
        && namesContainerOrNone(e.getMessage(), container)
        && !EventDigest.lastSeen(e).isBefore(now.minus(BACK_OFF_MEMORY)));
  }

  private Event newest(String container, Predicate<Event> wanted) {
    Optional<Event> found = events.stream()
        .filter(e -> about(e, container))
        .filter(wanted)
        .max(NEWEST);
    return found.orElse(null);
  }

  /** True when the event is about this container, or about the pod without naming one. */
  static boolean about(Event e, String container) {
    String path = e.getInvolvedObject() == null ? null : e.getInvolvedObject().getFieldPath();
    if (path == null || path.isEmpty()) {
      return true;
    }
    int open = path.indexOf('{');
    return open < 0 || path.substring(open + 1, path.length() - (path.endsWith("}") ? 1 : 0)).equals(container);
  }

  /** Older kubelets wrote "Back-off restarting failed container", newer ones add the name. */
  private static boolean namesContainerOrNone(String message, String container) {
    String rest = message.substring("Back-off restarting failed container".length()).strip();
    return rest.isEmpty() || rest.equals(container) || rest.startsWith(container + " ");
  }

  private static boolean startsWith(Event e, String... prefixes) {
    String m = e.getMessage();
    if (m == null) {
      return false;
    }
    for (String p : prefixes) {
      if (m.startsWith(p)) {
        return true;
      }
    }
    return false;
  }
}
