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
 * (non-Warning events). Reduced copies share their common parts ({@link Canonical}) and may be
 * held packed ({@link Packing}): every read then unpacks a fresh, equal copy. Index functions see
 * the full object on put and the reduced one on removal, so they must read only fields the
 * reduction keeps.
 */
final class ReducedItemStore<T extends HasMetadata> implements ItemStore<T> {
  private final ConcurrentHashMap<String, Object> items = new ConcurrentHashMap<>();
  private final UnaryOperator<T> reduce;
  private final Predicate<? super T> keep;
  private final Packing<T> packing;
  private final Canonical canonical;

  ReducedItemStore(UnaryOperator<T> reduce, Predicate<? super T> keep, Packing<T> packing, Canonical canonical) {
    this.reduce = reduce;
    this.keep = keep;
    this.packing = packing;
    this.canonical = canonical;
  }

  @Override
  public String getKey(T item) {
    return Cache.metaNamespaceKeyFunc(item);
  }

  @Override
  public T put(String key, T item) {
    Object was = keep.test(item)
        ? items.put(key, packing.pack(key, reduce.apply(item), canonical))
        : items.remove(key);
    return unpacked(key, was);
  }

  @Override
  public T remove(String key) {
    return unpacked(key, items.remove(key));
  }

  @Override
  public Stream<String> keySet() {
    return items.keySet().stream();
  }

  @Override
  public Stream<T> values() {
    return items.entrySet().stream().map(e -> packing.unpack(e.getKey(), e.getValue()));
  }

  @Override
  public int size() {
    return items.size();
  }

  @Override
  public T get(String key) {
    return unpacked(key, items.get(key));
  }

  private T unpacked(String key, Object held) {
    return held == null ? null : packing.unpack(key, held);
  }
}
