package dev.aiapiserver.bench;

import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Waits until this JVM is idle before a measurement. The CRUD mock replays every stored object to
 * each new watch (a real API server resumes from the list's resourceVersion instead), so for a
 * while after the server syncs, the mock re-serializes and the informers re-read the whole cluster.
 */
final class Quiet {
  private Quiet() {}

  /** Polls this process's CPU share until it stays under 10% of the machine for a second (at most 3 minutes). */
  static void await() {
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    int calm = 0;
    while (calm < 5 && System.nanoTime() < deadline) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
      double load = os.getProcessCpuLoad();
      calm = load >= 0 && load < 0.10 ? calm + 1 : 0;
    }
  }
}
