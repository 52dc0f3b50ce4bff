package dev.aiapiserver.views;

import dev.aiapiserver.api.WorkloadSummary.RelatedObject;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * PodDisruptionBudgets that cover the workload's pods and allow no disruption
 * ({@code status.disruptionsAllowed: 0}): a fact, not a reason. The workload may be perfectly
 * Healthy; what the fact says is that draining a node that runs one of its pods, and so a node
 * upgrade, will wait until the budget allows an eviction.
 */
final class DisruptionBudgetRules {
  static final String KIND = "PodDisruptionBudget";

  private DisruptionBudgetRules() {}

  static List<RelatedObject> judge(WorkloadInputs in, Map<String, String> podLabels) {
    if (podLabels == null || podLabels.isEmpty()) {
      return List.of();
    }
    List<RelatedObject> blocking = new ArrayList<>();
    in.related().disruptionBudgets().stream()
        .filter(b -> b.getSpec() != null && LabelSelectors.selects(b.getSpec().getSelector(), podLabels))
        .sorted(Comparator.comparing(b -> b.getMetadata().getName()))
        .forEach(b -> {
          PodDisruptionBudgetStatus st = b.getStatus();
          if (st != null && st.getDisruptionsAllowed() != null && st.getDisruptionsAllowed() == 0
              && st.getExpectedPods() != null && st.getExpectedPods() > 0) {
            blocking.add(new RelatedObject(KIND, b.getMetadata().getName(), "NoDisruptionsAllowed", message(b, st)));
          }
        });
    return blocking;
  }

  /** E.g. "0 disruptions allowed: 2 of 2 pods healthy, 2 required (minAvailable 2); node drains ... will wait". */
  private static String message(PodDisruptionBudget b, PodDisruptionBudgetStatus st) {
    StringBuilder s = new StringBuilder("0 disruptions allowed: ")
        .append(orZero(st.getCurrentHealthy())).append(" of ").append(st.getExpectedPods())
        .append(" pods healthy, ").append(orZero(st.getDesiredHealthy())).append(" required");
    String bound = bound("minAvailable", b.getSpec().getMinAvailable());
    if (bound == null) {
      bound = bound("maxUnavailable", b.getSpec().getMaxUnavailable());
    }
    if (bound != null) {
      s.append(" (").append(bound).append(')');
    }
    return s.append("; draining a node that runs one of these pods, and so a node upgrade, will wait").toString();
  }

  private static String bound(String name, IntOrString value) {
    if (value == null) {
      return null;
    }
    return name + " " + (value.getIntVal() != null ? value.getIntVal().toString() : value.getStrVal());
  }

  private static int orZero(Integer value) {
    return value == null ? 0 : value;
  }
}
