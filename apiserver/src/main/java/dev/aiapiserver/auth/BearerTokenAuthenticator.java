package dev.aiapiserver.auth;

import dev.aiapiserver.request.UserInfo;

import io.fabric8.kubernetes.api.model.authentication.TokenReview;
import io.fabric8.kubernetes.api.model.authentication.TokenReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Step 3: a bearer token, checked by a TokenReview (authentication.k8s.io/v1) on a worker thread.
 * Answers are kept for the cache TTL under a SHA-256 of the token, never the token itself. A token
 * the review rejects is a 401, a review that fails is a 503: a token is never taken as anonymous.
 */
final class BearerTokenAuthenticator implements Handler<RoutingContext> {
  private static final Logger LOG = LoggerFactory.getLogger(BearerTokenAuthenticator.class);
  /** kube-apiserver's token webhook gives up after 10 s too; the client's retries count inside. */
  private static final Duration REVIEW_TIMEOUT = Duration.ofSeconds(10);

  private final Vertx vertx;
  private final ReviewWorkers workers;
  private final KubernetesClient client;
  private final ReviewCache<String, Optional<UserInfo>> cache;

  BearerTokenAuthenticator(Vertx vertx, KubernetesClient client, Duration cacheTtl, Clock clock) {
    this.vertx = vertx;
    this.workers = new ReviewWorkers(vertx, REVIEW_TIMEOUT);
    this.client = client;
    this.cache = new ReviewCache<>(10_000, answer -> cacheTtl, clock);
  }

  @Override
  public void handle(RoutingContext ctx) {
    Optional<String> token = bearerToken(ctx.request().getHeader("Authorization"));
    ctx.request().headers().remove("Authorization");
    if (Authenticated.already(ctx) || token.isEmpty()) {
      ctx.next();
      return;
    }
    String tokenHash = sha256(token.get());
    CompletableFuture<Optional<UserInfo>> review =
        cache.get(tokenHash, () -> workers.run(() -> review(token.get())));
    Future.fromCompletionStage(review, vertx.getOrCreateContext()).onComplete(answer -> {
      if (answer.failed()) {
        LOG.warn("event=token_review_failed tokenHash={} reason=\"{}\"", tokenHash.substring(0, 12),
            AuditLog.clean(String.valueOf(answer.cause().getMessage())));
        AuthenticationFailure.record(ctx, new AuthenticationFailure(503,
            "the bearer token could not be checked (TokenReview failed)"));
      } else if (answer.result().isEmpty()) {
        AuthenticationFailure.record(ctx, new AuthenticationFailure(401, "TokenReview rejected the bearer token"));
      } else {
        Authenticated.as(ctx, answer.result().get());
      }
      ctx.next();
    });
  }

  private Optional<UserInfo> review(String token) {
    TokenReview answer = client.authentication().v1().tokenReviews().create(
        new TokenReviewBuilder().withNewSpec().withToken(token).endSpec().build());
    if (answer.getStatus() == null || !Boolean.TRUE.equals(answer.getStatus().getAuthenticated())
        || answer.getStatus().getUser() == null) {
      return Optional.empty();
    }
    var user = answer.getStatus().getUser();
    return Optional.of(new UserInfo(user.getUsername(), user.getUid() == null ? "" : user.getUid(),
        user.getGroups() == null ? List.of() : List.copyOf(user.getGroups()),
        user.getExtra() == null ? Map.of() : Map.copyOf(user.getExtra())));
  }

  /** "Bearer <token>", as k8s.io/apiserver reads it; an empty token counts as none. */
  static Optional<String> bearerToken(String authorization) {
    if (authorization == null) {
      return Optional.empty();
    }
    String[] parts = authorization.trim().split(" ", 3);
    if (parts.length < 2 || !parts[0].equalsIgnoreCase("bearer") || parts[1].isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(parts[1]);
  }

  private static String sha256(String token) {
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
