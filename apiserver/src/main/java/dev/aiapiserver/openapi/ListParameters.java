package dev.aiapiserver.openapi;

import dev.aiapiserver.openapi.ApiPath.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** The query parameters of kube-apiserver's list and watch operations, in its order. */
final class ListParameters {
  private ListParameters() {}

  static final Parameter PRETTY = Parameter.query("pretty", "string",
      "When 'true', the JSON answer is indented for people to read.");

  /**
   * @param selectableFields every field path a fieldSelector may use (ResourceType.selectableFields)
   * @param watch true when the resource can be watched
   */
  static List<Parameter> of(List<String> selectableFields, boolean watch) {
    TreeSet<String> fields = new TreeSet<>(selectableFields);
    List<Parameter> parameters = new ArrayList<>();
    if (watch) {
      parameters.add(Parameter.query("allowWatchBookmarks", "boolean",
          "With watch: ask for BOOKMARK events, which carry only a newer resourceVersion so that a"
              + " watch can resume from it. The server may send them or not."));
    }
    parameters.add(Parameter.query("continue", "string",
        "The token from the metadata.continue of the previous page, to get the next page of a"
            + " paged list. An expired token answers 410 Gone; start over without it."));
    parameters.add(Parameter.query("fieldSelector", "string",
        "Select objects by fields, e.g. metadata.name=web or health.verdict!=Healthy. Supported fields: "
            + String.join(", ", fields) + ". Defaults to everything."));
    parameters.add(Parameter.query("labelSelector", "string",
        "Select objects by labels, with =, ==, !=, in, notin, exists (key) and !key. Defaults to"
            + " everything."));
    parameters.add(Parameter.query("limit", "integer",
        "The most objects to return in one page; when more remain, metadata.continue holds the"
            + " token for the next page. All pages come from one consistent snapshot."));
    parameters.add(Parameter.query("resourceVersion", "string",
        "Only answer with data at least this recent (see resourceVersionMatch); for a watch, the"
            + " version to start after. Unset means the most recent data."));
    parameters.add(Parameter.query("resourceVersionMatch", "string",
        "How resourceVersion applies to a list: NotOlderThan or Exact. Requires resourceVersion."));
    if (watch) {
      parameters.add(Parameter.query("sendInitialEvents", "boolean",
          "With watch=true and resourceVersionMatch=NotOlderThan: first send the current objects as"
              + " ADDED events, then a BOOKMARK annotated k8s.io/initial-events-end, then changes."));
    }
    parameters.add(Parameter.query("timeoutSeconds", "integer",
        "Time limit for the list or watch call, in seconds."));
    if (watch) {
      parameters.add(Parameter.query("watch", "boolean",
          "Watch for changes (ADDED, MODIFIED, DELETED, BOOKMARK, ERROR events) instead of listing."
              + " Use resourceVersion to start from a known version."));
    }
    return parameters;
  }
}
