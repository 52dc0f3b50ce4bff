package dev.aiapiserver.demo;

import dev.aiapiserver.auth.RequestAttributes;
import dev.aiapiserver.http.Json;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Native watches for kubectl, which watches over a streamed HTTP answer (one JSON event per
 * line), while the fabric8 mock only watches over WebSocket. One WebSocket per resource, across
 * all namespaces, is opened on first use and kept: each of its events is written, as it comes, to
 * every kubectl watch whose namespace, name and labels it matches. The WebSockets are never closed
 * while the demo runs, because the mock stalls its event loop when a watch closes while it is
 * sending. A watcher that cannot keep up is let go (kubectl relists), never buffered without bound.
 */
final class NativeWatches {
  private static final Logger LOG = LoggerFactory.getLogger(NativeWatches.class);

  private final Vertx vertx;
  private final WebSocketClient websockets;
  private final ClusterEndpoint cluster;
  private final Map<String, Future<Feed>> feeds = new ConcurrentHashMap<>();

  NativeWatches(Vertx vertx, WebSocketClient websockets, ClusterEndpoint cluster) {
    this.vertx = vertx;
    this.websockets = websockets;
    this.cluster = cluster;
  }

  /** Fails, without having answered, when the cluster refuses the watch. */
  Future<Void> watch(HttpServerRequest in, RequestAttributes request) {
    String collection = (request.apiGroup().isEmpty() ? "/api/" : "/apis/" + request.apiGroup() + "/")
        + request.apiVersion() + "/" + request.resource();
    WatchFilter filter;
    try {
      filter = WatchFilter.of(request, in.getParam("resourceVersion"),
          in.getParam("fieldSelector"), in.getParam("labelSelector"));
    } catch (IllegalArgumentException e) {
      StatusAnswers.send(in.response(), StatusAnswers.badRequest(e.getMessage()));
      return Future.succeededFuture();
    }
    String table = NativeTables.prints(request.resource())
        ? NativeTables.tableVersion(in.getHeader("Accept")) : null;
    Subscriber subscriber = new Subscriber(in.response(), filter, request.resource(), table,
        in.getParam("includeObject"));
    return feeds.computeIfAbsent(collection, this::open)
        .map(feed -> {
          feed.subscribe(in, subscriber);
          return null;
        });
  }

  private Future<Feed> open(String collection) {
    Future<Feed> feed = websockets.connect(cluster.websocket(collection + "?watch=true")).map(socket -> new Feed(collection, socket));
    feed.onFailure(e -> feeds.remove(collection));
    return feed;
  }

  /** One resource's events, fanned out to the watches that want them. */
  private final class Feed {
    private final Set<Subscriber> subscribers = new CopyOnWriteArraySet<>();

    Feed(String collection, WebSocket socket) {
      socket.textMessageHandler(this::publish);
      socket.closeHandler(v -> {
        feeds.remove(collection);
        subscribers.forEach(s -> s.end());
        LOG.info("event=native_watch_feed_closed collection={}", collection);
      });
    }

    void subscribe(HttpServerRequest in, Subscriber subscriber) {
      HttpServerResponse out = in.response();
      out.setStatusCode(200).putHeader("Content-Type", "application/json")
          .putHeader("Cache-Control", "no-cache, private");
      if (in.version() != HttpVersion.HTTP_2) {
        out.setChunked(true);
      }
      out.writeHead();
      subscribers.add(subscriber);
      out.closeHandler(v -> subscribers.remove(subscriber));
      String timeout = in.getParam("timeoutSeconds");
      if (timeout != null && timeout.matches("\\d{1,6}") && Long.parseLong(timeout) > 0) {
        vertx.setTimer(Long.parseLong(timeout) * 1000, id -> {
          subscribers.remove(subscriber);
          subscriber.end();
        });
      }
      in.resume();
    }

    private void publish(String event) {
      if (subscribers.isEmpty()) {
        return;
      }
      JsonNode parsed = Json.MAPPER.readTree(event);
      JsonNode object = parsed.path("object");
      Buffer line = Buffer.buffer(event.endsWith("\n") ? event : event + "\n");
      for (Subscriber subscriber : subscribers) {
        if (subscriber.filter.matches(object)
            && !subscriber.write(line, parsed.path("type").asString(""), object)) {
          subscribers.remove(subscriber); // too slow: kubectl will relist
          subscriber.end();
        }
      }
    }
  }

  /** One kubectl watch: where it goes, what it wants, and in which representation. */
  private static final class Subscriber {
    private final HttpServerResponse out;
    private final WatchFilter filter;
    private final String resource;
    private final String table;
    private final String includeObject;
    private boolean first = true;

    Subscriber(HttpServerResponse out, WatchFilter filter, String resource, String table,
        String includeObject) {
      this.out = out;
      this.filter = filter;
      this.resource = resource;
      this.table = table;
      this.includeObject = includeObject;
    }

    /** Writes the event; false when the client cannot keep up. */
    synchronized boolean write(Buffer raw, String type, JsonNode object) {
      if (out.ended() || out.closed()) {
        return true;
      }
      if (table == null) {
        out.write(raw);
      } else {
        out.write(Buffer.buffer(NativeTables.event(type, resource, table, object, includeObject, first))
            .appendString("\n"));
        first = false;
      }
      return !out.writeQueueFull();
    }

    void end() {
      if (!out.ended() && !out.closed()) {
        out.end();
      }
    }
  }
}
