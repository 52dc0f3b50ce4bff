package dev.aiapiserver.evidence;

import dev.aiapiserver.http.Json;
import java.util.ArrayList;
import java.util.List;

/** Keeps a list within a count and a number of JSON bytes, in order: the first items are the most relevant. */
final class Budget {
  private Budget() {}

  static <T> List<T> within(List<T> items, int maxItems, int maxBytes) {
    List<T> kept = new ArrayList<>();
    int bytes = 0;
    for (T item : items) {
      int size = size(item) + 1;
      if (kept.size() >= maxItems || bytes + size > maxBytes) {
        break;
      }
      bytes += size;
      kept.add(item);
    }
    return List.copyOf(kept);
  }

  static int size(Object value) {
    return value == null ? 0 : Json.bytes(value).length;
  }
}
