package dev.aiapiserver.api;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Map;

/**
 * The subset of Kubernetes ObjectMeta that a derived, read-only view carries. Views never copy
 * annotations (they may hold last-applied-configuration) nor managedFields.
 */
@JsonClassDescription("Standard object metadata of a derived view. Annotations and managedFields are never copied.")
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ObjectMeta(
    @JsonPropertyDescription("Name of the view, unique within its namespace. For WorkloadSummary: <lower-case kind>.<workload name>.")
        String name,
    @JsonPropertyDescription("Namespace of the view; empty for cluster-scoped views.") String namespace,
    @JsonPropertyDescription("Deterministic identifier derived from the source object's uid.") String uid,
    @JsonPropertyDescription("The server's version of this view; changes only when the view's content changes.")
        String resourceVersion,
    @JsonPropertyDescription("Creation time of the source object (RFC 3339).") String creationTimestamp,
    @JsonPropertyDescription("Labels copied from the source object, so label selectors work on views.")
        Map<String, String> labels) {

  public ObjectMeta withResourceVersion(String rv) {
    return new ObjectMeta(name, namespace, uid, rv, creationTimestamp, labels);
  }
}
