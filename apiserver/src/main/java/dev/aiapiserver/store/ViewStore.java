package dev.aiapiserver.store;

import dev.aiapiserver.api.ApiObject;
import java.util.Collection;
import java.util.Optional;

/**
 * The served views of one resource, in memory: each with its serialized bytes, sorted by
 * namespace/name, stamped with the server's single resourceVersion counter, plus a bounded history
 * of changes for watches. (Skeleton: the full implementation follows.)
 */
public final class ViewStore {

  /** Key of a view: "namespace/name", or "name" for cluster-scoped views. */
  public static String key(String namespace, String name) {
    return namespace == null || namespace.isEmpty() ? name : namespace + "/" + name;
  }

  /**
   * Applies a batch of changes. A view whose content did not change keeps its resourceVersion and
   * emits no watch event. Safe to call from any one thread at a time (the engine's).
   *
   * @param upserts new or recomputed views (their metadata.resourceVersion is ignored)
   * @param deletions keys of views that no longer exist
   */
  public void commit(Collection<? extends ApiObject> upserts, Collection<String> deletions) {
    throw new UnsupportedOperationException();
  }

  /** The current view under namespace/name, with its resourceVersion. */
  public Optional<ApiObject> get(String namespace, String name) {
    throw new UnsupportedOperationException();
  }

  /** Every current view, sorted by key. */
  public Collection<ApiObject> all() {
    throw new UnsupportedOperationException();
  }
}
