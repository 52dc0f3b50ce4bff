package dev.aiapiserver.http;

import dev.aiapiserver.request.StatusReplies;
import dev.aiapiserver.request.Json;

import dev.aiapiserver.api.Status;
import dev.aiapiserver.request.RequestAttributes;
import dev.aiapiserver.resources.ResourceType;
import dev.aiapiserver.store.Change;
import dev.aiapiserver.store.Expired;
import dev.aiapiserver.store.StoredView;
import dev.aiapiserver.store.TooLarge;
import dev.aiapiserver.store.ViewStore;
import dev.aiapiserver.store.WatchListener;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One watch: a subscription to a store's changes, written as a stream of watch events. Changes are
 * filtered and queued on the committing thread and written on the connection's event loop; a
 * watcher whose queue passes the limit is closed (the client relists), so memory stays bounded.
 */
final class WatchStream implements WatchListener {
  static final String INITIAL_EVENTS_END = "k8s.io/initial-events-end";

  private record Event(String type, StoredView view, long bookmarkVersion, boolean initialEnd) {}

  private final Vertx vertx;
  private final Context context;
  private final HttpServerResponse response;
  private final ServedResource served;
  private final RequestAttributes attributes;
  private final Representation.Choice choice;
  private final ListOptions options;
  private final ConcurrentLinkedQueue<Event> queue = new ConcurrentLinkedQueue<>();
  private final AtomicInteger pending = new AtomicInteger();
  private final AtomicBoolean drainScheduled = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile int limit;
  private final RoutingContext ctx;
  private volatile ViewStore.Subscription subscription;
  private volatile WatchSink sink; // set once the answer has started
  private List<Change> early = new ArrayList<>(); // guarded by this; null once subscribed
  private long lastWrittenVersion;
  private boolean firstTable = true;
  private long timeoutTimer = -1;
  private long bookmarkTimer = -1;

  private WatchStream(Vertx vertx, RoutingContext ctx, ServedResource served, RequestAttributes attributes,
      Representation.Choice choice, ListOptions options, int maxPending) {
    this.vertx = vertx;
    this.context = vertx.getOrCreateContext();
    this.ctx = ctx;
    this.response = ctx.response();
    this.served = served;
    this.attributes = attributes;
    this.choice = choice;
    this.options = options;
    this.limit = maxPending;
  }

  static void start(Vertx vertx, RoutingContext ctx, ServedResource served, RequestAttributes a,
      Representation.Choice choice, ListOptions o, WatchSettings settings) {
    if (choice.representation() == Representation.YAML) {
      StatusReplies.fail(ctx, 406, "NotAcceptable", "watch is served as application/json (optionally as"
          + " meta.k8s.io Table or PartialObjectMetadata), not application/yaml");
      return;
    }
    WatchStream w = new WatchStream(vertx, ctx, served, a, choice, o, settings.maxPendingEvents());
    w.begin(settings);
  }

  /** Waits (briefly) for the version the watch starts from, then subscribes and streams. */
  private void begin(WatchSettings settings) {
    boolean fromVersion = options.resourceVersion() != null && !"0".equals(options.resourceVersion());
    long wanted = fromVersion ? ListOptions.parseVersion(options.resourceVersion(), "resourceVersion") : 0;
    VersionWait.until(vertx, ctx, served.store(), wanted, () -> subscribe(settings, fromVersion, wanted),
        () -> StatusReplies.fail(ctx, ResourceRequests.tooLarge(wanted, served.store().currentVersion())));
  }

  private void subscribe(WatchSettings settings, boolean fromVersion, long wanted) {
    boolean initialEvents = options.sendInitialEvents() != null ? options.sendInitialEvents() : !fromVersion;
    List<Change> replay;
    try {
      if (fromVersion && !initialEvents) {
        subscription = served.store().watchFrom(wanted, this);
        lastWrittenVersion = wanted;
      } else {
        subscription = served.store().watchFromNow(this);
      }
    } catch (TooLarge e) {
      StatusReplies.fail(ctx, ResourceRequests.tooLarge(e.wanted(), e.current()));
      return;
    } catch (Expired e) {
      openSink(sink -> {
        sink.write(errorEvent(ResourceRequests.expired(false)));
        sink.end();
      });
      return;
    }
    synchronized (this) {
      if (subscription.initial() != null) {
        long rv = subscription.initial().resourceVersion();
        if (initialEvents) {
          List<StoredView> initial = subscription.initial().range(attributes.namespace(), null);
          limit += initial.size();
          for (StoredView v : initial) {
            if (matches(v)) {
              offer(new Event("ADDED", v, 0, false));
            }
          }
        }
        if (Boolean.TRUE.equals(options.sendInitialEvents())) {
          offer(new Event("BOOKMARK", null, rv, true));
        }
        lastWrittenVersion = rv;
      }
      // the changes after the starting point, then those committed while subscribing, in order
      limit += subscription.replay().size();
      enqueueAll(subscription.replay());
      enqueueAll(early);
      early = null;
    }
    openSink(sink -> {
      this.sink = sink;
      sink.onClose(this::close);
      startTimers(settings);
      scheduleDrain();
    });
  }

  private void startTimers(WatchSettings settings) {
    long timeoutMs = options.timeoutSeconds() != null
        ? options.timeoutSeconds() * 1000L
        : settings.minRequestTimeout().toMillis()
            + ThreadLocalRandom.current().nextLong(Math.max(1, settings.minRequestTimeout().toMillis()));
    if (options.timeoutSeconds() == null || options.timeoutSeconds() > 0) {
      timeoutTimer = vertx.setTimer(Math.max(1, timeoutMs), id -> finish());
    } else {
      timeoutTimer = vertx.setTimer(1, id -> finish());
    }
    if (options.allowWatchBookmarks()) {
      bookmarkTimer = vertx.setPeriodic(settings.bookmarkInterval().toMillis(), id -> bookmark());
    }
  }

  static boolean wantsWebSocket(io.vertx.core.http.HttpServerRequest request) {
    return "websocket".equalsIgnoreCase(request.getHeader("Upgrade"));
  }

  /** Upgrades to a WebSocket when the client asked for one, else starts the chunked answer. */
  private void openSink(java.util.function.Consumer<WatchSink> then) {
    if (wantsWebSocket(ctx.request())) {
      ctx.request().toWebSocket().onSuccess(socket -> then.accept(WatchSink.of(socket))).onFailure(e -> {
        // kube-apiserver's answer when it serves no WebSocket: clients (fabric8) watch over HTTP instead
        close();
        StatusReplies.fail(ctx, 503, "ServiceUnavailable", "the watch could not be upgraded to a WebSocket: "
            + e.getMessage());
      });
      return;
    }
    response.setStatusCode(200)
        .putHeader("Content-Type", Renderer.JSON_TYPE)
        .putHeader("Cache-Control", "no-cache, private")
        // Compression would hold events back in the compressor; watches are sent as they happen.
        .putHeader("Content-Encoding", "identity")
        .setChunked(true);
    // Send the headers now, as kube-apiserver flushes them: a quiet watch must not look hung.
    response.writeHead();
    then.accept(WatchSink.of(ctx));
  }

  @Override
  public boolean onChanges(List<Change> changes) {
    if (closed.get()) {
      return false;
    }
    synchronized (this) {
      if (early != null) {
        early.addAll(changes); // still subscribing: they follow the replay
        return true;
      }
    }
    enqueueAll(changes);
    if (pending.get() > limit) {
      closed.set(true);
      context.runOnContext(v -> finish());
      return false;
    }
    scheduleDrain();
    return true;
  }

  private void enqueueAll(List<Change> changes) {
    for (Change c : changes) {
      boolean now = matches(c.view());
      boolean before = c.previous() != null && matches(c.previous());
      switch (c.type()) {
        case ADDED -> {
          if (now) {
            offer(new Event("ADDED", c.view(), 0, false));
          }
        }
        case MODIFIED -> {
          if (now && before) {
            offer(new Event("MODIFIED", c.view(), 0, false));
          } else if (now) {
            offer(new Event("ADDED", c.view(), 0, false));
          } else if (before) {
            offer(new Event("DELETED", c.view(), 0, false));
          }
        }
        case DELETED -> {
          if (before) {
            offer(new Event("DELETED", c.view(), 0, false));
          }
        }
      }
    }
  }

  private void offer(Event e) {
    queue.add(e);
    pending.incrementAndGet();
  }

  private boolean matches(StoredView v) {
    if (!attributes.namespace().isEmpty() && !attributes.namespace().equals(v.namespace())) {
      return false;
    }
    if (!attributes.name().isEmpty() && !attributes.name().equals(v.metadata().name())) {
      return false;
    }
    return options.labels().matches(v.metadata().labels())
        && options.fields().matches(v);
  }

  private void scheduleDrain() {
    if (drainScheduled.compareAndSet(false, true)) {
      context.runOnContext(v -> drain());
    }
  }

  private void drain() {
    drainScheduled.set(false);
    WatchSink sink = this.sink;
    if (sink == null || sink.done()) {
      return;
    }
    Event e;
    while (!sink.writeQueueFull() && (e = queue.poll()) != null) {
      pending.decrementAndGet();
      sink.write(encode(e));
    }
    if (!queue.isEmpty()) {
      sink.drainHandler(this::drain);
    }
  }

  private Buffer encode(Event e) {
    if (e.type().equals("BOOKMARK")) {
      lastWrittenVersion = Math.max(lastWrittenVersion, e.bookmarkVersion());
      return line("BOOKMARK", Buffer.buffer(Json.bytes(bookmarkObject(e.bookmarkVersion(), e.initialEnd()))));
    }
    lastWrittenVersion = Math.max(lastWrittenVersion, e.view().resourceVersion());
    Buffer object = Renderer.eventObject(served.type(), choice, e.view(), options.includeObject(), firstTable);
    firstTable = false;
    return line(e.type(), object);
  }

  private Map<String, Object> bookmarkObject(long rv, boolean initialEnd) {
    Map<String, Object> meta = initialEnd
        ? Map.of("resourceVersion", Long.toString(rv), "annotations", Map.of(INITIAL_EVENTS_END, "true"))
        : Map.of("resourceVersion", Long.toString(rv));
    return Map.of("kind", served.type().kind(), "apiVersion", ResourceType.GROUP_VERSION, "metadata", meta);
  }

  private static Buffer line(String type, Buffer object) {
    return Buffer.buffer(object.length() + 32).appendString("{\"type\":\"").appendString(type)
        .appendString("\",\"object\":").appendBuffer(object).appendString("}\n");
  }

  static Buffer errorEvent(Status status) {
    return line("ERROR", Buffer.buffer(Json.bytes(status)));
  }

  /**
   * A bookmark carries the version this replica has settled (valid on every replica), and only
   * once it has passed every event written: a client resuming from it must miss nothing.
   */
  private void bookmark() {
    long rv = served.store().currentVersion();
    if (queue.isEmpty() && sink != null && !sink.done() && rv >= lastWrittenVersion) {
      offer(new Event("BOOKMARK", null, rv, false));
      scheduleDrain();
    }
  }

  private void finish() {
    close();
    if (sink != null) {
      sink.end();
    }
  }

  private void close() {
    closed.set(true);
    if (subscription != null) {
      subscription.cancel();
    }
    if (timeoutTimer >= 0) {
      vertx.cancelTimer(timeoutTimer);
    }
    if (bookmarkTimer >= 0) {
      vertx.cancelTimer(bookmarkTimer);
    }
    queue.clear();
  }
}
