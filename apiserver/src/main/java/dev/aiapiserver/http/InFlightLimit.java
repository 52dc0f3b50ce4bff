package dev.aiapiserver.http;

import dev.aiapiserver.api.Status;
import dev.aiapiserver.auth.RequestAttributes;
import dev.aiapiserver.auth.UserInfo;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * kube-apiserver's max-in-flight filter: at most N reads (get, list) and M writes in progress at
 * once, server-wide; beyond that a 429 with Retry-After: 1, before the request costs a
 * SubjectAccessReview. Not counted, as in kube-apiserver: watches (long-running), members of
 * system:masters; and, as priority-and-fairness's exempt "probes" flow schema does, the health
 * probes, so a loaded server still answers its kubelet.
 */
public final class InFlightLimit implements Handler<RoutingContext> {
  private static final Set<String> READS = Set.of("get", "list", "head");
  private static final Set<String> PROBES = Set.of("/healthz", "/livez", "/readyz");

  private final RequestLimits limits;
  private final AtomicInteger reads = new AtomicInteger();
  private final AtomicInteger writes = new AtomicInteger();

  public InFlightLimit(RequestLimits limits) {
    this.limits = limits;
  }

  @Override
  public void handle(RoutingContext ctx) {
    RequestAttributes a = RequestInfo.of(ctx);
    if (a == null || a.verb().equals("watch") || probe(a) || privileged(ctx.get(UserInfo.class.getName()))) {
      ctx.next();
      return;
    }
    boolean read = READS.contains(a.verb());
    int max = read ? limits.maxRequestsInFlight() : limits.maxMutatingRequestsInFlight();
    if (max <= 0) {
      ctx.next();
      return;
    }
    AtomicInteger counter = read ? reads : writes;
    if (counter.incrementAndGet() > max) {
      counter.decrementAndGet();
      ctx.response().putHeader("Retry-After", "1");
      StatusReplies.fail(ctx, Status.failure(429, "TooManyRequests", "Too many requests, please try again later.",
          new Status.Details(null, null, null, 1)));
      return;
    }
    AtomicBoolean released = new AtomicBoolean();
    ctx.addEndHandler(done -> {
      if (released.compareAndSet(false, true)) {
        counter.decrementAndGet();
      }
    });
    ctx.next();
  }

  RequestLimits limits() {
    return limits;
  }

  /** Requests in progress now: reads, writes. */
  int[] inFlight() {
    return new int[] {reads.get(), writes.get()};
  }

  private static boolean probe(RequestAttributes a) {
    if (a.resourceRequest()) {
      return false;
    }
    String path = a.path();
    int slash = path.indexOf('/', 1);
    return PROBES.contains(slash < 0 ? path : path.substring(0, slash));
  }

  private static boolean privileged(UserInfo user) {
    return user != null && user.groups().contains("system:masters");
  }
}
