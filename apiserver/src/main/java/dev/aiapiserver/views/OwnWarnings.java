package dev.aiapiserver.views;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReference;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Warning events about the workload object itself (not its pods), for controllers that report only so. */
final class OwnWarnings {
  private OwnWarnings() {}

  /** The newest Warning event about the workload with one of the given reasons. */
  static Optional<Event> newest(HasMetadata workload, List<Event> events, Set<String> reasons) {
    return events.stream()
        .filter(e -> reasons.contains(e.getReason()) && about(e.getInvolvedObject(), workload))
        .max(Comparator.comparing(EventDigest::lastSeen).thenComparing(e -> String.valueOf(e.getMessage())));
  }

  /** FailedCreate from the workload's own events; only meaningful while it lacks pods. */
  static Cause failedCreate(HasMetadata workload, List<Event> events, Redaction redaction) {
    return newest(workload, events, Set.of("FailedCreate"))
        .map(e -> new Cause(Reason.FailedCreate, redaction.clean(e.getMessage(), FreeText.ITEM), false,
            Rfc3339.format(EventDigest.lastSeen(e))))
        .orElse(null);
  }

  static boolean about(ObjectReference ref, HasMetadata workload) {
    if (ref == null) {
      return false;
    }
    if (ref.getUid() != null && workload.getMetadata().getUid() != null) {
      return ref.getUid().equals(workload.getMetadata().getUid());
    }
    return Objects.equals(ref.getKind(), WorkloadSummaries.kindOf(workload))
        && Objects.equals(ref.getName(), workload.getMetadata().getName());
  }
}
