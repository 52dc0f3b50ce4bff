package dev.aiapiserver.demo;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Writes scenario objects into the cluster and gives them what controllers would: owner
 * references, generated-looking name suffixes (deterministic, so the docs can name a pod), and
 * timestamps relative to the seeding moment. The mock stamps its own uid and creationTimestamp,
 * so owners are created first and referenced by the uid the mock gave them.
 */
final class Seeding {
  /** The alphabet kube uses for generated names: no vowels, no look-alike digits. */
  private static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

  private final KubernetesClient client;
  private final Instant now;

  Seeding(KubernetesClient client, Instant now) {
    this.client = client;
    this.now = now.truncatedTo(ChronoUnit.SECONDS);
  }

  <T extends HasMetadata> T create(T object) {
    return client.resource(object).create();
  }

  Instant now() {
    return now;
  }

  /** An RFC 3339 timestamp this long before the seeding moment. */
  String ago(Duration duration) {
    return now.minus(duration).toString();
  }

  /** The reference a controller puts on what it creates. */
  static OwnerReference controlledBy(HasMetadata owner) {
    return new OwnerReferenceBuilder().withApiVersion(owner.getApiVersion())
        .withKind(owner.getKind()).withName(owner.getMetadata().getName())
        .withUid(owner.getMetadata().getUid()).withController(true)
        .withBlockOwnerDeletion(true).build();
  }

  /** A stable stand-in for a generated suffix, e.g. pod-template-hash or a pod's last part. */
  static String suffix(String seed, int length) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
      StringBuilder out = new StringBuilder(length);
      for (int i = 0; i < length; i++) {
        out.append(ALPHABET.charAt((digest[i] & 0xff) % ALPHABET.length()));
      }
      return out.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A Warning event about an object, as the kubelet, scheduler or a controller records it:
   * seen {@code count} times between {@code first} and {@code last} ago.
   */
  Event warning(HasMetadata about, String fieldPath, String reason, String message, int count,
      Duration first, Duration last, String component, String host) {
    // kube names an event <object>.<hex>; a stable hex keeps one event per object and reason
    String name = about.getMetadata().getName() + "." + suffixHex(about.getMetadata().getName() + reason);
    return create(new EventBuilder()
        .withNewMetadata().withName(name).withNamespace(namespaceOf(about)).endMetadata()
        .withNewInvolvedObject().withApiVersion(about.getApiVersion()).withKind(about.getKind())
        .withName(about.getMetadata().getName()).withNamespace(about.getMetadata().getNamespace())
        .withUid(about.getMetadata().getUid()).withFieldPath(fieldPath).endInvolvedObject()
        .withType("Warning").withReason(reason).withMessage(message).withCount(count)
        .withFirstTimestamp(ago(first)).withLastTimestamp(ago(last))
        .withNewSource().withComponent(component).withHost(host).endSource()
        .withReportingComponent(component).withReportingInstance(host == null ? "" : host)
        .build());
  }

  private static String suffixHex(String seed) {
    return Long.toHexString(Integer.toUnsignedLong(seed.hashCode()) << 20 | 0x17a3bL);
  }

  /** Events about cluster-scoped objects (nodes) live in default, as kube records them. */
  private static String namespaceOf(HasMetadata about) {
    String namespace = about.getMetadata().getNamespace();
    return namespace == null || namespace.isEmpty() ? "default" : namespace;
  }
}
