package dev.aiapiserver.demo;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.net.URI;

/**
 * Where the embedded cluster listens and the bearer token it demands: the mock has no
 * authentication of its own, so a token only the front door and this server hold is its lock.
 *
 * @param url the mock's plain-HTTP loopback address
 * @param token the bearer token every request to it must carry; never written anywhere
 */
public record ClusterEndpoint(URI url, String token) {
  /** A request to the cluster, with its token. */
  RequestOptions request(HttpMethod method, String uri) {
    return authorize(new RequestOptions().setMethod(method).setHost(url.getHost())
        .setPort(url.getPort()).setURI(uri));
  }

  /** Adds the token to a request built elsewhere (one relayed from a caller). */
  RequestOptions authorize(RequestOptions options) {
    return options.putHeader("Authorization", "Bearer " + token);
  }

  WebSocketConnectOptions websocket(String uri) {
    WebSocketConnectOptions options = new WebSocketConnectOptions().setHost(url.getHost())
        .setPort(url.getPort()).setURI(uri);
    options.putHeader("Authorization", "Bearer " + token);
    return options;
  }

  @Override
  public String toString() {
    return "ClusterEndpoint[" + url + "]"; // never print the token into logs
  }
}
