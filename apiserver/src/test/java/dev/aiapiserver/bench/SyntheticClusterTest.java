package dev.aiapiserver.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SyntheticClusterTest {
  private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
  private final KubernetesSerialization json = new KubernetesSerialization();

  @Test
  void givenTheSameSeedWhenDrawnTwiceThenTheClusterIsTheSameByteForByte() {
    Scenario a = SyntheticCluster.draw(ClusterShape.SMALL, 42, NOW);
    Scenario b = SyntheticCluster.draw(ClusterShape.SMALL, 42, NOW);
    Scenario other = SyntheticCluster.draw(ClusterShape.SMALL, 43, NOW);

    assertEquals(json.asJson(a.objects()), json.asJson(b.objects()));
    assertEquals(a.faults(), b.faults());
    assertNotEquals(json.asJson(a.objects()), json.asJson(other.objects()));
  }

  @Test
  void givenASmallShapeThenItHoldsExactlyItsPodsAndAboutFivePercentAreBroken() {
    Scenario s = SyntheticCluster.draw(ClusterShape.SMALL, 7, NOW);

    assertEquals(1000, s.count("Pod"));
    assertEquals(5, s.count("Namespace"));
    assertEquals(8, s.count("Node"));
    int broken = s.faults().stream().mapToInt(f -> f.pods().size()).sum();
    assertTrue(broken >= 50 && broken <= 56, "broken pods " + broken);
    assertEquals(EnumSet.allOf(FaultKind.class),
        s.faults().stream().map(PlantedFault::kind).collect(Collectors.toCollection(() -> EnumSet.noneOf(FaultKind.class))));
  }

  @Test
  void givenATinyShapeThenEveryFaultKindIsPlantedWithItsPodsAndAWarningAboutThem() {
    Scenario s = SyntheticCluster.draw(ClusterShape.TINY, 1, NOW);

    assertEquals(EnumSet.allOf(FaultKind.class),
        s.faults().stream().map(PlantedFault::kind).collect(Collectors.toCollection(() -> EnumSet.noneOf(FaultKind.class))));
    Set<String> warned = s.objects().stream().filter(o -> o instanceof io.fabric8.kubernetes.api.model.Event)
        .map(o -> (io.fabric8.kubernetes.api.model.Event) o).filter(e -> "Warning".equals(e.getType()))
        .map(e -> e.getInvolvedObject().getName()).collect(Collectors.toSet());
    for (PlantedFault f : s.faults()) {
      assertTrue(!f.pods().isEmpty(), f + " broke no pod");
      String about = f.kind() == FaultKind.BACKOFF_LIMIT_EXCEEDED ? f.workload() : f.pods().get(0);
      assertTrue(warned.contains(about), "no Warning event about " + about + " of " + f);
    }
  }

  @Test
  void givenAnyDrawnClusterThenEveryOwnerReferencePointsAtAnObjectWithThatUid() {
    Scenario s = SyntheticCluster.draw(ClusterShape.SMALL, 3, NOW);
    Map<String, HasMetadata> byUid = s.objects().stream()
        .collect(Collectors.toMap(o -> o.getMetadata().getUid(), Function.identity()));

    for (HasMetadata o : s.objects()) {
      for (OwnerReference ref : o.getMetadata().getOwnerReferences()) {
        HasMetadata owner = byUid.get(ref.getUid());
        assertTrue(owner != null, o.getMetadata().getName() + " has a dangling owner " + ref.getName());
        assertEquals(ref.getName(), owner.getMetadata().getName());
        assertEquals(ref.getKind(), owner.getKind());
      }
    }
    assertTrue(s.objects().stream().filter(o -> o instanceof Pod).map(o -> (Pod) o)
        .filter(p -> p.getMetadata().getOwnerReferences().isEmpty()).count() > 0, "no bare pods");
  }
}
