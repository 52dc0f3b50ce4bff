package dev.aiapiserver.auth;

import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Where TokenReviews and SubjectAccessReviews wait for the API server: a worker pool of their own
 * (the fabric8 calls block), so that a slow or retrying API server cannot starve other blocking
 * work, and a deadline after which the answer fails whatever the call is still doing.
 */
final class ReviewWorkers {
  private static final String POOL = "kubernetes-reviews";
  private static final int THREADS = 16;

  private final WorkerExecutor workers;
  private final Duration deadline;

  /** Create once per user (not per request): each executor handle is registered with Vert.x. */
  ReviewWorkers(Vertx vertx, Duration deadline) {
    this.workers = vertx.createSharedWorkerExecutor(POOL, THREADS);
    this.deadline = deadline;
  }

  <T> CompletableFuture<T> run(Callable<T> review) {
    return workers.executeBlocking(review, false).toCompletionStage().toCompletableFuture()
        .orTimeout(deadline.toMillis(), TimeUnit.MILLISECONDS);
  }
}
