package dev.aiapiserver.store;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The server's one monotonically increasing resourceVersion counter, shared by every store.
 *
 * <p>It starts at the process start time in seconds times a million, so versions handed out by
 * another replica, or by this server before a restart, fall outside this process's range: they are
 * answered 410 Expired and the client relists, instead of resuming from a wrong point.
 */
public final class ResourceVersions {
  private final AtomicLong last;

  public ResourceVersions() {
    this(System.currentTimeMillis() / 1000 * 1_000_000L);
  }

  ResourceVersions(long base) {
    this.last = new AtomicLong(base);
  }

  long next() {
    return last.incrementAndGet();
  }

  public long current() {
    return last.get();
  }
}
