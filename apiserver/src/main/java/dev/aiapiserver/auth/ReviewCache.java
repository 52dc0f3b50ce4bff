package dev.aiapiserver.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Answers of a review (TokenReview, SubjectAccessReview) by key, each kept for a time that
 * depends on the answer, at most maxEntries of them (least recently used go first). Callers
 * asking the same question while a review is in flight share it. Failures are not kept.
 */
final class ReviewCache<K, V> {
  private final int maxEntries;
  private final Function<V, Duration> timeToLive;
  private final Clock clock;
  private final Map<K, Entry<V>> entries;

  private static final class Entry<V> {
    final CompletableFuture<V> answer;
    volatile long expiresAt = Long.MAX_VALUE;

    Entry(CompletableFuture<V> answer) {
      this.answer = answer;
    }
  }

  ReviewCache(int maxEntries, Function<V, Duration> timeToLive, Clock clock) {
    this.maxEntries = maxEntries;
    this.timeToLive = timeToLive;
    this.clock = clock;
    this.entries = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<K, Entry<V>> eldest) {
        return size() > ReviewCache.this.maxEntries;
      }
    };
  }

  /** The kept or in-flight answer for key, else a new review; review must not block. */
  CompletableFuture<V> get(K key, Supplier<CompletableFuture<V>> review) {
    Entry<V> entry;
    synchronized (entries) {
      Entry<V> known = entries.get(key);
      if (known != null && clock.millis() < known.expiresAt) {
        return known.answer;
      }
      entry = new Entry<>(review.get());
      entries.put(key, entry);
    }
    Entry<V> started = entry;
    started.answer.whenComplete((value, error) -> {
      synchronized (entries) {
        if (error != null) {
          entries.remove(key, started);
        } else {
          started.expiresAt = clock.millis() + timeToLive.apply(value).toMillis();
        }
      }
    });
    return started.answer;
  }

  int size() {
    synchronized (entries) {
      return entries.size();
    }
  }
}
