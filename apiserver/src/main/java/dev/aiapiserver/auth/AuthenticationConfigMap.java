package dev.aiapiserver.auth;

import dev.aiapiserver.certs.Pem;
import dev.aiapiserver.http.Json;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;

/**
 * Reads the ConfigMap kube-system/extension-apiserver-authentication, which kube-apiserver keeps
 * up to date: two PEM bundles and JSON arrays of names. A missing key stays empty (the flags or
 * the defaults fill it); a broken key is reported and keeps its last good value (as
 * k8s.io/apiserver's CA controllers keep the last good bundle), never half-trusted: a garbage PEM
 * must not lock out every aggregated request.
 */
final class AuthenticationConfigMap {
  static final String NAMESPACE = "kube-system";
  static final String NAME = "extension-apiserver-authentication";

  /** What the ConfigMap says, and what in it could not be read. */
  record Content(AuthenticationConfig config, List<String> problems) {}

  private AuthenticationConfigMap() {}

  static Content read(Map<String, String> data) {
    return read(data, AuthenticationConfig.empty());
  }

  /** @param lastGood what each broken key keeps */
  static Content read(Map<String, String> data, AuthenticationConfig lastGood) {
    Map<String, String> values = data == null ? Map.of() : data;
    List<String> problems = new ArrayList<>();
    AuthenticationConfig config = new AuthenticationConfig(
        certificates(values, "client-ca-file", problems, lastGood.clientCAs()),
        certificates(values, "requestheader-client-ca-file", problems, lastGood.requestHeaderCAs()),
        names(values, "requestheader-allowed-names", problems, lastGood.requestHeaderAllowedNames()),
        names(values, "requestheader-username-headers", problems, lastGood.requestHeaderUsernameHeaders()),
        names(values, "requestheader-group-headers", problems, lastGood.requestHeaderGroupHeaders()),
        names(values, "requestheader-extra-headers-prefix", problems, lastGood.requestHeaderExtraHeaderPrefixes()),
        names(values, "requestheader-uid-headers", problems, lastGood.requestHeaderUidHeaders()));
    return new Content(config, List.copyOf(problems));
  }

  private static List<X509Certificate> certificates(Map<String, String> data, String key,
      List<String> problems, List<X509Certificate> lastGood) {
    String pem = data.get(key);
    if (pem == null || pem.isBlank()) {
      return List.of();
    }
    try {
      return Pem.readCertificates(pem);
    } catch (IllegalArgumentException e) {
      problems.add("key " + key + ": " + e.getMessage() + " (keeping the last good CAs: " + lastGood.size() + ")");
      return lastGood;
    }
  }

  private static List<String> names(Map<String, String> data, String key, List<String> problems,
      List<String> lastGood) {
    String json = data.get(key);
    if (json == null || json.isBlank()) {
      return List.of();
    }
    try {
      List<String> names = Json.MAPPER.readValue(json, new TypeReference<List<String>>() {});
      return names == null ? List.of() : names.stream().filter(n -> n != null && !n.isBlank()).toList();
    } catch (JacksonException e) {
      problems.add("key " + key + ": not a JSON array of strings (keeping the last good value)");
      return lastGood;
    }
  }
}
