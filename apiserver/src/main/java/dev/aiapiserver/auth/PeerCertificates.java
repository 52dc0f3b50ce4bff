package dev.aiapiserver.auth;

import io.vertx.core.http.HttpConnection;
import io.vertx.ext.web.RoutingContext;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLPeerUnverifiedException;

/** The certificate chain the TLS client presented, leaf first; empty when it sent none. */
final class PeerCertificates {
  private PeerCertificates() {}

  static List<X509Certificate> of(RoutingContext ctx) {
    HttpConnection connection = ctx.request().connection();
    if (connection == null || !connection.isSsl()) {
      return List.of();
    }
    try {
      List<Certificate> chain = connection.peerCertificates();
      if (chain == null) {
        return List.of();
      }
      return chain.stream().filter(X509Certificate.class::isInstance)
          .map(X509Certificate.class::cast).toList();
    } catch (SSLPeerUnverifiedException e) {
      return List.of();
    }
  }

  static String commonName(X509Certificate certificate) {
    return RelativeNames.of(certificate, "CN").stream().findFirst().orElse("");
  }

  static List<String> organizations(X509Certificate certificate) {
    return RelativeNames.of(certificate, "O");
  }
}
