package dev.aiapiserver.bench;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** core/v1 Events as kubelet, scheduler and controllers record them. */
final class ClusterEvents {
  private final Instant now;
  private final Dice dice;

  ClusterEvents(Instant now, Dice dice) {
    this.now = now;
    this.dice = dice;
  }

  Event warning(HasMetadata about, String reason, String message, String component, String host, int count) {
    return event("Warning", about, reason, message, component, host, count);
  }

  Event normal(HasMetadata about, String reason, String message, String component, int count) {
    return event("Normal", about, reason, message, component, null, count);
  }

  private Event event(String type, HasMetadata about, String reason, String message, String component, String host,
      int count) {
    Instant last = now.minusSeconds(dice.between(5, 1500));
    Instant first = count == 1 ? last : last.minus(Duration.ofMinutes(dice.between(10, 55)));
    String namespace = about.getMetadata().getNamespace();
    return new EventBuilder().withNewMetadata().withName(about.getMetadata().getName() + "." + dice.hex(16))
        .withNamespace(namespace).withUid(dice.uid()).withResourceVersion(String.valueOf(dice.between(1000, 999999)))
        .withCreationTimestamp(at(first)).endMetadata()
        .withNewInvolvedObject().withApiVersion(about.getApiVersion()).withKind(about.getKind())
        .withName(about.getMetadata().getName()).withNamespace(namespace).withUid(about.getMetadata().getUid())
        .withResourceVersion(String.valueOf(dice.between(1000, 999999)))
        .withFieldPath(about.getKind().equals("Pod") && host != null ? "spec.containers{app}" : null)
        .endInvolvedObject()
        .withType(type).withReason(reason).withMessage(message).withCount(count)
        .withFirstTimestamp(at(first)).withLastTimestamp(at(last))
        .withNewSource().withComponent(component).withHost(host).endSource()
        .withReportingComponent(component).withReportingInstance(host == null ? "" : host)
        .build();
  }

  private static String at(Instant t) {
    return t.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
