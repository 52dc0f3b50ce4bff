package dev.aiapiserver.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiapiserver.api.ObjectMeta;
import dev.aiapiserver.api.WorkloadSummary.Health;
import dev.aiapiserver.api.WorkloadSummary.Verdict;
import dev.aiapiserver.api.WorkloadSummary;
import dev.aiapiserver.http.ViewCodecs;
import dev.aiapiserver.resources.AiResources;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ViewStoreTest {
  private final ResourceVersions versions = new ResourceVersions(0);
  private final ViewStore store =
      new ViewStore("workloadsummaries", versions, ViewCodecs.of(AiResources.WORKLOAD_SUMMARIES), 4, Clock.systemUTC());

  static WorkloadSummary summary(String ns, String name, Verdict verdict) {
    return new WorkloadSummary(WorkloadSummary.API_VERSION, WorkloadSummary.KIND,
        new ObjectMeta(name, ns, "uid-" + name, null, "2026-01-01T00:00:00Z", Map.of("app", name)),
        null, new Health(verdict, List.of(), "", "2026-01-01T00:00:00Z"),
        null, null, null, null, null, null, null, null, null);
  }

  @Test
  void anUnchangedViewKeepsItsVersionAndEmitsNoEvent() {
    List<Change> seen = new ArrayList<>();
    store.commit(List.of(summary("shop", "deployment.web", Verdict.Healthy)), List.of());
    String rv = store.get("shop", "deployment.web").orElseThrow().metadata().resourceVersion();
    store.watchFromNow(c -> seen.addAll(c));

    store.commit(List.of(summary("shop", "deployment.web", Verdict.Healthy)), List.of());

    assertEquals(rv, store.get("shop", "deployment.web").orElseThrow().metadata().resourceVersion());
    assertTrue(seen.isEmpty());
  }

  @Test
  void aChangedViewGetsANewerVersionAndOneModifiedEvent() {
    List<Change> seen = new ArrayList<>();
    store.commit(List.of(summary("shop", "deployment.web", Verdict.Healthy)), List.of());
    store.watchFromNow(c -> seen.addAll(c));

    store.commit(List.of(summary("shop", "deployment.web", Verdict.Failing)), List.of());
    store.commit(List.of(), List.of("shop/deployment.web"));

    assertEquals(List.of(Change.Type.MODIFIED, Change.Type.DELETED), seen.stream().map(Change::type).toList());
    assertTrue(seen.get(1).resourceVersion() > seen.get(0).resourceVersion());
    assertTrue(store.get("shop", "deployment.web").isEmpty());
  }

  @Test
  void aWatchResumesFromRetainedHistoryAndOlderVersionsAreExpired() throws Exception {
    for (int i = 0; i < 6; i++) {
      store.commit(List.of(summary("shop", "pod.p" + i, Verdict.Healthy)), List.of());
    }
    // history holds 4 changes: versions 3..6
    assertEquals(2, store.watchFrom(4, c -> true).replay().size());
    assertThrows(Expired.class, () -> store.watchFrom(1, c -> true));
    assertThrows(Expired.class, () -> store.watchFrom(versions.current() + 1, c -> true));
  }

  @Test
  void versionsOfAnotherProcessFallOutsideThisOne() {
    ResourceVersions earlier = new ResourceVersions(1_700_000_000L * 1_000_000L);
    ResourceVersions now = new ResourceVersions();
    assertTrue(now.current() > earlier.current() + 1_000_000);
  }

  @Test
  void aNamespaceRangeHoldsOnlyThatNamespaceEvenWithSimilarNames() {
    store.commit(List.of(summary("a", "pod.x", Verdict.Healthy), summary("a-b", "pod.y", Verdict.Healthy),
        summary("ab", "pod.z", Verdict.Healthy)), List.of());
    assertEquals(List.of("a/pod.x"), store.current().range("a", null).stream().map(StoredView::key).toList());
    assertEquals(3, store.current().range("", null).size());
    assertEquals(List.of("ab/pod.z"), store.current().range("", "a/pod.x").stream()
        .map(StoredView::key).filter(k -> k.startsWith("ab")).toList());
  }

  @Test
  void aPinnedSnapshotOutlivesLaterCommitsAndAnUnpinnedOneExpires() throws Exception {
    store.commit(List.of(summary("shop", "pod.a", Verdict.Healthy)), List.of());
    Snapshot first = store.current();
    store.pin(first);
    store.commit(List.of(summary("shop", "pod.b", Verdict.Healthy)), List.of());
    Snapshot second = store.current();
    store.commit(List.of(summary("shop", "pod.c", Verdict.Healthy)), List.of());

    assertEquals(1, store.at(first.resourceVersion()).size());
    assertThrows(Expired.class, () -> store.at(second.resourceVersion()));
  }

  @Test
  void aWatcherThatCannotKeepUpIsDropped() {
    store.watchFromNow(c -> false);
    assertEquals(1, store.watcherCount());
    store.commit(List.of(summary("shop", "pod.a", Verdict.Healthy)), List.of());
    assertEquals(0, store.watcherCount());
    assertFalse(store.current().range("", null).isEmpty());
  }
}
