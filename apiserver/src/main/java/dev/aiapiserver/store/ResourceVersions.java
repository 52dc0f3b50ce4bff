package dev.aiapiserver.store;

import java.util.concurrent.atomic.AtomicLong;

/** The server's one monotonically increasing resourceVersion counter, shared by every store. */
public final class ResourceVersions {
  private final AtomicLong last = new AtomicLong(0);

  long next() {
    return last.incrementAndGet();
  }

  public long current() {
    return last.get();
  }
}
