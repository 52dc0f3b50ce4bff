package dev.aiapiserver.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.management.ObjectName;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * A JDK Flight Recorder profile of one step: execution samples of every thread, summed by the
 * method on top of the stack (self time) and by the first frame of ours or of a library in it.
 */
final class JfrProfile implements AutoCloseable {
  private static final ObjectName DIAGNOSTICS;

  static {
    try {
      DIAGNOSTICS = new ObjectName("com.sun.management:type=DiagnosticCommand");
    } catch (Exception e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final String name;
  private final Path file;

  private JfrProfile(String name, Path file) {
    this.name = name;
    this.file = file;
  }

  static JfrProfile start(String name) throws Exception {
    Path file = Files.createTempFile("bench-" + name, ".jfr");
    command("jfrStart", "name=" + name, "settings=profile");
    return new JfrProfile(name, file);
  }

  /** Stops the recording and renders the hottest methods and packages. */
  String stop(int top) throws Exception {
    command("jfrStop", "name=" + name, "filename=" + file);
    Map<String, Integer> self = new HashMap<>();
    Map<String, Integer> area = new HashMap<>();
    int samples = 0;
    for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
      if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStackTrace() == null) {
        continue;
      }
      List<RecordedFrame> frames = e.getStackTrace().getFrames();
      if (frames.isEmpty()) {
        continue;
      }
      samples++;
      self.merge(method(frames.get(0)), 1, Integer::sum);
      area.merge(area(frames), 1, Integer::sum);
    }
    Files.deleteIfExists(file);
    return "Execution samples: " + samples + "\n\n" + table("hottest methods (self)", self, samples, top) + "\n"
        + table("where the time goes (first frame of a known area, from the top)", area, samples, top);
  }

  private static String method(RecordedFrame f) {
    return f.getMethod().getType().getName() + "." + f.getMethod().getName();
  }

  /** Attributes a sample to the first frame, from the top, in a package that says what it does. */
  private static String area(List<RecordedFrame> frames) {
    for (RecordedFrame f : frames) {
      String type = f.getMethod().getType().getName();
      for (String p : List.of("dev.aiapiserver.", "io.fabric8.kubernetes.client.server.mock.", "io.fabric8.mockwebserver.",
          "io.fabric8.kubernetes.client.", "io.fabric8.kubernetes.api.model.", "tools.jackson.", "io.vertx.", "io.netty.",
          "jdk.internal.net.http.", "sun.security.ssl.", "java.util.zip.")) {
        if (type.startsWith(p)) {
          return type.startsWith("dev.aiapiserver.") ? type.substring(0, type.lastIndexOf('.')) : p.substring(0, p.length() - 1);
        }
      }
    }
    return "other (JDK)";
  }

  private static String table(String title, Map<String, Integer> counts, int samples, int top) {
    List<Map.Entry<String, Integer>> sorted = new ArrayList<>(counts.entrySet());
    sorted.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
    TextTable t = new TextTable(title, "samples", "share");
    sorted.stream().limit(top).forEach(e -> t.row(e.getKey(), e.getValue(),
        String.format(java.util.Locale.ROOT, "%.1f%%", 100.0 * e.getValue() / samples)));
    return t.render();
  }

  private static void command(String operation, String... args) throws Exception {
    ManagementFactory.getPlatformMBeanServer().invoke(DIAGNOSTICS, operation, new Object[] {args},
        new String[] {String[].class.getName()});
  }

  @Override
  public void close() throws Exception {
    Files.deleteIfExists(file);
  }
}
