package dev.aiapiserver.auth;

import dev.aiapiserver.request.UserInfo;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The authentication steps, in the order kube-apiserver expects of an aggregated server:
 * front-proxy, client certificate, bearer token (TokenReview), anonymous. Install them, in this
 * order, on every route before request-info resolution and the {@link Authorizer}; afterwards
 * the RoutingContext holds a {@link UserInfo} under {@code UserInfo.class.getName()} — or the
 * request was answered 401/503.
 */
public final class AuthenticationChain {
  private AuthenticationChain() {}

  /**
   * @param tokenCacheTtl --authentication-token-webhook-cache-ttl (10s by default)
   */
  public static List<Handler<RoutingContext>> handlers(Vertx vertx, KubernetesClient client,
      AuthenticationConfigSource config, Duration tokenCacheTtl, Clock clock) {
    return List.of(
        new FrontProxyAuthenticator(config),
        new ClientCertificateAuthenticator(config),
        new BearerTokenAuthenticator(vertx, client, tokenCacheTtl, clock),
        new AnonymousAuthenticator());
  }

  public static List<Handler<RoutingContext>> handlers(Vertx vertx, KubernetesClient client,
      AuthenticationConfigSource config, Duration tokenCacheTtl) {
    return handlers(vertx, client, config, tokenCacheTtl, Clock.systemUTC());
  }

  /** The identity authentication left on the request (anonymous if none). */
  public static UserInfo userOf(RoutingContext ctx) {
    UserInfo user = ctx.get(Authenticated.KEY);
    return user == null ? UserInfo.ANONYMOUS : user;
  }
}
