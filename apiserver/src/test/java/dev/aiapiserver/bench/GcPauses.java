package dev.aiapiserver.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The stop-the-world garbage collections of this JVM while it listens (start and length, ms since
 * the JVM started), so that a slow answer can be told apart from a collection that paused every
 * thread, the server's and the client's alike. Concurrent cycles do not stop the threads and are
 * left out (G1's "Concurrent GC", Shenandoah's and ZGC's "Cycles"; their "Pauses" count).
 */
final class GcPauses implements AutoCloseable {
  /** One collection: when it started and how long it took, ms since the JVM started. */
  record Pause(long startMs, long durationMs, String what) {
    boolean overlaps(long fromMs, long toMs) {
      return startMs <= toMs && startMs + durationMs >= fromMs;
    }
  }

  private final List<Pause> pauses = new ArrayList<>();
  private final List<Runnable> detach = new ArrayList<>();

  GcPauses() {
    NotificationListener listener = (notification, handback) -> {
      if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
        return;
      }
      var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
      if (info.getGcName().contains("Concurrent") || info.getGcName().contains("Cycles")) {
        return;
      }
      synchronized (pauses) {
        pauses.add(new Pause(info.getGcInfo().getStartTime(), info.getGcInfo().getDuration(),
            info.getGcAction() + " (" + info.getGcCause() + ")"));
      }
    };
    for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (bean instanceof NotificationEmitter emitter) {
        emitter.addNotificationListener(listener, null, null);
        detach.add(() -> {
          try {
            emitter.removeNotificationListener(listener);
          } catch (javax.management.ListenerNotFoundException e) {
            // already gone
          }
        });
      }
    }
  }

  /** Milliseconds since the JVM started: the clock of {@link Pause}. */
  static long uptimeMs() {
    return ManagementFactory.getRuntimeMXBean().getUptime();
  }

  List<Pause> pauses() {
    synchronized (pauses) {
      return List.copyOf(pauses);
    }
  }

  /** Whether a collection paused the JVM at some moment between the two uptimes. */
  boolean pausedBetween(long fromMs, long toMs) {
    return pauses().stream().anyMatch(p -> p.overlaps(fromMs, toMs));
  }

  @Override
  public void close() {
    detach.forEach(Runnable::run);
  }
}
