package dev.aiapiserver.views;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiapiserver.api.NamespaceSummary;
import dev.aiapiserver.api.ObjectMeta;
import dev.aiapiserver.api.WorkloadSummary;
import dev.aiapiserver.api.WorkloadSummary.Verdict;
import dev.aiapiserver.sources.WorkloadKind;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;
import tools.jackson.databind.JsonNode;

/** NamespaceSummary: every fixture under fixtures/namespace is a namespace in, what the summary says out. */
class NamespaceSummariesTest {

  /** A namespace fixture: the story, the summaries of its workloads, its objects, the expected JSON. */
  record NamespaceFixture(String given, List<Summary> summaries, Fixture.Expect expect, List<HasMetadata> objects) {

    record Summary(String name, Verdict verdict, List<String> reasons, String message) {}


    NamespaceInputs inputs() {
      Map<String, Integer> verdicts = new TreeMap<>();
      List<WorkloadSummary> needy = new ArrayList<>();
      for (Summary s : summaries) {
        verdicts.merge(s.verdict().name(), 1, Integer::sum);
        if (NamespaceSummaries.needsAttention(s.verdict())) {
          needy.add(new WorkloadSummary(WorkloadSummary.API_VERSION, WorkloadSummary.KIND,
              new ObjectMeta(s.name(), "shop", null, null, null, null), null,
              new WorkloadSummary.Health(s.verdict(), s.reasons(), s.message(), null), null, null, null, null, null,
              null, null, null, null));
        }
      }
      List<Map<String, String>> podLabels = new ArrayList<>();
      for (HasMetadata o : objects) {
        WorkloadKind.of(o).ifPresent(kind -> podLabels.add(kind.podLabels(o)));
      }
      Map<String, List<EndpointSlice>> slices = new TreeMap<>();
      of(EndpointSlice.class).forEach(s -> slices.computeIfAbsent(
          s.getMetadata().getLabels().get("kubernetes.io/service-name"), k -> new ArrayList<>()).add(s));
      return new NamespaceInputs(of(Namespace.class).get(0), verdicts, needy, podLabels, of(Service.class), slices,
          of(Ingress.class), of(PersistentVolumeClaim.class), of(ResourceQuota.class), of(Event.class));
    }

    private <T> List<T> of(Class<T> type) {
      return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }
  }

  @TestFactory
  Stream<DynamicTest> givenANamespaceWhenSummarizedThenTheSummaryShowsWhatNeedsAttention() {
    return Fixtures.files("namespace").stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
      NamespaceFixture f = load(file);
      NamespaceSummary summary = NamespaceSummaries.derive(f.inputs());
      JsonNode json = Json.MAPPER.valueToTree(summary);
      List<Executable> checks = new ArrayList<>();
      f.expect().fields().forEach((pointer, value) -> checks.add(() -> assertEquals(Json.MAPPER.valueToTree(value),
          json.at(pointer), pointer + " in " + json)));
      if (f.expect().absent() != null) {
        f.expect().absent().forEach(p -> checks.add(() -> assertTrue(json.at(p).isMissingNode(), p + " in " + json)));
      }
      assertAll(f.given(), checks);
    }));
  }

  @Test
  void givenManyBrokenServicesThenTheListIsCappedAndCountsTheRest() {
    NamespaceFixture f = load(Fixtures.files("namespace").get(0));
    List<HasMetadata> objects = new ArrayList<>(f.objects());
    for (int i = 0; i < 12; i++) {
      Service s = new Service();
      s.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withName("orphan-" + i)
          .withNamespace("shop").build());
      s.setSpec(new io.fabric8.kubernetes.api.model.ServiceSpecBuilder().withSelector(Map.of("app", "gone-" + i)).build());
      objects.add(s);
    }
    NamespaceSummary summary = NamespaceSummaries.derive(
        new NamespaceFixture(f.given(), f.summaries(), f.expect(), objects).inputs());
    assertEquals(NamespaceSummaries.MAX_LISTED, summary.services().items().size());
    assertEquals(14 - NamespaceSummaries.MAX_LISTED, summary.services().omitted());
  }

  @Test
  void givenTheWorstCaseEveryListFullOfLongNamesThenTheSummaryStaysUnder8KiB() {
    NamespaceFixture f = load(Fixtures.files("namespace").get(0));
    String longName = "x".repeat(240);
    List<NamespaceFixture.Summary> summaries = new ArrayList<>(f.summaries());
    for (int i = 0; i < 10; i++) {
      summaries.add(new NamespaceFixture.Summary("deployment." + longName + i, Verdict.Failing, List.of("CrashLoopBackOff"),
          "m".repeat(300)));
    }
    List<HasMetadata> objects = new ArrayList<>(f.objects());
    for (int i = 0; i < 10; i++) {
      objects.add(new io.fabric8.kubernetes.api.model.ServiceBuilder().withNewMetadata().withName(longName + i)
          .withNamespace("shop").endMetadata().withNewSpec().addToSelector("app", longName + i).endSpec().build());
      objects.add(new io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder().withNewMetadata()
          .withName(longName + i).withNamespace("shop").endMetadata().withNewSpec().withNewDefaultBackend()
          .withNewService().withName(longName + "missing" + i).withNewPort().withName(longName).endPort()
          .endService().endDefaultBackend().endSpec().build());
      objects.add(new io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder().withNewMetadata()
          .withName(longName + i).withNamespace("shop").endMetadata().withNewSpec().withStorageClassName(longName)
          .endSpec().withNewStatus().withPhase("Pending").endStatus().build());
      objects.add(new io.fabric8.kubernetes.api.model.EventBuilder().withNewMetadata().withName("e" + i)
          .withNamespace("shop").endMetadata().withType("Warning").withReason("Reason" + i).withMessage("w".repeat(900))
          .withLastTimestamp("2024-05-01T11:00:0" + i + "Z").withNewInvolvedObject().withKind("Service")
          .withName(longName + i).endInvolvedObject().build());
    }
    int bytes = Json.MAPPER.writeValueAsBytes(NamespaceSummaries.derive(
        new NamespaceFixture(f.given(), summaries, f.expect(), objects).inputs())).length;
    assertTrue(bytes < 8192, bytes + " bytes");
  }

  private static NamespaceFixture load(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return Serialization.unmarshal(in, NamespaceFixture.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
