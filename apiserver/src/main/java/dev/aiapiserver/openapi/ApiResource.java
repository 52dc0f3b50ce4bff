package dev.aiapiserver.openapi;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;

/** One resource in an {@link ApiResourceList}; shape only, for the OpenAPI documents. */
@JsonTypeName("APIResource")
@JsonClassDescription("APIResource describes one resource: its names, scope and verbs.")
record ApiResource(
    @JsonProperty(required = true) @JsonPropertyDescription("Plural name, as in the path, e.g. workloadsummaries; subresources look like mcpservers/proxy.")
        String name,
    @JsonProperty(required = true) @JsonPropertyDescription("Singular name, e.g. workloadsummary.") String singularName,
    @JsonPropertyDescription("True when the resource lives in a namespace.") boolean namespaced,
    @JsonPropertyDescription("Group of the resource when it differs from the list's group.") String group,
    @JsonPropertyDescription("Version of the resource when it differs from the list's version.") String version,
    @JsonProperty(required = true) @JsonPropertyDescription("Kind of the resource, e.g. WorkloadSummary.") String kind,
    @JsonProperty(required = true) @JsonPropertyDescription("Verbs the resource supports: get, list, watch.") List<String> verbs,
    @JsonPropertyDescription("Short names kubectl accepts, e.g. wls.") List<String> shortNames,
    @JsonPropertyDescription("Categories the resource belongs to, e.g. ai (so kubectl get ai lists it).") List<String> categories) {}
