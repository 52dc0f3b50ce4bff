package dev.aiapiserver.sources;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A reduced object of a kind with a spec and a status (workloads, Services, Nodes, Namespaces) as
 * its cache holds it: the metadata packed ({@link PackedMeta}), the spec and status shared
 * ({@link Canonical}). Every read assembles an equal reduced object.
 */
final class PackedObject extends PackedMeta {
  private final Object spec;
  private final Object status;

  private PackedObject(HasMetadata compacted, Object spec, Object status) {
    super(compacted.getMetadata());
    this.spec = spec;
    this.status = status;
  }

  /** The packing of one kind, given how to make an empty object and reach its spec and status. */
  static <T extends HasMetadata, S, U> Packing<T> of(Supplier<T> empty, Function<T, S> spec,
      BiConsumer<T, S> setSpec, Function<T, U> status, BiConsumer<T, U> setStatus) {
    return new Packing<>() {
      @Override
      public Object pack(String key, T reduced, Canonical canonical) {
        T compacted = canonical.compact(reduced);
        return new PackedObject(compacted, spec.apply(compacted), status.apply(compacted));
      }

      @Override
      @SuppressWarnings("unchecked")
      public T unpack(String key, Object held) {
        PackedObject packed = (PackedObject) held;
        T item = empty.get();
        item.setMetadata(packed.metadata(key));
        setSpec.accept(item, (S) packed.spec);
        setStatus.accept(item, (U) packed.status);
        return item;
      }
    };
  }
}
