package dev.aiapiserver.store;

import dev.aiapiserver.api.ApiObject;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The served views of one resource, in memory: each as its serialized bytes, sorted by
 * namespace/name, stamped with the server's single resourceVersion counter, plus a bounded history
 * of changes for watches and a few pinned snapshots for paged lists.
 *
 * <p>Writers (the engine) call {@link #commit}; readers take an immutable {@link Snapshot} and
 * never wait on a writer for longer than a snapshot rebuild.
 */
public final class ViewStore {
  /** How long a snapshot handed out for paging stays available, like etcd's compaction window. */
  static final long PIN_MILLIS = 5 * 60 * 1000;
  static final int MAX_PINS = 64;

  private final String resource;
  private final ResourceVersions versions;
  private final ViewCodec codec;
  private final int historyCapacity;
  private final Clock clock;

  private final Object lock = new Object();
  private final TreeMap<String, StoredView> views = new TreeMap<>();
  private final ArrayDeque<Change> history = new ArrayDeque<>();
  private long compactedThrough;
  private volatile Snapshot snapshot;
  private final Map<Long, Pin> pins = new LinkedHashMap<>(16, 0.75f, true);
  private final List<WatchListener> listeners = new CopyOnWriteArrayList<>();

  private record Pin(Snapshot snapshot, long expiresAt) {}

  public ViewStore(String resource, ResourceVersions versions, ViewCodec codec, int historyCapacity, Clock clock) {
    this.resource = resource;
    this.versions = versions;
    this.codec = codec;
    this.historyCapacity = Math.max(1, historyCapacity);
    this.clock = clock;
    this.compactedThrough = versions.current();
    this.snapshot = new Snapshot(versions.current(), new StoredView[0]);
  }

  public String resource() {
    return resource;
  }

  /** Key of a view: "namespace/name", or "name" for cluster-scoped views. */
  public static String key(String namespace, String name) {
    return namespace == null || namespace.isEmpty() ? name : namespace + "/" + name;
  }

  /**
   * Applies a batch of changes. A view whose content did not change keeps its resourceVersion and
   * emits no watch event. Listeners hear the batch before this returns.
   *
   * @param upserts new or recomputed views (their metadata.resourceVersion is ignored)
   * @param deletions keys of views that no longer exist
   */
  public void commit(Collection<? extends ApiObject> upserts, Collection<String> deletions) {
    synchronized (lock) {
      List<Change> changes = new ArrayList<>();
      for (ApiObject o : upserts) {
        String key = key(o.metadata().namespace(), o.metadata().name());
        StoredView old = views.get(key);
        if (old != null && Arrays.equals(old.json(), serialize(o, old.resourceVersion()).json())) {
          continue;
        }
        StoredView now = serialize(o, versions.next());
        views.put(key, now);
        changes.add(new Change(old == null ? Change.Type.ADDED : Change.Type.MODIFIED, now, old));
      }
      for (String key : deletions) {
        StoredView old = views.remove(key);
        if (old != null) {
          changes.add(new Change(Change.Type.DELETED, serialize(old.object(), versions.next()), old));
        }
      }
      if (changes.isEmpty()) {
        return;
      }
      snapshot = null;
      for (Change c : changes) {
        history.addLast(c);
      }
      while (history.size() > historyCapacity) {
        compactedThrough = history.removeFirst().resourceVersion();
      }
      List<Change> published = List.copyOf(changes);
      listeners.removeIf(l -> !l.onChanges(published));
    }
  }

  private StoredView serialize(ApiObject o, long rv) {
    ApiObject stamped = o.withMetadata(o.metadata().withResourceVersion(Long.toString(rv)));
    String key = key(o.metadata().namespace(), o.metadata().name());
    return new StoredView(key, codec.encode(stamped), rv, stamped.metadata(), codec.fields(stamped), codec);
  }

  /** The current view under namespace/name, with its resourceVersion (no snapshot is built). */
  public Optional<ApiObject> get(String namespace, String name) {
    StoredView v;
    synchronized (lock) {
      v = views.get(key(namespace, name));
    }
    return Optional.ofNullable(v).map(StoredView::object);
  }

  /** Every current view, sorted by key, read back from JSON (see {@link StoredView#object}). */
  public Collection<ApiObject> all() {
    return current().range("", null).stream().map(StoredView::object).toList();
  }

  /** The current state as an immutable snapshot. */
  public Snapshot current() {
    Snapshot s = snapshot;
    if (s != null) {
      return s;
    }
    synchronized (lock) {
      if (snapshot == null) {
        snapshot = new Snapshot(versions.current(), views.values().toArray(new StoredView[0]));
      }
      return snapshot;
    }
  }

  /** Keeps a snapshot available for the continue tokens that point into it. */
  public void pin(Snapshot s) {
    synchronized (lock) {
      pins.put(s.resourceVersion(), new Pin(s, clock.millis() + PIN_MILLIS));
      pins.values().removeIf(p -> p.expiresAt() < clock.millis());
      while (pins.size() > MAX_PINS) {
        Long eldest = pins.keySet().iterator().next();
        pins.remove(eldest);
      }
    }
  }

  /** The snapshot at exactly {@code rv}: the current one, or a pinned one still held. */
  public Snapshot at(long rv) throws Expired {
    Snapshot now = current();
    if (now.resourceVersion() == rv) {
      return now;
    }
    synchronized (lock) {
      Pin p = pins.get(rv);
      if (p == null || p.expiresAt() < clock.millis()) {
        throw new Expired("too old resource version: " + rv + " (" + now.resourceVersion() + ")");
      }
      return p.snapshot();
    }
  }

  /** Subscribes from the current state: returns it and delivers every later change. */
  public Subscription watchFromNow(WatchListener listener) {
    synchronized (lock) {
      Snapshot s = current();
      listeners.add(listener);
      return new Subscription(this, listener, s, List.of());
    }
  }

  /** Subscribes from {@code rv}: returns the retained changes after it, then delivers live ones. */
  public Subscription watchFrom(long rv, WatchListener listener) throws Expired {
    synchronized (lock) {
      if (rv < compactedThrough) {
        throw new Expired("too old resource version: " + rv + " (" + compactedThrough + ")");
      }
      if (rv > versions.current()) {
        // Not ours (another replica's, or from before a restart): never wait for it.
        throw new Expired("too large resource version: " + rv + " (" + versions.current() + ")");
      }
      List<Change> replay = new ArrayList<>();
      for (Change c : history) {
        if (c.resourceVersion() > rv) {
          replay.add(c);
        }
      }
      listeners.add(listener);
      return new Subscription(this, listener, null, replay);
    }
  }

  void unsubscribe(WatchListener listener) {
    listeners.remove(listener);
  }

  public int watcherCount() {
    return listeners.size();
  }

  /** A live watch: its starting state (a snapshot, or changes to replay) and a way to stop. */
  public record Subscription(ViewStore store, WatchListener listener, Snapshot initial, List<Change> replay) {
    public void cancel() {
      store.unsubscribe(listener);
    }
  }
}
