package dev.aiapiserver.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/** The heap still in use after full collections: what the objects alive at that moment retain. */
final class LiveHeap {
  private LiveHeap() {}

  static long bytes() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long least = Long.MAX_VALUE;
    for (int i = 0; i < 4; i++) {
      // With G1, System.gc() is a full, stop-the-world collection; the smallest of a few is the live set.
      System.gc();
      least = Math.min(least, memory.getHeapMemoryUsage().getUsed());
    }
    return least;
  }
}
