package dev.aiapiserver.views;

import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sums of resource quantities (node capacity, allocatable), written back as Kubernetes quantities
 * a person reads at a glance: cpu in cores or millicores, byte amounts with a binary suffix,
 * everything else (pods, nvidia.com/gpu, ...) as a plain number.
 */
final class ResourceSums {
  private static final List<String> FIRST = List.of("cpu", "memory", "pods", "ephemeral-storage");
  private static final String[] BINARY = {"Ei", "Pi", "Ti", "Gi", "Mi", "Ki"};
  private static final BigDecimal KI = BigDecimal.valueOf(1024);

  private final Map<String, BigDecimal> totals = new TreeMap<>();

  void add(Map<String, Quantity> quantities) {
    if (quantities == null) {
      return;
    }
    quantities.forEach((name, q) -> {
      if (q == null) {
        return;
      }
      try {
        totals.merge(name, q.getNumericalAmount(), BigDecimal::add);
      } catch (ArithmeticException | NumberFormatException e) {
        // An unreadable quantity is left out of the sum rather than failing the view.
      }
    });
  }

  /** cpu, memory, pods, ephemeral-storage first, then the rest by name. */
  Map<String, String> rendered() {
    if (totals.isEmpty()) {
      return null;
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (String name : FIRST) {
      if (totals.containsKey(name)) {
        out.put(name, render(name, totals.get(name)));
      }
    }
    totals.forEach((name, value) -> out.putIfAbsent(name, render(name, value)));
    return out;
  }

  static String render(String name, BigDecimal value) {
    if (name.equals("cpu")) {
      return isWhole(value) ? plain(value) : plain(value.multiply(BigDecimal.valueOf(1000)).setScale(0, RoundingMode.CEILING)) + "m";
    }
    if (isBytes(name)) {
      return bytes(value);
    }
    return plain(value);
  }

  private static boolean isBytes(String name) {
    return name.equals("memory") || name.endsWith("storage") || name.startsWith("hugepages-");
  }

  private static String bytes(BigDecimal value) {
    BigDecimal unit = KI.pow(BINARY.length);
    for (String suffix : BINARY) {
      if (value.compareTo(unit) >= 0) {
        BigDecimal scaled = value.divide(unit, 1, RoundingMode.HALF_UP);
        BigDecimal exact = value.remainder(unit).signum() == 0 ? value.divide(unit) : null;
        return (exact != null ? plain(exact) : plain(scaled)) + suffix;
      }
      unit = unit.divide(KI);
    }
    return plain(value.setScale(0, RoundingMode.CEILING));
  }

  private static boolean isWhole(BigDecimal value) {
    return value.signum() == 0 || value.stripTrailingZeros().scale() <= 0;
  }

  private static String plain(BigDecimal value) {
    return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
  }
}
