package dev.aiapiserver.auth;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Who may authenticate how, at one moment: the client CA for client certificates, and the
 * front-proxy (requestheader) CA, the CNs it may present and the headers it fills. Comes from the
 * ConfigMap kube-system/extension-apiserver-authentication and the flags; see
 * {@link AuthenticationConfigSource}.
 *
 * @param requestHeaderAllowedNames CNs a front-proxy certificate may carry; empty means any CN
 *     signed by the requestheader CA
 */
public record AuthenticationConfig(
    List<X509Certificate> clientCAs,
    List<X509Certificate> requestHeaderCAs,
    List<String> requestHeaderAllowedNames,
    List<String> requestHeaderUsernameHeaders,
    List<String> requestHeaderGroupHeaders,
    List<String> requestHeaderExtraHeaderPrefixes,
    List<String> requestHeaderUidHeaders) {

  public static final List<String> DEFAULT_USERNAME_HEADERS = List.of("X-Remote-User");
  public static final List<String> DEFAULT_GROUP_HEADERS = List.of("X-Remote-Group");
  public static final List<String> DEFAULT_EXTRA_HEADER_PREFIXES = List.of("X-Remote-Extra-");

  public AuthenticationConfig {
    clientCAs = List.copyOf(clientCAs);
    requestHeaderCAs = List.copyOf(requestHeaderCAs);
    requestHeaderAllowedNames = List.copyOf(requestHeaderAllowedNames);
    requestHeaderUsernameHeaders = List.copyOf(requestHeaderUsernameHeaders);
    requestHeaderGroupHeaders = List.copyOf(requestHeaderGroupHeaders);
    requestHeaderExtraHeaderPrefixes = List.copyOf(requestHeaderExtraHeaderPrefixes);
    requestHeaderUidHeaders = List.copyOf(requestHeaderUidHeaders);
  }

  /** No CA at all: only bearer tokens and anonymous requests can be authenticated. */
  public static AuthenticationConfig empty() {
    return new AuthenticationConfig(List.of(), List.of(), List.of(), DEFAULT_USERNAME_HEADERS,
        DEFAULT_GROUP_HEADERS, DEFAULT_EXTRA_HEADER_PREFIXES, List.of());
  }
}
