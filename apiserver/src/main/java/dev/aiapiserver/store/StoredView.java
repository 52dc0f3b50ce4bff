package dev.aiapiserver.store;

import dev.aiapiserver.api.ApiObject;

/**
 * A view as served: the object, its JSON bytes (serialized once, when it changed) and its
 * resourceVersion.
 */
public record StoredView(String key, ApiObject object, byte[] json, long resourceVersion) {

  public String namespace() {
    String ns = object.metadata().namespace();
    return ns == null ? "" : ns;
  }
}
