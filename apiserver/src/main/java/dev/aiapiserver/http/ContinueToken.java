package dev.aiapiserver.http;

import dev.aiapiserver.request.Json;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * The opaque continue token of a paged list, base64url JSON like kube-apiserver's: the version the
 * list is at and the last key returned. Versions mean the same on every replica, so any replica
 * serves the next page. A version of -1 (what an expired token's 410 hands back) continues at the
 * newest state, as kube-apiserver's does. A token that does not decode is a 400.
 */
record ContinueToken(long resourceVersion, String lastKey) {
  static final long LATEST = -1;

  String encode() {
    byte[] json = Json.bytes(Map.of("v", "meta.k8s.io/v1", "rv", resourceVersion, "start", lastKey));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json);
  }

  static ContinueToken decode(String token) {
    try {
      byte[] json = Base64.getUrlDecoder().decode(token.trim().replace('+', '-').replace('/', '_')
          .replace("=", ""));
      Map<?, ?> m = Json.MAPPER.readValue(new String(json, StandardCharsets.UTF_8), Map.class);
      Object v = m.get("v");
      Object rv = m.get("rv");
      Object start = m.get("start");
      if (!"meta.k8s.io/v1".equals(v) || !(rv instanceof Number n) || (n.longValue() <= 0 && n.longValue() != LATEST)
          || !(start instanceof String s) || s.isEmpty()) {
        throw new IllegalArgumentException("unexpected content");
      }
      return new ContinueToken(n.longValue(), s);
    } catch (RuntimeException e) {
      throw new BadRequest("continue key is not valid: the provided continue parameter is malformed; start a"
          + " new list without the continue parameter");
    }
  }
}
