package dev.aiapiserver.store;

import java.util.List;

/**
 * Receives the changes of each commit, on the committing thread: it must only enqueue (never
 * block, never write to a socket) and say whether it kept up.
 */
public interface WatchListener {
  /** @return false when the watcher fell too far behind; the store then drops it */
  boolean onChanges(List<Change> changes);
}
