package dev.aiapiserver.auth;

import java.nio.file.Path;
import java.util.List;

/**
 * The authentication flags, named as kube-apiserver names them. Each flag that is given (a file,
 * or a non-empty list) replaces the matching key of the ConfigMap
 * kube-system/extension-apiserver-authentication; CA files are re-read when they change.
 *
 * @param clientCaFile --client-ca-file, or null
 * @param requestHeaderClientCaFile --requestheader-client-ca-file, or null
 * @param requestHeaderAllowedNames --requestheader-allowed-names
 * @param requestHeaderUsernameHeaders --requestheader-username-headers
 * @param requestHeaderGroupHeaders --requestheader-group-headers
 * @param requestHeaderExtraHeadersPrefix --requestheader-extra-headers-prefix
 * @param requestHeaderUidHeaders --requestheader-uid-headers
 */
public record AuthenticationFlags(
    Path clientCaFile,
    Path requestHeaderClientCaFile,
    List<String> requestHeaderAllowedNames,
    List<String> requestHeaderUsernameHeaders,
    List<String> requestHeaderGroupHeaders,
    List<String> requestHeaderExtraHeadersPrefix,
    List<String> requestHeaderUidHeaders) {

  public AuthenticationFlags {
    requestHeaderAllowedNames = nonNull(requestHeaderAllowedNames);
    requestHeaderUsernameHeaders = nonNull(requestHeaderUsernameHeaders);
    requestHeaderGroupHeaders = nonNull(requestHeaderGroupHeaders);
    requestHeaderExtraHeadersPrefix = nonNull(requestHeaderExtraHeadersPrefix);
    requestHeaderUidHeaders = nonNull(requestHeaderUidHeaders);
  }

  /** No flag given: everything comes from the ConfigMap. */
  public static AuthenticationFlags none() {
    return new AuthenticationFlags(null, null, List.of(), List.of(), List.of(), List.of(), List.of());
  }

  boolean coverBothCAs() {
    return clientCaFile != null && requestHeaderClientCaFile != null;
  }

  private static List<String> nonNull(List<String> values) {
    return values == null ? List.of() : List.copyOf(values);
  }
}
