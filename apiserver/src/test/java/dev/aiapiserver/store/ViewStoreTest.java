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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ViewStoreTest {
  private final AtomicLong nanos = new AtomicLong();
  private final ResourceVersions versions = new ResourceVersions(Duration.ofMillis(100), nanos::get);
  private final ViewStore store =
      new ViewStore("workloadsummaries", versions, ViewCodecs.of(AiResources.WORKLOAD_SUMMARIES), 4, Clock.systemUTC());

  static WorkloadSummary summary(String ns, String name, Verdict verdict) {
    return new WorkloadSummary(WorkloadSummary.API_VERSION, WorkloadSummary.KIND,
        new ObjectMeta(name, ns, "uid-" + name, null, "2026-01-01T00:00:00Z", Map.of("app", name)),
        null, new Health(verdict, List.of(), "", "2026-01-01T00:00:00Z"),
        null, null, null, null, null, null, null, null, null);
  }

  /** The upstream delivers an event at this revision and the settle interval passes. */
  private void settle(long revision) {
    versions.observe("pods", revision);
    nanos.addAndGet(Duration.ofMillis(100).toNanos());
  }

  @Test
  void anUnchangedViewKeepsItsVersionAndEmitsNoEvent() {
    List<Change> seen = new ArrayList<>();
    store.commit(List.of(summary("shop", "deployment.web", Verdict.Healthy)), List.of(), k -> Span.at(10));
    String rv = store.get("shop", "deployment.web").orElseThrow().metadata().resourceVersion();
    store.watchFromNow(c -> seen.addAll(c));

    store.commit(List.of(summary("shop", "deployment.web", Verdict.Healthy)), List.of(), k -> Span.at(11));

    assertEquals(rv, store.get("shop", "deployment.web").orElseThrow().metadata().resourceVersion());
    assertTrue(seen.isEmpty());
  }

  @Test
  void aChangeIsNumberedFromTheUpstreamRevisionThatMadeIt() {
    store.commit(List.of(summary("shop", "deployment.web", Verdict.Healthy)), List.of(), k -> Span.at(42));
    store.commit(List.of(summary("shop", "deployment.api", Verdict.Healthy)), List.of(), k -> Span.at(42));
    store.commit(List.of(summary("shop", "deployment.web", Verdict.Failing)), List.of(), k -> Span.at(57));

    assertEquals(42_000_000L, version("shop/deployment.api") - 1);
    assertEquals(57_000_000L, version("shop/deployment.web"));
  }

  @Test
  void listsCarryOnlySettledRevisionsAndEveryChangeOfThem() {
    store.commit(List.of(summary("shop", "deployment.web", Verdict.Healthy)), List.of(), k -> Span.at(10));
    settle(10);
    versions.observe("pods", 11);
    store.commit(List.of(summary("shop", "deployment.api", Verdict.Healthy)), List.of(), k -> Span.at(11));

    // revision 11 is not settled: another informer may still deliver an event of it
    assertEquals(ResourceVersions.end(10), store.current().resourceVersion());
    assertEquals(List.of("shop/deployment.web"), keys(store.current()));
    assertFalse(store.reached(ResourceVersions.end(11)));

    nanos.addAndGet(Duration.ofMillis(100).toNanos());
    assertEquals(ResourceVersions.end(11), store.current().resourceVersion());
    assertEquals(List.of("shop/deployment.api", "shop/deployment.web"), keys(store.current()));
  }

  @Test
  void aRevisionStillBeingComputedHoldsTheVersionBack() {
    AtomicLong pending = new AtomicLong(12);
    store.holdBelow(pending::get);
    settle(15);
    assertEquals(ResourceVersions.end(11), store.currentVersion());
    pending.set(Long.MAX_VALUE);
    assertEquals(ResourceVersions.end(15), store.currentVersion());
  }

  @Test
  void aWatchResumesFromRetainedHistoryAndOlderVersionsAreExpired() throws Exception {
    for (int i = 0; i < 6; i++) {
      store.commit(List.of(summary("shop", "pod.p" + i, Verdict.Healthy)), List.of(), k -> Span.at(100));
    }
    for (int i = 0; i < 3; i++) {
      long r = 101 + i;
      store.commit(List.of(summary("shop", "pod.q" + i, Verdict.Healthy)), List.of(), k -> Span.at(r));
    }
    settle(103);
    // history holds 4 changes: revision 101, 102, 103 and the last of 100
    assertEquals(2, store.watchFrom(ResourceVersions.end(101), c -> true).replay().size());
    assertThrows(Expired.class, () -> store.watchFrom(ResourceVersions.end(99), c -> true));
    // an event's own version resumes from the start of its revision: nothing of it is lost
    assertEquals(3, store.watchFrom(ResourceVersions.start(101), c -> true).replay().size());
    assertThrows(TooLarge.class, () -> store.watchFrom(ResourceVersions.end(104), c -> true));
  }

  @Test
  void theStateAtAnEarlierVersionIsRebuiltForThePagesOfAList() throws Exception {
    store.commit(List.of(summary("shop", "pod.a", Verdict.Healthy), summary("shop", "pod.b", Verdict.Healthy)),
        List.of(), k -> Span.at(5));
    settle(5);
    Snapshot first = store.current();
    store.commit(List.of(summary("shop", "pod.c", Verdict.Healthy), summary("shop", "pod.a", Verdict.Failing)),
        List.of("shop/pod.b"), k -> Span.at(6));
    settle(6);

    Snapshot again = store.at(first.resourceVersion());
    assertEquals(List.of("shop/pod.a", "shop/pod.b"), keys(again));
    assertEquals(first.get("shop/pod.a").resourceVersion(), again.get("shop/pod.a").resourceVersion());
    assertEquals(List.of("shop/pod.a", "shop/pod.c"), keys(store.current()));
  }

  @Test
  void aChangeTheClockMadeIsListedAtOnceAndWatchersFromBeforeItGetIt() throws Exception {
    store.commit(List.of(summary("shop", "cronjob.backup", Verdict.Healthy)), List.of(), k -> Span.at(7));
    settle(7);
    long before = store.currentVersion();
    store.commit(List.of(summary("shop", "cronjob.backup", Verdict.Degraded)), List.of());

    assertTrue(store.currentVersion() > before);
    assertEquals(7, ResourceVersions.revision(store.currentVersion()), "still revision 7: every replica has it");
    assertEquals(1, store.watchFrom(before, c -> true).replay().size());
  }

  /**
   * Two replicas see the same upstream events, batched differently. A client that lists one and
   * watches the other from the list's version ends with the same state as the second replica.
   */
  @Test
  void aClientThatMovesBetweenReplicasMissesNoChange() throws Exception {
    AtomicLong clockB = new AtomicLong();
    ResourceVersions versionsB = new ResourceVersions(Duration.ofMillis(100), clockB::get);
    ViewStore b = new ViewStore("workloadsummaries", versionsB, ViewCodecs.of(AiResources.WORKLOAD_SUMMARIES), 100,
        Clock.systemUTC());
    store.commit(List.of(summary("shop", "pod.a", Verdict.Healthy)), List.of(), k -> Span.at(1));
    b.commit(List.of(summary("shop", "pod.a", Verdict.Healthy)), List.of(), k -> Span.at(1));
    // A takes events 2 and 3 in one batch; B one at a time (event 3 changes nothing by itself)
    store.commit(List.of(summary("shop", "pod.a", Verdict.Failing)), List.of(), k -> new Span(2, 3));
    b.commit(List.of(summary("shop", "pod.a", Verdict.Failing)), List.of(), k -> Span.at(2));
    b.commit(List.of(summary("shop", "pod.a", Verdict.Failing)), List.of(), k -> Span.at(3));
    settle(3);
    versionsB.observe("pods", 3);
    clockB.addAndGet(Duration.ofMillis(100).toNanos());

    // a list of B at revision 2's end, continued on A: A's state at that version has the change
    Snapshot onA = store.at(ResourceVersions.end(2));
    assertEquals("Failing", verdict(onA.get("shop/pod.a")));
    // a list of A's rebuilt state at 2, then a watch on B from there
    assertEquals("Failing", verdict(b.at(ResourceVersions.end(2)).get("shop/pod.a")));
    // a list of B at 1, then a watch on A from there: A sends the change
    assertEquals(1, store.watchFrom(ResourceVersions.end(1), c -> true).replay().size());
  }

  @Test
  void aWatcherThatCannotKeepUpIsDropped() {
    store.watchFromNow(c -> false);
    assertEquals(1, store.watcherCount());
    store.commit(List.of(summary("shop", "pod.a", Verdict.Healthy)), List.of());
    assertEquals(0, store.watcherCount());
    assertFalse(store.current().range("", null).isEmpty());
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

  private long version(String key) {
    return store.latest(key).resourceVersion();
  }

  private static List<String> keys(Snapshot s) {
    return s.range("", null).stream().map(StoredView::key).toList();
  }

  private static String verdict(StoredView v) {
    return ((WorkloadSummary) v.object()).health().verdict().name();
  }

  @Test
  void whetherAVersionIsReachedIsAnsweredWhileACommitHoldsTheStore() throws Exception {
    // /readyz asks on an event loop; the commit of the first views holds the store for a while
    store.commit(List.of(summary("shop", "deployment.web", Verdict.Healthy)), List.of(), k -> Span.at(10));
    settle(10);
    java.util.concurrent.CountDownLatch inCommit = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    store.watchFromNow(c -> {
      inCommit.countDown();
      try {
        return release.await(30, java.util.concurrent.TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        return false;
      }
    });
    Thread committer = new Thread(() -> store.commit(List.of(summary("shop", "deployment.web", Verdict.Failing)),
        List.of(), k -> Span.at(11)));
    committer.start();
    try {
      assertTrue(inCommit.await(10, java.util.concurrent.TimeUnit.SECONDS));
      var answer = java.util.concurrent.CompletableFuture.supplyAsync(
          () -> store.reached(ResourceVersions.end(10)) && !store.reached(ResourceVersions.end(12)));
      assertTrue(answer.get(5, java.util.concurrent.TimeUnit.SECONDS), "answered while the store is held");
    } finally {
      release.countDown();
      committer.join();
    }
  }
}
