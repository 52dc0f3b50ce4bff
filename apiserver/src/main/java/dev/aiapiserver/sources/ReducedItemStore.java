package dev.aiapiserver.sources;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.fabric8.kubernetes.client.informers.cache.ItemStore;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * An informer's item store that keeps a reduced copy of each object, so the caches grow with what
 * the views read rather than with full objects, and that refuses objects the views never read
 * (non-Warning events). Index functions see the full object on put and the reduced one on removal,
 * so they must read only fields the reduction keeps.
 */
final class ReducedItemStore<T extends HasMetadata> implements ItemStore<T> {
  private final ConcurrentHashMap<String, T> items = new ConcurrentHashMap<>();
  private final UnaryOperator<T> reduce;
  private final Predicate<? super T> keep;

  ReducedItemStore(UnaryOperator<T> reduce, Predicate<? super T> keep) {
    this.reduce = reduce;
    this.keep = keep;
  }

  ReducedItemStore(UnaryOperator<T> reduce) {
    this(reduce, item -> true);
  }

  @Override
  public String getKey(T item) {
    return Cache.metaNamespaceKeyFunc(item);
  }

  @Override
  public T put(String key, T item) {
    return keep.test(item) ? items.put(key, SharedEmpties.compact(reduce.apply(item))) : items.remove(key);
  }

  @Override
  public T remove(String key) {
    return items.remove(key);
  }

  @Override
  public Stream<String> keySet() {
    return items.keySet().stream();
  }

  @Override
  public Stream<T> values() {
    return items.values().stream();
  }

  @Override
  public int size() {
    return items.size();
  }

  @Override
  public T get(String key) {
    return items.get(key);
  }
}
