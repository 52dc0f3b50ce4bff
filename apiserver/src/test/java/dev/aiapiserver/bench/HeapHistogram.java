package dev.aiapiserver.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.management.ObjectName;

/**
 * The live objects per class (jcmd GC.class_histogram, which collects first), so that what a step
 * added to the heap can be told class by class: the profile behind the retained-heap figure.
 */
final class HeapHistogram {
  private final Map<String, Long> bytes = new HashMap<>();

  private HeapHistogram() {}

  static HeapHistogram take() throws Exception {
    String text = (String) ManagementFactory.getPlatformMBeanServer().invoke(
        new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
        new Object[] {new String[0]}, new String[] {String[].class.getName()});
    HeapHistogram h = new HeapHistogram();
    for (String line : text.lines().toList()) {
      String[] cells = line.trim().split("\\s+");
      // "   1:   123   4567   java.lang.String (java.base@17)"
      if (cells.length >= 4 && cells[0].endsWith(":")) {
        h.bytes.merge(cells[3], Long.parseLong(cells[2]), Long::sum);
      }
    }
    return h;
  }

  /** The classes that grew most from {@code before} to this one. */
  String growthSince(HeapHistogram before, int top) {
    List<Map.Entry<String, Long>> growth = new ArrayList<>();
    for (Map.Entry<String, Long> e : bytes.entrySet()) {
      growth.add(Map.entry(e.getKey(), e.getValue() - before.bytes.getOrDefault(e.getKey(), 0L)));
    }
    growth.sort(Map.Entry.<String, Long>comparingByValue().reversed());
    TextTable table = new TextTable("class", "retained growth (KiB)");
    growth.stream().limit(top).forEach(e -> table.row(e.getKey(), e.getValue() / 1024));
    return table.render();
  }
}
