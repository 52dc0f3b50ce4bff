package dev.aiapiserver.store;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.ToLongFunction;

/**
 * What this replica has seen of the upstream's revisions, and how view versions are numbered from
 * them, so that a version means the same on every replica that watches the same cluster.
 *
 * <p>A view's resourceVersion is {@code revision × 1,000,000 + sequence}: the upstream revision
 * (etcd's, which every informer of every replica sees in the same order) whose events produced
 * the change, and a sequence among this replica's changes of that revision. {@link #end} of a
 * revision, the middle of its range, means "after every change of that revision": lists and
 * bookmarks carry it. Above it sit changes the clock alone made (a missed CronJob schedule) and
 * changes that arrived after their revision was settled.
 *
 * <p>A revision is <em>settled</em> when this replica may say it has seen every upstream event up
 * to it: the highest revision seen was first seen at least the settle interval ago (informers of
 * one API server deliver within milliseconds of each other) and no informer is reconnecting with
 * events of that revision still to come. docs/operations.md gives the argument.
 */
public final class ResourceVersions {
  public static final long PER_REVISION = 1_000_000L;
  static final long END = PER_REVISION / 2;
  public static final Duration DEFAULT_SETTLE = Duration.ofMillis(250);

  private final long settleNanos;
  private final LongSupplier nanoClock;
  private final ArrayDeque<long[]> rises = new ArrayDeque<>(); // (revision, nanos first seen), increasing
  private final Map<String, Long> lastBySource = new ConcurrentHashMap<>();
  private volatile ToLongFunction<String> completeThrough = source -> Long.MAX_VALUE;
  private long highest;
  private long settled;

  public ResourceVersions() {
    this(DEFAULT_SETTLE, System::nanoTime);
  }

  public ResourceVersions(Duration settle, LongSupplier nanoClock) {
    this.settleNanos = settle.toNanos();
    this.nanoClock = nanoClock;
  }

  /** The first version of a revision's changes. */
  public static long start(long revision) {
    return revision * PER_REVISION;
  }

  /** The version that means "after every change of this revision" (what lists and bookmarks carry). */
  public static long end(long revision) {
    return revision < 0 ? -1 : revision * PER_REVISION + END;
  }

  public static long revision(long version) {
    return version < 0 ? -1 : version / PER_REVISION;
  }

  /** Whether a version is one change's inside its revision (others of that revision may follow). */
  static boolean insideRevision(long version) {
    return version >= 0 && version % PER_REVISION < END;
  }

  /**
   * Tells up to which revision each informer has surely delivered everything: all while it
   * watches; one that reconnects may still owe events after its last list or event.
   */
  public void completeThroughBy(ToLongFunction<String> completeThrough) {
    this.completeThrough = completeThrough;
  }

  /** An informer delivered an object (an event, or an item of its list) at this revision. */
  public void observe(String source, long revision) {
    if (revision <= 0) {
      return;
    }
    lastBySource.merge(source, revision, Math::max);
    synchronized (this) {
      if (revision > highest) {
        highest = revision;
        rises.addLast(new long[] {revision, nanoClock.getAsLong()});
      }
    }
  }

  /** The newest revision an informer delivered (0 before its first). */
  public long lastOf(String source) {
    return lastBySource.getOrDefault(source, 0L);
  }

  /** The highest upstream revision seen. */
  public synchronized long highest() {
    return highest;
  }

  /** The highest revision this replica has settled: never decreases. */
  public synchronized long settled() {
    long now = nanoClock.getAsLong();
    long candidate = settled;
    while (!rises.isEmpty() && now - rises.peekFirst()[1] >= settleNanos) {
      candidate = Math.max(candidate, rises.removeFirst()[0]);
    }
    // a reconnecting informer may still deliver anything after the last it listed or delivered
    for (Map.Entry<String, Long> e : lastBySource.entrySet()) {
      long complete = completeThrough.applyAsLong(e.getKey());
      if (complete != Long.MAX_VALUE) {
        candidate = Math.min(candidate, Math.max(e.getValue(), complete));
      }
    }
    settled = Math.max(settled, candidate);
    return settled;
  }
}
