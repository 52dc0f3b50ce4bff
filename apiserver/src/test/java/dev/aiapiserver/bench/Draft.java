package dev.aiapiserver.bench;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A synthetic cluster while it is being drawn: the shared dice and clock, and what is drawn so far. */
final class Draft {
  final Instant now;
  final Dice dice;
  final PodStatuses statuses;
  final ClusterEvents events;
  final List<String> nodes;
  final List<HasMetadata> objects = new ArrayList<>();
  final List<PlantedFault> faults = new ArrayList<>();
  /** The pods broken by the fault of the workload being drawn. */
  final List<String> faultyPods = new ArrayList<>();
  private long resourceVersion = 1000;

  Draft(Instant now, Dice dice, List<String> nodes) {
    this.now = now;
    this.dice = dice;
    this.nodes = nodes;
    this.statuses = new PodStatuses(now, dice, nodes.size());
    this.events = new ClusterEvents(now, dice);
  }

  <T extends HasMetadata> T add(T object) {
    objects.add(object);
    return object;
  }

  String node() {
    return dice.pick(nodes);
  }

  String ago(Duration d) {
    return now.minus(d).truncatedTo(ChronoUnit.SECONDS).toString();
  }

  /** Metadata of an object created {@code age} ago. */
  ObjectMetaBuilder meta(String namespace, String name, Duration age, Map<String, String> labels) {
    return new ObjectMetaBuilder().withName(name).withNamespace(namespace).withUid(dice.uid())
        .withResourceVersion(String.valueOf(resourceVersion += dice.between(1, 40)))
        .withCreationTimestamp(ago(age)).withLabels(labels).withGeneration(1L);
  }

  static OwnerReference ownedBy(HasMetadata owner) {
    ObjectMeta m = owner.getMetadata();
    return new OwnerReferenceBuilder().withApiVersion(owner.getApiVersion()).withKind(owner.getKind())
        .withName(m.getName()).withUid(m.getUid()).withController(true).withBlockOwnerDeletion(true).build();
  }
}
