package dev.aiapiserver.certs;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * A real TLS 1.3 handshake over loopback with the JDK's stack: the server presents {@code serving};
 * the client trusts only {@code ca}, checks the host name the way an HTTPS client does, and
 * presents {@code client} when given. Returns the client certificate the server saw.
 */
final class TlsHandshake {
  private TlsHandshake() {}

  static Optional<X509Certificate> connect(
      CertifiedKey serving, X509Certificate ca, String hostName, CertifiedKey client)
      throws Exception {
    SSLContext serverContext = context(serving, ca);
    SSLContext clientContext = context(client, ca);
    try (SSLServerSocket server =
        (SSLServerSocket)
            serverContext
                .getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      server.setWantClientAuth(true);
      CompletableFuture<Optional<X509Certificate>> seenByServer =
          CompletableFuture.supplyAsync(
              () -> {
                try (SSLSocket accepted = (SSLSocket) server.accept()) {
                  accepted.setSoTimeout(10_000);
                  accepted.startHandshake();
                  accepted.getOutputStream().write(1); // let the client finish its side
                  accepted.getOutputStream().flush();
                  Certificate[] peer = accepted.getSession().getPeerCertificates();
                  return Optional.of((X509Certificate) peer[0]);
                } catch (javax.net.ssl.SSLPeerUnverifiedException e) {
                  return Optional.empty();
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              });
      try (Socket plain = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
          SSLSocket socket =
              (SSLSocket)
                  clientContext
                      .getSocketFactory()
                      .createSocket(plain, hostName, server.getLocalPort(), true)) {
        socket.setSoTimeout(10_000);
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        socket.setSSLParameters(parameters);
        socket.startHandshake();
        socket.getInputStream().read();
      }
      return seenByServer.get(10, TimeUnit.SECONDS);
    }
  }

  private static SSLContext context(CertifiedKey identity, X509Certificate ca)
      throws GeneralSecurityException, IOException {
    KeyStore keys = KeyStore.getInstance("PKCS12");
    keys.load(null, null);
    if (identity != null) {
      keys.setKeyEntry(
          "identity",
          identity.privateKey(),
          new char[0],
          identity.chain().toArray(X509Certificate[]::new));
    }
    KeyManagerFactory keyManagers =
        KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keyManagers.init(keys, new char[0]);
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("ca", ca);
    TrustManagerFactory trustManagers =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trustManagers.init(trust);
    SSLContext context = SSLContext.getInstance("TLSv1.3");
    context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
    return context;
  }
}
