package dev.aiapiserver.http;

import dev.aiapiserver.resources.ResourceType;
import io.vertx.core.MultiMap;

/**
 * The query parameters of a get, list or watch, validated as kube-apiserver validates
 * metav1.ListOptions: a bad value is a 400 with a message naming the parameter.
 */
record ListOptions(
    LabelSelector labels,
    FieldSelector fields,
    long limit,
    String continueToken,
    String resourceVersion,
    String resourceVersionMatch,
    Integer timeoutSeconds,
    boolean watch,
    boolean allowWatchBookmarks,
    Boolean sendInitialEvents,
    String includeObject) {

  static ListOptions parse(MultiMap q, ResourceType type, boolean watchVerb) {
    LabelSelector labels = LabelSelector.parse(q.get("labelSelector"));
    FieldSelector fields = FieldSelector.parse(q.get("fieldSelector"), type);
    Long limitValue = QueryValues.integer(q.getAll("limit"), "limit");
    // like kube-apiserver, a negative limit means no limit
    long limit = limitValue == null || limitValue < 0 ? 0 : limitValue;
    String cont = emptyToNull(q.get("continue"));
    String rv = emptyToNull(q.get("resourceVersion"));
    String match = emptyToNull(q.get("resourceVersionMatch"));
    Long timeoutValue = QueryValues.integer(q.getAll("timeoutSeconds"), "timeoutSeconds");
    Integer timeout = timeoutValue == null ? null : (int) Math.max(Integer.MIN_VALUE,
        Math.min(Integer.MAX_VALUE, timeoutValue));
    if (timeout != null && timeout < 0) {
      throw new BadRequest("timeoutSeconds: Invalid value: " + timeout + ": must be greater than or equal to 0");
    }
    boolean bookmarks = QueryValues.bool(q.getAll("allowWatchBookmarks"));
    Boolean initial = QueryValues.optionalBool(q.getAll("sendInitialEvents"));
    String include = emptyToNull(q.get("includeObject"));
    if (include != null && !include.equals("None") && !include.equals("Metadata") && !include.equals("Object")) {
      throw new BadRequest("includeObject: Unsupported value: \"" + include
          + "\": supported values: \"None\", \"Metadata\", \"Object\"");
    }
    if (rv != null) {
      parseVersion(rv, "resourceVersion");
    }
    validateVersionMatch(match, rv, cont, watchVerb, initial, bookmarks);
    return new ListOptions(labels, fields, limit, cont, rv, match, timeout, watchVerb, bookmarks, initial, include);
  }

  private static void validateVersionMatch(String match, String rv, String cont, boolean watch, Boolean initial,
      boolean bookmarks) {
    if (initial != null) {
      if (!watch) {
        throw new BadRequest("sendInitialEvents: Forbidden: sendInitialEvents is forbidden for list");
      }
      if (initial && !"NotOlderThan".equals(match)) {
        throw new BadRequest("resourceVersionMatch: Forbidden: sendInitialEvents requires setting"
            + " resourceVersionMatch to NotOlderThan");
      }
      if (initial && !bookmarks) {
        throw new BadRequest("allowWatchBookmarks: Forbidden: sendInitialEvents requires setting"
            + " allowWatchBookmarks to true");
      }
    }
    if (match == null) {
      return;
    }
    if (!match.equals("Exact") && !match.equals("NotOlderThan")) {
      throw new BadRequest("resourceVersionMatch: Unsupported value: \"" + match
          + "\": supported values: \"Exact\", \"NotOlderThan\", \"\"");
    }
    if (watch && initial == null) {
      throw new BadRequest("resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden for watch unless"
          + " sendInitialEvents is provided");
    }
    if (!watch && rv == null) {
      throw new BadRequest("resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden unless"
          + " resourceVersion is provided");
    }
    if (cont != null) {
      throw new BadRequest("resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden when continue is"
          + " provided");
    }
    if (match.equals("Exact") && "0".equals(rv)) {
      throw new BadRequest("resourceVersionMatch: Forbidden: resourceVersionMatch \"exact\" is forbidden for"
          + " resourceVersion \"0\"");
    }
  }

  /** A resourceVersion as a number (Go's strconv.ParseUint: ASCII digits only); anything else is a 400. */
  static long parseVersion(String rv, String param) {
    try {
      if (rv.isEmpty() || !rv.chars().allMatch(c -> c >= '0' && c <= '9')) {
        throw new NumberFormatException();
      }
      long v = Long.parseLong(rv);
      if (v < 0) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw new BadRequest(param + ": Invalid value: \"" + rv + "\": invalid resource version");
    }
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
