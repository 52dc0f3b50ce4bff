package dev.aiapiserver.openapi;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;

/**
 * The shape of the discovery answer on {@code /apis/ai.k8s.io/v1alpha1/}, only so that the OpenAPI
 * documents can describe that path (the discovery routes build their own answer).
 */
@JsonTypeName("APIResourceList")
@JsonClassDescription("APIResourceList lists the resources of one group-version and what can be done with each.")
record ApiResourceList(
    @JsonPropertyDescription("v1") String apiVersion,
    @JsonPropertyDescription("APIResourceList") String kind,
    @JsonProperty(required = true) @JsonPropertyDescription("The group/version of the resources, e.g. ai.k8s.io/v1alpha1.")
        String groupVersion,
    @JsonProperty(required = true) @JsonPropertyDescription("The resources served in this group-version.")
        List<ApiResource> resources) {}
