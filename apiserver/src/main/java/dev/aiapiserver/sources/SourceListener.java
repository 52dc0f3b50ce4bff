package dev.aiapiserver.sources;

import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * Told of every change to a cache, after the cache holds it. Called on informer threads, possibly
 * concurrently for different sources: implementations must be quick and thread-safe.
 */
@FunctionalInterface
public interface SourceListener {
  /**
   * @param source informer name (e.g. pods), or {@link Sources#VERSION} / {@link Sources#DISCOVERY}
   *     when the cluster facts changed (then both objects are null)
   * @param before the object as cached before, or null when added
   * @param after the object now, or null when deleted
   */
  void changed(String source, HasMetadata before, HasMetadata after);
}
