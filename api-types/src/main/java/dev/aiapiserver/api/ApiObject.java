package dev.aiapiserver.api;

/**
 * An object served by ai.k8s.io: it has Kubernetes object metadata, and the server can stamp a new
 * resourceVersion on it without touching the rest of its content.
 */
public interface ApiObject {
  /** Standard object metadata. */
  ObjectMeta metadata();

  /** A copy of this object with other metadata (the store uses it to set resourceVersion). */
  ApiObject withMetadata(ObjectMeta metadata);
}
