package dev.aiapiserver.api;

import java.util.List;

/** meta.k8s.io PartialObjectMetadataList. */
public record PartialObjectMetadataList(String kind, String apiVersion, ListMeta metadata,
    List<PartialObjectMetadata> items) {}
