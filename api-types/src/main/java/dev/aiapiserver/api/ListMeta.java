package dev.aiapiserver.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Metadata of a list: the version it reflects and, when paged, the token for the next page. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ListMeta(
    String resourceVersion,
    @JsonProperty("continue") String continueToken,
    Long remainingItemCount) {}
