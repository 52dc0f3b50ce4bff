package dev.aiapiserver.testing;

import dev.aiapiserver.auth.UserInfo;
import dev.aiapiserver.mockcluster.ReviewingDispatcher;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.authentication.UserInfoBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * The mock cluster's reviews (TokenReview from a token table, SubjectAccessReview from RBAC), made
 * to fail, hang or lag on demand and recording what they were asked, so that the server's
 * fail-closed behaviour and its review cache can be shown.
 */
public final class FaultyReviews extends ReviewingDispatcher {
  /** How a review endpoint behaves. */
  public enum Outage {
    /** Reviews are answered (from the token table, from RBAC). */
    NONE,
    /** Reviews answer 500 InternalError. */
    ERROR,
    /** Reviews get no answer for a minute. */
    HANGING
  }

  private final List<SubjectAccessReview> accessReviews = new CopyOnWriteArrayList<>();
  private final AtomicInteger tokenReviewCount = new AtomicInteger();
  private final AtomicReference<Outage> tokenReviewOutage = new AtomicReference<>(Outage.NONE);
  private final AtomicReference<Outage> accessReviewOutage = new AtomicReference<>(Outage.NONE);
  private final AtomicReference<Duration> accessReviewLatency = new AtomicReference<>(Duration.ZERO);

  public FaultyReviews(KubernetesCrudDispatcher crud, Map<String, UserInfo> tokens) {
    super(crud, tokens.entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> wire(e.getValue()))));
  }

  public FaultyReviews(Map<String, UserInfo> tokens) {
    this(new KubernetesCrudDispatcher(), tokens);
  }

  /** Makes a bearer token known (or replaces the identity it stands for). */
  public void putToken(String token, UserInfo user) {
    putToken(token, wire(user));
  }

  public void setTokenReviewOutage(Outage mode) {
    tokenReviewOutage.set(mode);
  }

  public void setAccessReviewOutage(Outage mode) {
    accessReviewOutage.set(mode);
  }

  /** Delays every SubjectAccessReview answer, so that concurrent reviews overlap. */
  public void setAccessReviewLatency(Duration latency) {
    accessReviewLatency.set(latency);
  }

  /** Every SubjectAccessReview received so far, as sent (also those answered with an outage). */
  public List<SubjectAccessReview> accessReviews() {
    return List.copyOf(accessReviews);
  }

  public int accessReviewCount() {
    return accessReviews.size();
  }

  public int tokenReviewCount() {
    return tokenReviewCount.get();
  }

  @Override
  protected MockResponse answerTokenReview(TokenReview review) {
    tokenReviewCount.incrementAndGet();
    MockResponse outage = outageAnswer(tokenReviewOutage.get());
    return outage != null ? outage : super.answerTokenReview(review);
  }

  @Override
  protected MockResponse answerAccessReview(SubjectAccessReview review) {
    accessReviews.add(new SubjectAccessReviewBuilder(review).build());
    MockResponse outage = outageAnswer(accessReviewOutage.get());
    if (outage != null) {
      return outage;
    }
    MockResponse answer = super.answerAccessReview(review);
    Duration latency = accessReviewLatency.get();
    return latency.isZero() ? answer : answer.setBodyDelay(latency);
  }

  private static MockResponse outageAnswer(Outage outage) {
    return switch (outage) {
      case ERROR -> json(500, new StatusBuilder().withStatus("Failure").withCode(500)
          .withReason("InternalError").withMessage("the reviewer is down").build());
      case HANGING -> json(500, new StatusBuilder().withStatus("Failure").withCode(500).build())
          .setBodyDelay(Duration.ofMinutes(1));
      case NONE -> null;
    };
  }

  private static io.fabric8.kubernetes.api.model.authentication.UserInfo wire(UserInfo user) {
    return new UserInfoBuilder().withUsername(user.name()).withUid(user.uid())
        .withGroups(user.groups()).withExtra(user.extra()).build();
  }
}
