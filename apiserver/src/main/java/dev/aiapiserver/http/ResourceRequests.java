package dev.aiapiserver.http;

import dev.aiapiserver.request.StatusReplies;

import dev.aiapiserver.api.ListMeta;
import dev.aiapiserver.api.Status;
import dev.aiapiserver.request.RequestAttributes;
import dev.aiapiserver.resources.ResourceType;
import dev.aiapiserver.store.Expired;
import dev.aiapiserver.store.Snapshot;
import dev.aiapiserver.store.StoredView;
import dev.aiapiserver.store.TooLarge;
import dev.aiapiserver.store.ViewStore;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * get, list and watch on /apis/ai.k8s.io/v1alpha1/...: from the store's snapshots, filtered by
 * selectors, paged with consistent continue tokens, in the negotiated representation.
 */
final class ResourceRequests implements Handler<RoutingContext> {
  private final Map<String, ServedResource> served = new LinkedHashMap<>();
  private final Vertx vertx;
  private final WatchSettings watchSettings;

  ResourceRequests(Vertx vertx, List<ServedResource> resources, WatchSettings watchSettings) {
    this.vertx = vertx;
    this.watchSettings = watchSettings;
    for (ServedResource r : resources) {
      served.put(r.type().plural(), r);
    }
  }

  @Override
  public void handle(RoutingContext ctx) {
    try {
      serve(ctx);
    } catch (BadRequest e) {
      StatusReplies.fail(ctx, 400, "BadRequest", e.getMessage());
    }
  }

  private void serve(RoutingContext ctx) {
    RequestAttributes a = RequestInfo.of(ctx);
    ServedResource r = a.resourceRequest() && ResourceType.GROUP.equals(a.apiGroup())
        && ResourceType.VERSION.equals(a.apiVersion()) ? served.get(a.resource()) : null;
    if (r == null || !a.subresource().isEmpty() || (!r.type().namespaced() && !a.namespace().isEmpty())
        || (r.type().namespaced() && a.path().contains("/namespaces/") && a.namespace().isEmpty())) {
      StatusReplies.fail(ctx, 404, "NotFound", "the server could not find the requested resource");
      return;
    }
    if (!List.of("get", "list", "watch").contains(a.verb())) {
      StatusReplies.fail(ctx, Status.failure(405, "MethodNotAllowed",
          "the server does not allow this method on the requested resource",
          new Status.Details(a.name().isEmpty() ? null : a.name(), ResourceType.GROUP, a.resource(), null)));
      return;
    }
    Representation.Choice choice = Representation.negotiate(ctx.request().getHeader("Accept"));
    if (choice == null) {
      StatusReplies.fail(ctx, 406, "NotAcceptable", "only the following media types are accepted: "
          + Representation.ACCEPTED);
      return;
    }
    ListOptions options = ListOptions.parse(ctx.request().params(), r.type(), a.verb().equals("watch"));
    switch (a.verb()) {
      case "get" -> get(ctx, r, a, choice, options);
      case "list" -> list(ctx, r, a, choice, options);
      default -> WatchStream.start(vertx, ctx, r, a, choice, options, watchSettings);
    }
  }

  private static void get(RoutingContext ctx, ServedResource r, RequestAttributes a, Representation.Choice c,
      ListOptions o) {
    StoredView v = r.store().latest(ViewStore.key(a.namespace(), a.name()));
    if (v == null) {
      StatusReplies.fail(ctx, notFound(r.type(), a.name()));
      return;
    }
    ctx.response().putHeader("Content-Type", Renderer.contentType(c))
        .end(Renderer.object(r.type(), c, v, o.includeObject()));
  }

  static Status notFound(ResourceType type, String name) {
    return Status.failure(404, "NotFound", type.plural() + "." + ResourceType.GROUP + " \"" + name + "\" not found",
        new Status.Details(name, ResourceType.GROUP, type.plural(), null));
  }

  /**
   * A list at the version it asks for: a continue token's (the state at exactly that version,
   * rebuilt by whichever replica is asked), an exact one, or the newest this replica has settled
   * (not older than the one named). A version not reached yet is waited for briefly.
   */
  private void list(RoutingContext ctx, ServedResource r, RequestAttributes a, Representation.Choice c,
      ListOptions o) {
    ContinueToken token = o.continueToken() == null ? null : ContinueToken.decode(o.continueToken());
    boolean exact = token == null && o.resourceVersion() != null && "Exact".equals(o.resourceVersionMatch());
    long wanted = token != null ? Math.max(0, token.resourceVersion())
        : o.resourceVersion() == null ? 0 : ListOptions.parseVersion(o.resourceVersion(), "resourceVersion");
    VersionWait.until(vertx, ctx, r.store(), wanted, () -> {
      Snapshot snap;
      String after = token == null ? null : token.lastKey();
      try {
        snap = token != null && token.resourceVersion() != ContinueToken.LATEST || exact
            ? r.store().at(wanted) : r.store().current();
      } catch (Expired e) {
        StatusReplies.fail(ctx, token != null ? continueExpired(token.lastKey()) : expired(false));
        return;
      } catch (TooLarge e) {
        StatusReplies.fail(ctx, tooLarge(e.wanted(), e.current()));
        return;
      }
      send(ctx, r, a, c, o, snap, after);
    }, () -> StatusReplies.fail(ctx, tooLarge(wanted, r.store().currentVersion())));
  }

  private static void send(RoutingContext ctx, ServedResource r, RequestAttributes a, Representation.Choice c,
      ListOptions o, Snapshot snap, String after) {
    Page page = page(r.type(), snap, a.namespace(), after, o);
    ListMeta meta = new ListMeta(Long.toString(snap.resourceVersion()), page.continueToken(),
        page.remaining());
    if (c.representation() == Representation.JSON) {
      // the stored JSON documents joined: microseconds, on the event loop
      ctx.response().putHeader("Content-Type", Renderer.contentType(c))
          .end(Renderer.list(r.type(), c, page.items(), meta, o.includeObject()));
      return;
    }
    // Tables, YAML and metadata read each view back from its JSON (~5 us each; 2,000 rows ~10 ms):
    // built on a worker, so that a large list never holds up the other requests of this event loop
    ctx.vertx().executeBlocking(() -> Renderer.list(r.type(), c, page.items(), meta, o.includeObject()), false)
        .onComplete(rendered -> {
          if (ctx.response().closed() || ctx.response().ended()) {
            return;
          }
          if (rendered.failed()) {
            ctx.fail(rendered.cause());
            return;
          }
          ctx.response().putHeader("Content-Type", Renderer.contentType(c)).end(rendered.result());
        });
  }

  record Page(List<StoredView> items, String continueToken, Long remaining) {}

  /** One page: matching views after {@code after}, at most {@code limit} of them when a limit is set. */
  static Page page(ResourceType type, Snapshot snap, String namespace, String after, ListOptions o) {
    String ns = namespace;
    String fieldNs = o.fields().required("metadata.namespace");
    if (ns.isEmpty() && fieldNs != null) {
      ns = fieldNs;
    }
    List<StoredView> range = snap.range(ns, after);
    boolean filtered = !o.labels().isEverything() || !o.fields().isEverything();
    List<StoredView> out = new ArrayList<>(o.limit() > 0 ? (int) Math.min(o.limit(), range.size()) : range.size());
    int i = 0;
    for (; i < range.size(); i++) {
      if (o.limit() > 0 && out.size() >= o.limit()) {
        break;
      }
      StoredView v = range.get(i);
      if (!filtered || (o.labels().matches(v.metadata().labels()) && o.fields().matches(v))) {
        out.add(v);
      }
    }
    if (i >= range.size() || out.isEmpty()) {
      return new Page(out, null, null);
    }
    String token = new ContinueToken(snap.resourceVersion(), out.get(out.size() - 1).key()).encode();
    return new Page(out, token, filtered ? null : (long) (range.size() - i));
  }

  static Status expired(boolean fromContinue) {
    String message = fromContinue
        ? "The provided continue parameter is too old to display a consistent list result. You can start a new"
            + " list without the continue parameter."
        : "The resourceVersion for the provided list is too old.";
    return Status.failure(410, "Expired", message, null);
  }

  /**
   * kube-apiserver's answer to a continue token older than its history: 410, with a token that
   * continues after the same key at the newest state (the rest of the list may then differ).
   */
  static Status continueExpired(String lastKey) {
    Status s = Status.failure(410, "Expired", "The provided continue parameter is too old to display a"
        + " consistent list result. You can start a new list without the continue parameter, or use the"
        + " continue token in this response to retrieve the remainder of the results. Continuing with the"
        + " provided token results in an inconsistent list - objects that were created, modified, or deleted"
        + " between the time the first chunk was returned and now may show up in the list.", null);
    return new Status(s.kind(), s.apiVersion(), Map.of("continue",
        new ContinueToken(ContinueToken.LATEST, lastKey).encode()), s.status(), s.message(), s.reason(),
        s.details(), s.code());
  }

  /** kube-apiserver's answer to a version its cache did not reach in time (a client retries it). */
  static Status tooLarge(long wanted, long current) {
    return Status.failure(504, "Timeout", "Timeout: Too large resource version: " + wanted + ", current: "
        + current, new Status.Details(null, null, null,
        List.of(new Status.Cause("ResourceVersionTooLarge", "Too large resource version", null)), 1));
  }
}
