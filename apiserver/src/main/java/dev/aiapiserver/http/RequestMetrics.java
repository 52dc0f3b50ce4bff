package dev.aiapiserver.http;

import dev.aiapiserver.request.RequestAttributes;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Request counters and latency histograms per verb, resource and code (named like kube-apiserver's
 * apiserver_request_*), plus gauges for views and watchers, served as Prometheus text on /metrics.
 */
public final class RequestMetrics implements Handler<RoutingContext> {
  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final Counter requests = Counter.builder().name("apiserver_request_total")
      .help("Requests by verb, resource and HTTP code.").labelNames("verb", "resource", "code").register(registry);
  private final Histogram latency = Histogram.builder().name("apiserver_request_duration_seconds")
      .help("Request latency by verb and resource (for watches: until the stream ends).")
      .labelNames("verb", "resource")
      .classicUpperBounds(0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 60)
      .register(registry);
  private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();

  private static final java.util.Set<String> VERBS = java.util.Set.of("get", "list", "watch", "create", "update",
      "patch", "delete", "deletecollection", "head", "post", "put", "options");
  private final java.util.Set<String> resources;

  public RequestMetrics(List<ServedResource> served) {
    this.resources = served.stream().map(r -> r.type().plural()).collect(java.util.stream.Collectors.toSet());
    Gauge views = Gauge.builder().name("ai_apiserver_views").help("Views held by the store, per resource.")
        .labelNames("resource").build();
    Gauge watchers = Gauge.builder().name("ai_apiserver_watchers").help("Open watches, per resource.")
        .labelNames("resource").build();
    // Gauges are read at scrape time from the stores, so they cost nothing per request.
    registry.register(() -> {
      served.forEach(r -> views.labelValues(r.type().plural()).set(r.store().current().size()));
      return views.collect();
    });
    registry.register(() -> {
      served.forEach(r -> watchers.labelValues(r.type().plural()).set(r.store().watcherCount()));
      return watchers.collect();
    });
  }

  @Override
  public void handle(RoutingContext ctx) {
    long start = System.nanoTime();
    ctx.addEndHandler(done -> {
      RequestAttributes a = RequestInfo.of(ctx);
      // Labels come from the request; only known values are kept, so no client can create
      // series (memory) at will with made-up paths or methods.
      String verb = a == null ? ctx.request().method().name().toLowerCase() : a.verb();
      verb = VERBS.contains(verb) ? verb : "other";
      String resource = a == null || !a.resourceRequest() ? "" : a.resource();
      resource = resource.isEmpty() || resources.contains(resource) ? resource : "other";
      requests.labelValues(verb, resource, Integer.toString(ctx.response().getStatusCode())).inc();
      latency.labelValues(verb, resource).observe((System.nanoTime() - start) / 1e9);
    });
    ctx.next();
  }

  void scrape(RoutingContext ctx) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
    try {
      writer.write(out, registry.scrape(), io.prometheus.metrics.config.EscapingScheme.ALLOW_UTF8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ctx.response().putHeader("Content-Type", writer.getContentType()).end(Buffer.buffer(out.toByteArray()));
  }
}
