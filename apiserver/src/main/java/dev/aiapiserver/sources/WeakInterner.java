package dev.aiapiserver.sources;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;

/**
 * A set of shared instances held weakly: {@link #intern} answers the instance already held that
 * equals the given one, or holds the given one. An entry is one weak reference with its hash and
 * chain link (40 bytes), about half of what a WeakHashMap from value to weak reference costs, which
 * matters when the caches hold tens of thousands of shared parts. Entries whose instance was
 * collected are dropped on the next call. Only for immutable values (or values nobody modifies):
 * every holder of an equal value gets the same instance.
 */
final class WeakInterner {
  private static final class Entry extends WeakReference<Object> {
    final int hash;
    Entry next;

    Entry(Object value, int hash, ReferenceQueue<Object> queue, Entry next) {
      super(value, queue);
      this.hash = hash;
      this.next = next;
    }
  }

  private final ReferenceQueue<Object> collected = new ReferenceQueue<>();
  private Entry[] table = new Entry[256];
  private int size;

  /** The held instance equal to {@code value}, or {@code value} itself, now held. */
  @SuppressWarnings("unchecked")
  synchronized <T> T intern(T value) {
    dropCollected();
    int hash = spread(value.hashCode());
    int i = hash & (table.length - 1);
    for (Entry e = table[i]; e != null; e = e.next) {
      if (e.hash == hash) {
        Object held = e.get();
        if (held != null && held.equals(value)) {
          return (T) held;
        }
      }
    }
    table[i] = new Entry(value, hash, collected, table[i]);
    if (++size > table.length * 3 / 4) {
      grow();
    }
    return value;
  }

  /** How many instances are held (some may have been collected since the last call). */
  synchronized int size() {
    dropCollected();
    return size;
  }

  private void dropCollected() {
    for (Object gone = collected.poll(); gone != null; gone = collected.poll()) {
      Entry dead = (Entry) gone;
      int i = dead.hash & (table.length - 1);
      Entry prev = null;
      for (Entry e = table[i]; e != null; prev = e, e = e.next) {
        if (e == dead) {
          if (prev == null) {
            table[i] = e.next;
          } else {
            prev.next = e.next;
          }
          size--;
          break;
        }
      }
    }
  }

  private void grow() {
    Entry[] old = table;
    table = new Entry[old.length * 2];
    for (Entry head : old) {
      for (Entry e = head; e != null; ) {
        Entry next = e.next;
        int i = e.hash & (table.length - 1);
        e.next = table[i];
        table[i] = e;
        e = next;
      }
    }
  }

  private static int spread(int h) {
    return h ^ (h >>> 16);
  }
}
