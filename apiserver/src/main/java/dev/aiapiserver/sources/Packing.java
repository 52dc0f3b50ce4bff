package dev.aiapiserver.sources;

/**
 * How a cache holds its reduced objects: as themselves (made {@link Canonical}), or packed into a
 * smaller form that gives the same object back on every read.
 */
interface Packing<T> {

  /** What to hold for this reduced object (which is not shared yet and may be rewritten). */
  Object pack(String key, T reduced, Canonical canonical);

  /** The object held under this key, as readers see it. */
  T unpack(String key, Object held);

  static <T> Packing<T> asIs() {
    return new Packing<>() {
      @Override
      public Object pack(String key, T reduced, Canonical canonical) {
        return canonical.compact(reduced);
      }

      @Override
      @SuppressWarnings("unchecked")
      public T unpack(String key, Object held) {
        return (T) held;
      }
    };
  }
}
