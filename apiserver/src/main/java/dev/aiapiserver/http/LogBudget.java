package dev.aiapiserver.http;

import java.util.concurrent.atomic.AtomicLong;

/**
 * At most N log lines a second for lines a client can cause at will; the rest are counted, so the
 * next line written can say how many were left out.
 */
final class LogBudget {
  private final int perSecond;
  private final AtomicLong window = new AtomicLong();
  private final AtomicLong used = new AtomicLong();
  private final AtomicLong suppressed = new AtomicLong();

  LogBudget(int perSecond) {
    this.perSecond = perSecond;
  }

  boolean tryAcquire() {
    long second = System.nanoTime() / 1_000_000_000L;
    long current = window.get();
    if (current != second && window.compareAndSet(current, second)) {
      used.set(0);
    }
    if (used.incrementAndGet() > perSecond) {
      suppressed.incrementAndGet();
      return false;
    }
    return true;
  }

  /** How many lines were left out since the last call. */
  long takeSuppressed() {
    return suppressed.getAndSet(0);
  }
}
