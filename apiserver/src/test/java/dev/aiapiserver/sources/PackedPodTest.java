package dev.aiapiserver.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PackedPodTest {
  private static final Map<String, String> WEB = Map.of("app", "web", "pod-template-hash", "7d9");
  private final ReplicaSet owner = Fixtures.replicaSet(Fixtures.deployment("shop", "web", 2, WEB), "shop", "web-7d9", WEB);

  @ParameterizedTest(name = "uid {0}, resourceVersion {1}, created {2}")
  @CsvSource(nullValues = "null", value = {
      "0b6c8f3e-5a41-4d8e-9d6f-2b1f0c7a9e11, 4711, 2026-11-24T13:41:00Z",
      "uid-not-a-uuid, 000123, 2026-11-24T13:41:00.5Z",
      "0B6C8F3E-5A41-4D8E-9D6F-2B1F0C7A9E11, abc, 2026-11-24T13:41:00+00:00",
      "null, null, null",
      "0b6c8f3e-5a41-4d8e-9d6f-2b1f0c7a9e11, 99999999999999999999, not a time"})
  void givenAReducedPod_whenPackedAndUnpacked_thenItIsEqualToWhatWasPacked(String uid, String version, String created) {
    Pod reduced = SlimPods.pod(new PodBuilder(Fixtures.pod(owner, "shop", "web-7d9-x", WEB, "node-1"))
        .editMetadata().withUid(uid).withResourceVersion(version).withCreationTimestamp(created)
            .withDeletionTimestamp("2026-11-24T13:42:00Z").endMetadata()
        .build());
    Pod expected = SlimPods.pod(reduced);

    Pod unpacked = PackedPod.pack(reduced, new Canonical()).unpack("shop/web-7d9-x");

    assertEquals(expected, unpacked);
    assertEquals("node-1", unpacked.getSpec().getNodeName());
  }

  @Test
  void givenTwoReplicasOnDifferentNodes_whenPacked_thenTheyShareSpecStatusLabelsAndOwners() {
    Canonical canonical = new Canonical();
    PackedPod a = PackedPod.pack(SlimPods.pod(Fixtures.pod(owner, "shop", "web-7d9-a", WEB, "node-1")), canonical);
    PackedPod b = PackedPod.pack(SlimPods.pod(Fixtures.pod(owner, "shop", "web-7d9-b", WEB, "node-2")), canonical);

    assertSame(a.spec(), b.spec());
    assertSame(a.status(), b.status());
    assertSame(a.labels(), b.labels());
    assertSame(a.owners(), b.owners());
    assertNotSame(a.unpack("shop/web-7d9-a").getSpec(), b.unpack("shop/web-7d9-b").getSpec());
    assertEquals("node-2", b.unpack("shop/web-7d9-b").getSpec().getNodeName());
  }
}
