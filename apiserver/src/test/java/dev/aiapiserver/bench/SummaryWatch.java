package dev.aiapiserver.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One watch on WorkloadSummaries, as a client sees it: every event line with the moment it
 * arrived. The line is stored as it came and read later, so that timing costs nothing per event.
 */
final class SummaryWatch implements Flow.Subscriber<String> {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** One watch event as it arrived. */
  record Arrival(long nanos, String line) {
    JsonNode event() {
      return JSON.readTree(line);
    }

    String name() {
      return event().path("object").path("metadata").path("name").asString();
    }
  }

  final List<Arrival> arrivals = new CopyOnWriteArrayList<>();
  /** Completes with the status code when the headers arrive; the response itself only ends with the watch. */
  private final CompletableFuture<Integer> status = new CompletableFuture<>();
  private final CompletableFuture<HttpResponse<Void>> response;
  private volatile Flow.Subscription subscription;

  SummaryWatch(HttpClient client, HttpRequest request) {
    response = client.sendAsync(request, info -> {
      status.complete(info.statusCode());
      return HttpResponse.BodySubscribers.fromLineSubscriber(this);
    });
    response.whenComplete((r, e) -> status.completeExceptionally(e != null ? e : new IllegalStateException("ended")));
  }

  /** Waits until the server has answered the watch with its headers. */
  void awaitOpen() throws Exception {
    int code = status.get(60, TimeUnit.SECONDS);
    if (code != 200) {
      throw new IllegalStateException("watch answered " + code);
    }
  }

  /** The first event about the named summary that arrived at or after index {@code from}, or null at the deadline. */
  Arrival await(String name, int from, long deadlineNanos) {
    while (System.nanoTime() < deadlineNanos) {
      for (int i = from; i < arrivals.size(); i++) {
        if (arrivals.get(i).line().contains("\"name\":\"" + name + "\"")) {
          return arrivals.get(i);
        }
      }
      LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(200));
    }
    return null;
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    s.request(Long.MAX_VALUE);
  }

  @Override
  public void onNext(String line) {
    long now = System.nanoTime();
    if (!line.isBlank()) {
      arrivals.add(new Arrival(now, line));
    }
  }

  @Override
  public void onError(Throwable t) {}

  @Override
  public void onComplete() {}

  void close() {
    Flow.Subscription s = subscription;
    if (s != null) {
      s.cancel();
    }
    response.cancel(true);
  }
}
