package dev.aiapiserver.store;

/**
 * One change in the history: the view after it (for DELETED, the last state stamped with the
 * deletion's version) and the view before it (null for ADDED), so a filtered watch can turn a
 * MODIFIED that leaves its selector into a DELETED, as kube-apiserver's watch cache does.
 * {@code from} is the first version whose state includes it (see {@link Span}); it is at most the
 * change's own version.
 */
public record Change(Type type, StoredView view, StoredView previous, long from) {
  public enum Type { ADDED, MODIFIED, DELETED }

  public long resourceVersion() {
    return view.resourceVersion();
  }
}
