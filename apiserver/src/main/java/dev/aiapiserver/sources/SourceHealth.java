package dev.aiapiserver.sources;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether each informer still hears from its upstream, so that stale data is said out loud
 * (ClusterContext.freshness, /readyz) rather than served as fresh. Two signs, checked every period:
 * an informer that has synced but has no watch open (cut, refused: fabric8 is retrying), and the
 * API server not answering a small request ({@code /version}) within the timeout, which also
 * catches the outage a cut cannot show: connections that stay open but carry nothing. A source is
 * stale from the first sign until the sign is gone; every change is reported to {@code onChange}.
 */
public final class SourceHealth implements AutoCloseable {
  /** Since when a source is stale, and why. */
  public record Stale(Instant since, String reason) {}

  private static final Logger LOG = LoggerFactory.getLogger(SourceHealth.class);

  private final KubernetesClient client;
  private final Map<String, ? extends SharedIndexInformer<?>> informers;
  private final Clock clock;
  private final Runnable onChange;
  private final Duration timeout;
  private final Duration period;
  private final Map<String, Stale> watchLost = new ConcurrentHashMap<>();
  private final Map<String, String> lastError = new ConcurrentHashMap<>();
  private final Map<String, Boolean> notWatching = new ConcurrentHashMap<>();
  private final AtomicBoolean probing = new AtomicBoolean();
  private volatile Stale upstream;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "source-health");
    t.setDaemon(true);
    return t;
  });

  SourceHealth(KubernetesClient client, Map<String, ? extends SharedIndexInformer<?>> informers, Clock clock,
      Runnable onChange, Duration period, Duration timeout) {
    this.client = client;
    this.informers = informers;
    this.clock = clock;
    this.onChange = onChange;
    this.timeout = timeout;
    this.period = period;
  }

  void start() {
    timer.scheduleWithFixedDelay(this::check, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** What an informer's exception handler saw: the reason given when it turns out stale. */
  void error(String source, Throwable error) {
    lastError.put(source, UpstreamErrors.describe(error));
  }

  /** The stale sources (every one, while the API server does not answer), by name. */
  public Map<String, Stale> stale() {
    Map<String, Stale> all = new TreeMap<>(watchLost);
    Stale down = upstream;
    if (down != null) {
      informers.forEach((name, informer) -> {
        if (informer.hasSynced()) {
          all.merge(name, down, (a, b) -> a.since().isBefore(b.since()) ? a : b);
        }
      });
    }
    return all;
  }

  /** A source's readiness problem, if any. */
  public Optional<String> problem(String source) {
    SharedIndexInformer<?> informer = informers.get(source);
    if (informer != null && !informer.hasSynced()) {
      return Optional.of("not synced yet");
    }
    Stale s = stale().get(source);
    return s == null ? Optional.empty() : Optional.of("stale since " + s.since() + ": " + s.reason());
  }

  private void check() {
    try {
      boolean changed = false;
      Instant now = clock.instant();
      for (Map.Entry<String, ? extends SharedIndexInformer<?>> e : informers.entrySet()) {
        String name = e.getKey();
        SharedIndexInformer<?> informer = e.getValue();
        boolean lost = informer.hasSynced() && informer.isRunning() && !Sources.watching(informer);
        // a watch is not open yet for a moment after each list: lost only when seen twice in a row
        boolean lostBefore = notWatching.put(name, lost) == Boolean.TRUE;
        if (lost && lostBefore && !watchLost.containsKey(name)) {
          watchLost.put(name, new Stale(now, "watch lost: " + lastError.getOrDefault(name, "reconnecting")));
          LOG.warn("event=source_stale source={} reason=\"watch lost\"", name);
          changed = true;
        } else if (!lost && watchLost.remove(name) != null) {
          LOG.info("event=source_fresh source={}", name);
          changed = true;
        }
      }
      if (changed) {
        onChange.run();
      }
      probe();
    } catch (RuntimeException e) {
      LOG.warn("event=source_health_check_failed error=\"{}\"", String.valueOf(e.getMessage()));
    }
  }

  /** One small request at a time to the API server, with a timeout of its own. */
  private void probe() {
    if (!probing.compareAndSet(false, true)) {
      return;
    }
    var request = client.getHttpClient().newHttpRequestBuilder()
        .uri(client.getMasterUrl().toString().replaceAll("/+$", "") + "/version")
        .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS).build();
    client.getHttpClient().sendAsync(request, String.class)
        .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
        .whenComplete((response, error) -> {
          probing.set(false);
          boolean ok = error == null && response.code() < 500;
          if (ok && upstream != null) {
            upstream = null;
            LOG.info("event=upstream_reachable");
            onChange.run();
          } else if (!ok && upstream == null) {
            String why = error != null ? error.getClass().getSimpleName() + " " + UpstreamErrors.describe(error)
                : "HTTP " + response.code();
            upstream = new Stale(clock.instant(), "the API server does not answer (" + why + ")");
            LOG.warn("event=upstream_unreachable reason=\"{}\"", why);
            onChange.run();
          }
        });
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
