package dev.aiapiserver.auth;

import io.vertx.core.MultiMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The identity headers a front proxy sets (the configured ones and kube-apiserver's defaults).
 * They are removed from every request once authentication has looked at them, as
 * k8s.io/apiserver does, so that no handler after it can mistake a spoofed one for the truth.
 */
final class IdentityHeaders {
  private static final List<String> DEFAULT_NAMES = List.of("X-Remote-User", "X-Remote-Group", "X-Remote-Uid");

  private IdentityHeaders() {}

  static void strip(MultiMap headers, AuthenticationConfig config) {
    Stream.of(DEFAULT_NAMES, config.requestHeaderUsernameHeaders(),
            config.requestHeaderGroupHeaders(), config.requestHeaderUidHeaders())
        .flatMap(List::stream).forEach(headers::remove);
    List<String> prefixes = Stream.concat(AuthenticationConfig.DEFAULT_EXTRA_HEADER_PREFIXES.stream(),
            config.requestHeaderExtraHeaderPrefixes().stream())
        .map(p -> p.toLowerCase(Locale.ROOT)).toList();
    List<String> extraNames = new ArrayList<>();
    for (String name : headers.names()) {
      String lower = name.toLowerCase(Locale.ROOT);
      if (prefixes.stream().anyMatch(lower::startsWith)) {
        extraNames.add(name);
      }
    }
    extraNames.forEach(headers::remove);
  }
}
