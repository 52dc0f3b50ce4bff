package dev.aiapiserver.store;

import java.util.Arrays;
import java.util.List;

/**
 * An immutable, key-sorted view of a store at one resourceVersion. Lists and pages read a
 * snapshot, so a paged list stays consistent however the store changes meanwhile.
 */
public final class Snapshot {
  private final long resourceVersion;
  private final StoredView[] views;

  Snapshot(long resourceVersion, StoredView[] sortedViews) {
    this.resourceVersion = resourceVersion;
    this.views = sortedViews;
  }

  public long resourceVersion() {
    return resourceVersion;
  }

  public int size() {
    return views.length;
  }

  /** All views (namespace empty) or those of one namespace, from the first key after {@code afterKey}. */
  public List<StoredView> range(String namespace, String afterKey) {
    int from = 0;
    int to = views.length;
    if (namespace != null && !namespace.isEmpty()) {
      String prefix = namespace + "/";
      from = lowerBound(prefix);
      to = lowerBound(namespace + "0"); // '0' is the character after '/'
    }
    if (afterKey != null && !afterKey.isEmpty()) {
      from = Math.max(from, upperBound(afterKey));
    }
    return from >= to ? List.of() : Arrays.asList(views).subList(from, to);
  }

  public StoredView get(String key) {
    int i = lowerBound(key);
    return i < views.length && views[i].key().equals(key) ? views[i] : null;
  }

  private int lowerBound(String key) {
    int lo = 0;
    int hi = views.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (views[mid].key().compareTo(key) < 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private int upperBound(String key) {
    int i = lowerBound(key);
    return i < views.length && views[i].key().equals(key) ? i + 1 : i;
  }
}
