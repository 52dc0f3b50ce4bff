package dev.aiapiserver.auth;

import dev.aiapiserver.request.UserInfo;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Step 2: a TLS client certificate that verifies against the client CA; user = CN, groups = O. */
final class ClientCertificateAuthenticator implements Handler<RoutingContext> {
  private final AuthenticationConfigSource source;

  ClientCertificateAuthenticator(AuthenticationConfigSource source) {
    this.source = source;
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (!Authenticated.already(ctx)) {
      authenticate(ctx, source.current());
    }
    ctx.next();
  }

  private static void authenticate(RoutingContext ctx, AuthenticationConfig config) {
    List<X509Certificate> chain = PeerCertificates.of(ctx);
    if (chain.isEmpty() || config.clientCAs().isEmpty()) {
      return;
    }
    Optional<String> unverified = CertificateChains.verify(chain, config.clientCAs());
    if (unverified.isPresent()) {
      AuthenticationFailure.record(ctx, new AuthenticationFailure(401,
          "client certificate not signed by the client CA: " + unverified.get()));
      return;
    }
    String user = PeerCertificates.commonName(chain.get(0));
    if (!user.isEmpty()) {
      Authenticated.as(ctx, new UserInfo(user, "", PeerCertificates.organizations(chain.get(0)), Map.of()));
    }
  }
}
