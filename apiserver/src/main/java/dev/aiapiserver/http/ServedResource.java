package dev.aiapiserver.http;

import dev.aiapiserver.resources.ResourceType;
import dev.aiapiserver.store.ViewStore;

/** A resource the server serves and the store its views live in. */
public record ServedResource(ResourceType type, ViewStore store) {}
