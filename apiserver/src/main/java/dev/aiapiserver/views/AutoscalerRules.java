package dev.aiapiserver.views;

import dev.aiapiserver.api.WorkloadSummary.Autoscaler;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerCondition;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The workload's HorizontalPodAutoscaler (autoscaling/v2), as facts, and HPAAtMaxReplicas: the
 * autoscaler runs at {@code maxReplicas} and its controller says the metrics ask for more
 * ({@code ScalingLimited=True}, reason {@code TooManyReplicas}: "the desired replica count is more
 * than the maximum replica count"). The workload then serves with less capacity than its load
 * wants: Degraded, with current/desired/min/max as evidence.
 */
final class AutoscalerRules {
  private AutoscalerRules() {}

  /** What the autoscaler of the workload says, with the cause it adds, if any. */
  record Judged(Autoscaler autoscaler, Cause cause) {}

  static Optional<Judged> judge(WorkloadInputs in, Redaction redaction) {
    HasMetadata w = in.workload();
    String kind = WorkloadSummaries.kindOf(w);
    Optional<HorizontalPodAutoscaler> hpa = in.related().autoscalers().stream()
        .filter(h -> h.getSpec() != null && h.getSpec().getScaleTargetRef() != null
            && kind.equals(h.getSpec().getScaleTargetRef().getKind())
            && w.getMetadata().getName().equals(h.getSpec().getScaleTargetRef().getName()))
        .min(Comparator.comparing(h -> h.getMetadata().getName()));
    return hpa.map(h -> judge(h, redaction));
  }

  private static Judged judge(HorizontalPodAutoscaler h, Redaction redaction) {
    int min = h.getSpec().getMinReplicas() == null ? 1 : h.getSpec().getMinReplicas();
    Integer max = h.getSpec().getMaxReplicas();
    Integer current = h.getStatus() == null ? null : h.getStatus().getCurrentReplicas();
    Integer desired = h.getStatus() == null ? null : h.getStatus().getDesiredReplicas();
    List<HorizontalPodAutoscalerCondition> conditions = h.getStatus() == null || h.getStatus().getConditions() == null
        ? List.of() : h.getStatus().getConditions();
    Optional<HorizontalPodAutoscalerCondition> limited = condition(conditions, "ScalingLimited", "True");
    // what the controller says when it is stuck, else why it is limited
    Optional<HorizontalPodAutoscalerCondition> said = condition(conditions, "AbleToScale", "False")
        .or(() -> condition(conditions, "ScalingActive", "False")).or(() -> limited);
    String message = said.map(c -> c.getType() + " " + c.getStatus() + " " + c.getReason() + ": "
        + redaction.clean(c.getMessage(), FreeText.ITEM)).orElse(null);
    Autoscaler facts = new Autoscaler(h.getMetadata().getName(), min, max, current, desired, limited.isPresent(),
        message == null ? null : FreeText.clip(message, FreeText.ITEM));
    boolean atMax = limited.filter(c -> "TooManyReplicas".equals(c.getReason())).isPresent()
        && max != null && current != null && current >= max;
    if (!atMax) {
      return new Judged(facts, null);
    }
    String detail = "HPA " + h.getMetadata().getName() + " at max " + max + " (current " + current + ", desired "
        + desired + ", min " + min + "): "
        + redaction.clean(limited.get().getMessage(), FreeText.ITEM);
    return new Judged(facts, new Cause(Reason.HPAAtMaxReplicas, detail, false,
        Rfc3339.normalize(limited.get().getLastTransitionTime())));
  }

  private static Optional<HorizontalPodAutoscalerCondition> condition(List<HorizontalPodAutoscalerCondition> all,
      String type, String status) {
    return all.stream().filter(c -> type.equals(c.getType()) && status.equals(c.getStatus())).findFirst();
  }
}
