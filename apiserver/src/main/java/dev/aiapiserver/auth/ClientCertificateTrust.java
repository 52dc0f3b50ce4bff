package dev.aiapiserver.auth;

import io.vertx.core.http.ClientAuth;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.TrustOptions;
import java.net.Socket;
import java.security.cert.X509Certificate;
import java.util.stream.Stream;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The TLS side of client certificates: the server requests one but does not require it (probes
 * and token clients connect without), and accepts any chain during the handshake, because the CAs
 * rotate. The authentication steps verify the chain per request against the current CAs; the
 * handshake still proves the client holds the certificate's key. The CAs are advertised as
 * acceptable issuers, as kube-apiserver does, so clients pick the right certificate.
 */
public final class ClientCertificateTrust {
  private final AuthenticationConfigSource source;

  public ClientCertificateTrust(AuthenticationConfigSource source) {
    this.source = source;
  }

  /** Sets client-auth REQUEST and this trust on the TLS server options. */
  public HttpServerOptions applyTo(HttpServerOptions options) {
    return options.setClientAuth(ClientAuth.REQUEST).setTrustOptions(trustOptions());
  }

  public TrustOptions trustOptions() {
    return TrustOptions.wrap(new AcceptAnyClient());
  }

  private final class AcceptAnyClient extends X509ExtendedTrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
      throw new UnsupportedOperationException("this trust is for a server's clients only");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
      checkServerTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
      checkServerTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      AuthenticationConfig config = source.current();
      return Stream.concat(config.clientCAs().stream(), config.requestHeaderCAs().stream())
          .distinct().toArray(X509Certificate[]::new);
    }
  }
}
