package dev.aiapiserver.deploy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Objects;

/** The objects one kustomization renders to, looked up the way a test reads them. */
record RenderedManifests(List<HasMetadata> objects) {

  <T extends HasMetadata> List<T> all(Class<T> type) {
    return objects.stream().filter(type::isInstance).map(type::cast).toList();
  }

  <T extends HasMetadata> T one(Class<T> type, String name) {
    List<T> matches = all(type).stream().filter(o -> name.equals(o.getMetadata().getName())).toList();
    if (matches.size() != 1) {
      throw new AssertionError(
          "expected exactly one " + type.getSimpleName() + " named " + name + ", found " + matches.size());
    }
    return matches.get(0);
  }

  /** Objects fabric8 has no model class for (e.g. cert-manager's), by kind. */
  List<GenericKubernetesResource> generic(String kind) {
    return all(GenericKubernetesResource.class).stream()
        .filter(o -> Objects.equals(kind, o.getKind()))
        .toList();
  }

  GenericKubernetesResource oneGeneric(String kind, String name) {
    List<GenericKubernetesResource> matches =
        generic(kind).stream().filter(o -> name.equals(o.getMetadata().getName())).toList();
    if (matches.size() != 1) {
      throw new AssertionError("expected exactly one " + kind + " named " + name + ", found " + matches.size());
    }
    return matches.get(0);
  }

  boolean contains(String kind) {
    return objects.stream().anyMatch(o -> kind.equals(o.getKind()));
  }
}
