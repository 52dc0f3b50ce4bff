package dev.aiapiserver.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.aiapiserver.api.WorkloadEvidence;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.MicroTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Warning events in full: core/v1 and events.k8s.io/v1 alike, one per reason and object, newest first. */
class WarningEventsTest {
  @Test
  void coreAndEventsApiEventsAreMergedCountedAndOrderedNewestFirst() {
    Event backOffEarly = core("BackOff", "Back-off restarting failed container app in pod web-1_shop(1a2b)", 3,
        "2026-12-07T08:00:00Z", "2026-12-07T08:05:00Z");
    Event backOffLate = core("BackOff", "Back-off restarting failed container app in pod web-1_shop(1a2b)", 4,
        "2026-12-07T08:06:00Z", "2026-12-07T08:10:00Z");
    // As the scheduler writes through events.k8s.io/v1: eventTime and a series, no count, no lastTimestamp.
    Event scheduling = new EventBuilder().withNewMetadata().withName("web-2.1").withNamespace("shop").endMetadata()
        .withType("Warning").withReason("FailedScheduling")
        .withMessage("0/3 nodes are available: 1 node(s) had untolerated taint {node.kubernetes.io/unreachable: },"
            + " 2 Insufficient memory. preemption: 0/3 nodes are available: 1 Preemption is not helpful for"
            + " scheduling, 2 No preemption victims found for incoming pod.")
        .withEventTime(new MicroTime("2026-12-07T08:01:00.000000Z"))
        .withNewSeries().withCount(6).withLastObservedTime(new MicroTime("2026-12-07T08:12:00.000000Z")).endSeries()
        .withReportingComponent("default-scheduler")
        .withNewInvolvedObject().withKind("Pod").withName("web-2").withNamespace("shop").endInvolvedObject().build();

    WorkloadEvidence.Events events = WarningEvents.of(List.of(backOffEarly, scheduling, backOffLate));

    assertEquals(List.of("FailedScheduling", "BackOff"), events.items().stream().map(WorkloadEvidence.Event::reason)
        .toList());
    WorkloadEvidence.Event first = events.items().get(0);
    assertEquals(6, first.count());
    assertEquals("2026-12-07T08:12:00Z", first.lastSeen());
    assertEquals("2026-12-07T08:01:00Z", first.firstSeen());
    assertEquals("default-scheduler", first.reportedBy());
    assertEquals(scheduling.getMessage(), first.message(), "in full, not clipped to the summary's 160 characters");
    WorkloadEvidence.Event backOff = events.items().get(1);
    assertEquals(7, backOff.count());
    assertEquals("2026-12-07T08:00:00Z", backOff.firstSeen());
    assertEquals("2026-12-07T08:10:00Z", backOff.lastSeen());
    assertEquals("kubelet", backOff.reportedBy());
  }

  private static Event core(String reason, String message, int count, String first, String last) {
    return new EventBuilder().withNewMetadata().withName("web-1." + count).withNamespace("shop").endMetadata()
        .withType("Warning").withReason(reason).withMessage(message).withCount(count)
        .withFirstTimestamp(first).withLastTimestamp(last).withNewSource().withComponent("kubelet").endSource()
        .withNewInvolvedObject().withKind("Pod").withName("web-1").withNamespace("shop").endInvolvedObject().build();
  }
}
