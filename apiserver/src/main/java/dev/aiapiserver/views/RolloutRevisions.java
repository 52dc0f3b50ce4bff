package dev.aiapiserver.views;

import dev.aiapiserver.api.WorkloadSummary.Revision;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The revisions whose pods run side by side during a rollout, and the answer to an agent's first
 * question, "was it the deploy?": when pods of the new revision are in trouble while pods of an
 * older one still serve, the new revision is the broken one ({@link Reason#NewRevisionFailing}).
 * Each kind says which revision a pod belongs to (a Deployment by its ReplicaSet's revision, a
 * StatefulSet by the controller-revision-hash label, a DaemonSet by pod-template-generation).
 */
final class RolloutRevisions {
  /** Revision numbers (Deployment, DaemonSet), highest first; anything else after, by name. */
  static final Comparator<String> NUMBERS_NEWEST_FIRST = Comparator
      .comparingLong(RolloutRevisions::negatedNumber)
      .thenComparing(Comparator.naturalOrder());

  /** The new revision and at most two older ones are listed. */
  static final int MAX_LISTED = 3;

  private final List<Group> groups;
  private final Group updated;

  private RolloutRevisions(List<Group> groups, Group updated) {
    this.groups = groups;
    this.updated = updated;
  }

  /**
   * @param pods the workload's live pods (not being deleted)
   * @param revisionOf the revision a pod runs, or null when unknown
   * @param updatedRevision the revision being rolled out
   * @param order sorts revisions newest first
   * @param troubled pod names with a problem (from the pod evidence)
   */
  static RolloutRevisions of(List<Pod> pods, Function<Pod, String> revisionOf, String updatedRevision,
      Comparator<String> order, Set<String> troubled) {
    Map<String, Group> byRevision = new LinkedHashMap<>();
    for (Pod pod : pods) {
      if (pod.getMetadata().getDeletionTimestamp() != null || "Succeeded".equals(PodDiagnosis.phase(pod))) {
        continue;
      }
      String revision = revisionOf.apply(pod);
      if (revision != null) {
        byRevision.computeIfAbsent(revision, Group::new).add(pod, troubled.contains(pod.getMetadata().getName()));
      }
    }
    List<Group> groups = new ArrayList<>(byRevision.values());
    groups.sort(Comparator.comparing((Group g) -> g.revision, order));
    Group updated = updatedRevision == null ? null : byRevision.get(updatedRevision);
    if (updated != null) {
      groups.remove(updated);
      groups.add(0, updated);
    }
    return new RolloutRevisions(groups, updated);
  }

  private static long negatedNumber(String revision) {
    try {
      return -Long.parseLong(revision);
    } catch (NumberFormatException e) {
      return Long.MAX_VALUE;
    }
  }

  /**
   * How long a StatefulSet or DaemonSet rollout may go without creating a pod before it counts as
   * stalled: their controllers have no progress deadline, so the Deployment's default
   * ({@code progressDeadlineSeconds: 600}) stands in.
   */
  static final Duration STALL_DEADLINE = Duration.ofMinutes(10);

  /**
   * RolloutStalled, when a rollout is under way but its controller has created no pod for longer
   * than {@link #STALL_DEADLINE} (it waits for a pod that does not become ready), else null.
   */
  static Cause stalled(boolean inProgress, int updated, int desired, List<Pod> pods, Instant now) {
    if (!inProgress || updated >= desired) {
      return null;
    }
    Instant newest = pods.stream()
        .map(p -> Rfc3339.parse(p.getMetadata().getCreationTimestamp()))
        .filter(Objects::nonNull)
        .max(Comparator.naturalOrder())
        .orElse(null);
    if (newest == null || newest.isAfter(now.minus(STALL_DEADLINE))) {
      return null;
    }
    long minutes = Duration.between(newest, now).toMinutes();
    return new Cause(Reason.RolloutStalled, "no pod created for " + minutes + " minutes with " + updated + "/"
        + desired + " updated", false, Rfc3339.format(newest.plus(STALL_DEADLINE)));
  }

  /** A pod's revision from one of its labels (controller-revision-hash, pod-template-generation). */
  static Function<Pod, String> byLabel(String label) {
    return pod -> pod.getMetadata().getLabels() == null ? null : pod.getMetadata().getLabels().get(label);
  }

  /** Adds NewRevisionFailing to what was observed, when it applies. */
  void judge(Observed observed, Redaction redaction) {
    if (newRevisionFailing()) {
      observed.cause(new Cause(Reason.NewRevisionFailing, redaction.clean(detail(), FreeText.ITEM), false, null));
    }
  }

  /** True when pods of more than one revision run. */
  boolean mixed() {
    return groups.size() > 1;
  }

  /** The new revision's pods are in trouble while an older revision still has ready pods. */
  boolean newRevisionFailing() {
    return updated != null && updated.troubled > 0 && groups.stream().anyMatch(g -> g != updated && g.ready > 0);
  }

  /** The listed revisions (only while mixed), with the images that differ from the new revision's. */
  List<Revision> toRevisions() {
    if (!mixed()) {
      return null;
    }
    Group reference = updated != null ? updated : groups.get(0);
    List<Revision> listed = new ArrayList<>();
    for (Group g : groups.subList(0, Math.min(MAX_LISTED, groups.size()))) {
      Group other = g == reference ? groups.get(1) : reference;
      List<String> images = g.imagesDifferingFrom(other);
      listed.add(new Revision(g.revision, images.isEmpty() ? null : images, g.pods, g.ready, g == updated));
    }
    return listed;
  }

  /**
   * The evidence, e.g. {@code revision 7 has 0/1 ready (api 2.3.9 → 2.4.0) while revision 6
   * serves 3/3}.
   */
  String detail() {
    Group old = groups.stream().filter(g -> g != updated && g.ready > 0).findFirst().orElseThrow();
    List<String> changed = updated.changes(old);
    return "revision " + updated.revision + " has " + updated.ready + "/" + updated.pods + " ready ("
        + (changed.isEmpty() ? "same images" : String.join(", ", changed)) + ") while revision " + old.revision
        + " serves " + old.ready + "/" + old.pods;
  }

  /** "2.3.9 → 2.4.0" when only the tag changed (the full images are in rollout.revisions), else both in full. */
  static String change(String before, String after) {
    int colon = before.lastIndexOf(':');
    boolean tagged = colon > before.lastIndexOf('/') && !before.contains("@") && !after.contains("@");
    if (tagged && after.startsWith(before.substring(0, colon + 1))) {
      return before.substring(colon + 1) + " → " + after.substring(colon + 1);
    }
    return before + " → " + after;
  }

  /** The pods of one revision. */
  private static final class Group {
    final String revision;
    int pods;
    int ready;
    int troubled;
    Map<String, String> images;

    Group(String revision) {
      this.revision = revision;
    }

    void add(Pod pod, boolean inTrouble) {
      pods++;
      if (PodDiagnosis.ready(pod)) {
        ready++;
      }
      if (inTrouble) {
        troubled++;
      }
      if (images == null && pod.getSpec() != null && pod.getSpec().getContainers() != null) {
        images = new LinkedHashMap<>();
        for (Container c : pod.getSpec().getContainers()) {
          images.put(c.getName(), c.getImage());
        }
      }
    }

    List<String> imagesDifferingFrom(Group other) {
      List<String> out = new ArrayList<>();
      if (images != null) {
        images.forEach((name, image) -> {
          if (other.images == null || !Objects.equals(image, other.images.get(name))) {
            out.add(name + "=" + image);
          }
        });
      }
      return out;
    }

    /** "api 2.3.9 → 2.4.0" for each container whose image changed. */
    List<String> changes(Group old) {
      List<String> out = new ArrayList<>();
      if (images != null) {
        images.forEach((name, image) -> {
          String before = old.images == null ? null : old.images.get(name);
          if (!Objects.equals(image, before)) {
            out.add(name + " " + (before == null ? image + " (new container)" : change(before, image)));
          }
        });
      }
      return out;
    }
  }
}
