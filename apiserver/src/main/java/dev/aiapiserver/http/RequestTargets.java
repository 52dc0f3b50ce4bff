package dev.aiapiserver.http;

import java.util.Optional;

/**
 * Checks a request's target (path and query, as sent) before anything routes or decodes it, the way
 * Go's net/http parses it for kube-apiserver: a malformed escape is a 400, not an exception deep in
 * a decoder. Two refusals are stricter than Go, on purpose: dot segments ({@code .}, {@code ..},
 * also escaped), because the path that is authorized must be the path that is served; and a
 * {@code ;} in the query, which Go silently drops together with its parameter (a selector that
 * disappears would widen a list) and Netty treats as a separator.
 */
final class RequestTargets {
  private RequestTargets() {}

  /** Why the target is refused (a 400 message), or empty when it may be routed. */
  static Optional<String> refusal(String path, String query) {
    if (path == null || path.isEmpty() || path.charAt(0) != '/') {
      return Optional.of("the request path must be absolute: it must start with \"/\"");
    }
    Optional<String> bad = badEscape(path);
    if (bad.isEmpty() && query != null) {
      bad = badEscape(query);
    }
    if (bad.isPresent()) {
      return Optional.of("invalid URL escape \"" + bad.get() + "\"");
    }
    if (query != null && query.indexOf(';') >= 0) {
      return Optional.of("invalid semicolon separator in query");
    }
    for (String segment : path.split("/", -1)) {
      String s = segment.replace("%2e", ".").replace("%2E", ".");
      if (s.equals(".") || s.equals("..")) {
        return Optional.of("the request path is not in canonical form: it has a \"" + segment + "\" segment");
      }
    }
    return Optional.empty();
  }

  /** The first malformed %-escape (as Go's url.unescape reports it), if any. */
  static Optional<String> badEscape(String text) {
    for (int i = text.indexOf('%'); i >= 0; i = text.indexOf('%', i + 1)) {
      if (i + 2 >= text.length() || Character.digit(text.charAt(i + 1), 16) < 0
          || Character.digit(text.charAt(i + 2), 16) < 0) {
        return Optional.of(text.substring(i, Math.min(text.length(), i + 3)));
      }
      i += 2;
    }
    return Optional.empty();
  }
}
