package dev.aiapiserver.api;

/** meta.k8s.io PartialObjectMetadata: an object's metadata only. */
public record PartialObjectMetadata(String kind, String apiVersion, ObjectMeta metadata) {}
