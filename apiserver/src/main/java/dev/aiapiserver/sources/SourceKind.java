package dev.aiapiserver.sources;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * One informer of the table the sources iterate: its name, the fabric8 type it lists and watches,
 * the reduced copy its cache keeps, how that copy is held, and the indexes the engine looks it up by.
 *
 * @param name informer name, e.g. deployments (also the name /readyz and the ClusterContext report)
 * @param type the fabric8 model class
 * @param reduce the reduced copy: only the fields the rules read
 * @param packing how the cache holds the reduced copy
 * @param indexes index name to index function (reading only fields {@code reduce} keeps)
 */
record SourceKind<T extends HasMetadata>(String name, Class<T> type, UnaryOperator<T> reduce, Packing<T> packing,
    Map<String, Function<T, List<String>>> indexes) {

  static <T extends HasMetadata> SourceKind<T> of(String name, Class<T> type, UnaryOperator<T> reduce,
      Packing<T> packing, Map<String, Function<T, List<String>>> indexes) {
    return new SourceKind<>(name, type, reduce, packing, indexes);
  }

  static <T extends HasMetadata> SourceKind<T> of(String name, Class<T> type, UnaryOperator<T> reduce,
      Packing<T> packing) {
    return new SourceKind<>(name, type, reduce, packing, Map.of());
  }
}
