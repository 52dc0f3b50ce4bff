package dev.aiapiserver.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What every synthetic workload shares: its labels, and maps that keep their order (Map.of's
 * order changes from one JVM to the next, which would change the bytes and tokens of a run).
 */
final class Workloads {
  private Workloads() {}

  static Map<String, String> labels(String namespace, String workload) {
    return ordered("app", workload, "app.kubernetes.io/name", workload.replaceAll("-\\d+$", ""),
        "app.kubernetes.io/part-of", namespace);
  }

  static <V> Map<String, V> ordered(Object... keysAndValues) {
    Map<String, V> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      @SuppressWarnings("unchecked")
      V v = (V) keysAndValues[i + 1];
      m.put((String) keysAndValues[i], v);
    }
    return m;
  }

  static Map<String, String> with(Map<String, String> labels, String key, String value) {
    Map<String, String> m = new LinkedHashMap<>(labels);
    m.put(key, value);
    return m;
  }
}
