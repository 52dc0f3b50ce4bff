package dev.aiapiserver.store;

import dev.aiapiserver.api.ApiObject;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The served views of one resource, in memory: each as its serialized bytes, sorted by
 * namespace/name, stamped with versions derived from the upstream's revisions (see
 * {@link ResourceVersions}), plus a bounded history of changes from which watches resume and the
 * state at any version still covered is rebuilt for paged lists — by whichever replica is asked.
 *
 * <p>Writers (the engine) call {@link #commit}; readers take an immutable {@link Snapshot} and
 * never wait on a writer for longer than a snapshot rebuild.
 */
public final class ViewStore {
  /** Rebuilt past states kept for the pages of lists in progress. */
  static final int MAX_SNAPSHOTS = 16;

  private final String resource;
  private final ResourceVersions versions;
  private final ViewCodec codec;
  private final int historyCapacity;

  private final Object lock = new Object();
  private final TreeMap<String, StoredView> views = new TreeMap<>();
  private final ArrayDeque<Change> history = new ArrayDeque<>();
  private long compactedThrough = -1;
  private long last;
  /** Written under the lock only; volatile for {@link #reached}, which reads it without. */
  private volatile long published = ResourceVersions.end(0);
  private volatile LongSupplier pendingFrom = () -> Long.MAX_VALUE;
  private Snapshot snapshot;
  private final Map<Long, Snapshot> past = new LinkedHashMap<>(16, 0.75f, true);
  private final List<WatchListener> listeners = new CopyOnWriteArrayList<>();

  public ViewStore(String resource, ResourceVersions versions, ViewCodec codec, int historyCapacity, Clock clock) {
    this.resource = resource;
    this.versions = versions;
    this.codec = codec;
    this.historyCapacity = Math.max(1, historyCapacity);
  }

  public String resource() {
    return resource;
  }

  /** This replica's upstream revisions, which number the views (shared by every store). */
  public ResourceVersions versions() {
    return versions;
  }

  /** Key of a view: "namespace/name", or "name" for cluster-scoped views. */
  public static String key(String namespace, String name) {
    return namespace == null || namespace.isEmpty() ? name : namespace + "/" + name;
  }

  /**
   * The writer says which upstream revisions it has yet to commit: the store's version never
   * passes the oldest of them, so a list never claims a revision whose changes are still coming.
   */
  public void holdBelow(LongSupplier oldestPendingRevision) {
    this.pendingFrom = oldestPendingRevision;
  }

  /**
   * The views are first built here from caches synced at {@code revision}: versions older than
   * that cannot be resumed (this replica does not know what was deleted before), like a
   * kube-apiserver watch cache after a restart.
   */
  public void historyStartsAt(long revision) {
    synchronized (lock) {
      compactedThrough = Math.max(compactedThrough, ResourceVersions.end(revision));
      past.clear();
    }
  }

  /** Applies a batch of changes no upstream event made (views fixed at start, tests). */
  public void commit(Collection<? extends ApiObject> upserts, Collection<String> deletions) {
    commit(upserts, deletions, key -> Span.LOCAL);
  }

  /**
   * Applies a batch of changes. A view whose content did not change keeps its resourceVersion and
   * emits no watch event. Listeners hear the batch before this returns.
   *
   * @param upserts new or recomputed views (their metadata.resourceVersion is ignored)
   * @param deletions keys of views that no longer exist
   * @param spans for each key, the upstream revisions its change reflects
   */
  public void commit(Collection<? extends ApiObject> upserts, Collection<String> deletions,
      Function<String, Span> spans) {
    synchronized (lock) {
      long p = publishedLocked();
      List<Change> changes = new ArrayList<>();
      for (ApiObject o : upserts) {
        String key = key(o.metadata().namespace(), o.metadata().name());
        StoredView old = views.get(key);
        if (old != null && Arrays.equals(old.json(), serialize(o, old.resourceVersion()).json())) {
          continue;
        }
        Span span = spans.apply(key);
        long v = stamp(span, p);
        StoredView now = serialize(o, v);
        views.put(key, now);
        changes.add(new Change(old == null ? Change.Type.ADDED : Change.Type.MODIFIED, now, old, from(span, v)));
      }
      for (String key : deletions) {
        StoredView old = views.remove(key);
        if (old != null) {
          Span span = spans.apply(key);
          long v = stamp(span, p);
          changes.add(new Change(Change.Type.DELETED, serialize(old.object(), v), old, from(span, v)));
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
        compactedThrough = Math.max(compactedThrough, history.removeFirst().resourceVersion());
      }
      past.keySet().removeIf(v -> v < compactedThrough);
      List<Change> published = List.copyOf(changes);
      listeners.removeIf(l -> !l.onChanges(published));
    }
  }

  /** After everything stamped and after what lists carried; no lower than its revision's start. */
  private long stamp(Span span, long published) {
    long v = Math.max(last + 1, published + 1);
    if (!span.local()) {
      v = Math.max(v, ResourceVersions.start(span.to()));
    }
    last = v;
    return v;
  }

  private static long from(Span span, long version) {
    return span.local() ? version : Math.min(version, ResourceVersions.start(span.from()));
  }

  private StoredView serialize(ApiObject o, long rv) {
    ApiObject stamped = o.withMetadata(o.metadata().withResourceVersion(Long.toString(rv)));
    String key = key(o.metadata().namespace(), o.metadata().name());
    return new StoredView(key, codec.encode(stamped), rv, stamped.metadata(), codec.fields(stamped), codec);
  }

  /**
   * The version lists and bookmarks carry: the end of the newest revision that is settled (see
   * {@link ResourceVersions#settled}) and whose changes are all committed here, or a later change
   * the clock made within that revision. Never decreases.
   */
  public long currentVersion() {
    synchronized (lock) {
      return publishedLocked();
    }
  }

  private long publishedLocked() {
    long revision = Math.min(versions.settled(), pendingFrom.getAsLong() - 1);
    long candidate = ResourceVersions.end(revision);
    if (ResourceVersions.revision(last) <= revision) {
      candidate = Math.max(candidate, last);
    }
    if (candidate > published) {
      published = candidate;
      snapshot = null;
    }
    return published;
  }

  /** Whether this replica has reached a version (its revision is settled here). */
  public boolean reached(long version) {
    // without the lock: /readyz asks this on an event loop, and the commit of the first views (20k
    // at 100k pods) holds the lock for half a second. The same answer as currentVersion() gives:
    // the published revision, or the one publishing would reach now.
    long revision = ResourceVersions.revision(version);
    return revision <= ResourceVersions.revision(published)
        || revision <= Math.min(versions.settled(), pendingFrom.getAsLong() - 1);
  }

  /** The current view under namespace/name, with its resourceVersion (no snapshot is built). */
  public Optional<ApiObject> get(String namespace, String name) {
    StoredView v;
    synchronized (lock) {
      v = views.get(key(namespace, name));
    }
    return Optional.ofNullable(v).map(StoredView::object);
  }

  /** The newest view under a key, possibly of a revision not yet settled (what a get answers). */
  public StoredView latest(String key) {
    synchronized (lock) {
      return views.get(key);
    }
  }

  /** Every newest view, sorted by key, read back from JSON (see {@link StoredView#object}). */
  public Collection<ApiObject> all() {
    StoredView[] all;
    synchronized (lock) {
      all = views.values().toArray(new StoredView[0]);
    }
    return Arrays.stream(all).map(StoredView::object).toList();
  }

  /** The state at {@link #currentVersion()}, as an immutable snapshot. */
  public Snapshot current() {
    synchronized (lock) {
      long p = publishedLocked();
      if (snapshot == null) {
        snapshot = stateAt(p);
      }
      return snapshot;
    }
  }

  /**
   * The state at exactly {@code version}, as any replica that reached it serves it: rebuilt from
   * the newest views by undoing the changes not yet part of it.
   *
   * @throws Expired when the history no longer reaches back that far
   * @throws TooLarge when this replica has not reached that version yet
   */
  public Snapshot at(long version) throws Expired, TooLarge {
    synchronized (lock) {
      long p = publishedLocked();
      if (ResourceVersions.revision(version) > ResourceVersions.revision(p)) {
        throw new TooLarge(version, p);
      }
      if (version >= p) {
        return current();
      }
      if (version < compactedThrough) {
        throw new Expired("too old resource version: " + version + " (" + compactedThrough + ")");
      }
      Snapshot s = past.get(version);
      if (s == null) {
        s = stateAt(version);
        past.put(version, s);
        while (past.size() > MAX_SNAPSHOTS) {
          past.remove(past.keySet().iterator().next());
        }
      }
      return s;
    }
  }

  /** Caller holds the lock; every change not yet part of the state at {@code version} is in the history. */
  private Snapshot stateAt(long version) {
    if (version < compactedThrough) {
      // a burst larger than the history within one settle interval: the newest state is all there is
      return new Snapshot(version, views.values().toArray(new StoredView[0]));
    }
    Map<String, StoredView> undone = new HashMap<>();
    Set<String> decided = new HashSet<>();
    for (Iterator<Change> it = history.descendingIterator(); it.hasNext(); ) {
      Change c = it.next();
      if (c.resourceVersion() <= version) {
        break; // versions increase along the history, and a change is part of every state from its version on
      }
      String key = c.view().key();
      if (!decided.add(key)) {
        continue;
      }
      if (c.from() <= version) {
        undone.put(key, c.type() == Change.Type.DELETED ? null : c.view());
      } else {
        decided.remove(key);
        undone.put(key, c.previous()); // an older change may still decide it
      }
    }
    if (undone.isEmpty()) {
      return new Snapshot(version, views.values().toArray(new StoredView[0]));
    }
    TreeMap<String, StoredView> state = new TreeMap<>(views);
    undone.forEach((key, view) -> {
      if (view == null) {
        state.remove(key);
      } else {
        state.put(key, view);
      }
    });
    return new Snapshot(version, state.values().toArray(new StoredView[0]));
  }

  /** Subscribes from the current state: returns it, the changes committed after it, and every later one. */
  public Subscription watchFromNow(WatchListener listener) {
    synchronized (lock) {
      Snapshot s = current();
      List<Change> replay = new ArrayList<>();
      for (Change c : history) {
        if (c.resourceVersion() > s.resourceVersion()) {
          replay.add(c);
        }
      }
      listeners.add(listener);
      return new Subscription(this, listener, s, replay);
    }
  }

  /**
   * Subscribes from {@code version}: returns the retained changes after it, then delivers live
   * ones. A version inside a revision (an event's) resumes from that revision's start, because
   * another replica may have numbered that revision's changes in another order; a client may thus
   * see a change twice, never miss one.
   */
  public Subscription watchFrom(long version, WatchListener listener) throws Expired, TooLarge {
    synchronized (lock) {
      long p = publishedLocked();
      if (ResourceVersions.revision(version) > ResourceVersions.revision(p)) {
        throw new TooLarge(version, p);
      }
      long after = ResourceVersions.insideRevision(version)
          ? ResourceVersions.start(ResourceVersions.revision(version)) - 1 : version;
      if (after < compactedThrough) {
        throw new Expired("too old resource version: " + version + " (" + compactedThrough + ")");
      }
      List<Change> replay = new ArrayList<>();
      for (Change c : history) {
        if (c.resourceVersion() > after) {
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
