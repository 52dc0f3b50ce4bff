package dev.aiapiserver.engine;

import static dev.aiapiserver.sources.MockCluster.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiapiserver.api.WorkloadSummary;
import dev.aiapiserver.sources.Fixtures;
import dev.aiapiserver.sources.MockCluster;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ViewEngineTest {
  private final SimpleDerivation derive = new SimpleDerivation();
  private MockCluster cluster;
  private RunningEngine running;

  @BeforeEach
  void mockCluster() {
    cluster = new MockCluster();
  }

  @AfterEach
  void stop() {
    if (running != null) {
      running.close();
    }
    cluster.close();
  }

  private RunningEngine start() throws Exception {
    running = new RunningEngine(cluster, new Derivations(derive, SimpleDerivation::cluster)).started();
    return running;
  }

  /** A Deployment with its ReplicaSet and pods on node-1, labelled app=name. */
  private Deployment deploymentWithPods(String ns, String name, int pods) {
    Map<String, String> labels = Map.of("app", name);
    Deployment deployment = cluster.create(Fixtures.deployment(ns, name, pods, labels));
    ReplicaSet rs = cluster.create(Fixtures.replicaSet(deployment, ns, name + "-7d9", labels));
    for (int i = 0; i < pods; i++) {
      cluster.create(Fixtures.pod(rs, ns, name + "-7d9-" + i, labels, "node-1"));
    }
    return deployment;
  }

  private void restart(String ns, String pod, int restarts) {
    cluster.client().pods().inNamespace(ns).withName(pod).editStatus(p -> new PodBuilder(p).editStatus()
        .editContainerStatus(0).withRestartCount(restarts).endContainerStatus().endStatus().build());
  }

  private int restartsOf(String ns, String summary) {
    return running.summary(ns, summary).map(s -> s.pods().restarts()).orElse(-1);
  }

  @Test
  void givenADeploymentWithAReplicaSetAndPods_thenOneSummaryNamedForTheDeploymentHoldsItsPods() throws Exception {
    cluster.create(Fixtures.node("node-1", true));
    deploymentWithPods("shop", "web", 3);

    start();

    WorkloadSummary web = running.summary("shop", "deployment.web").orElseThrow();
    assertEquals(3, web.pods().total());
    assertEquals("Deployment", web.workload().kind());
    assertEquals(1, running.viewCount(), "the ReplicaSet and pods are part of the Deployment, not views of their own");
    assertTrue(running.engine.ready());
    await("the cluster context is built with the version",
        () -> running.context().map(c -> MockCluster.GIT_VERSION.equals(c.kubernetes().version())).orElse(false));
  }

  @Test
  void givenFiftyWorkloads_whenOnePodChanges_thenOnlyItsWorkloadIsDerivedOnce() throws Exception {
    for (int i = 0; i < 50; i++) {
      deploymentWithPods("shop", "web-" + i, 1);
    }
    start();
    assertEquals(50, running.viewCount());
    int before = derive.total();

    restart("shop", "web-17-7d9-0", 4);
    await("deployment.web-17 shows the restarts", () -> restartsOf("shop", "deployment.web-17") == 4);
    // a second change after it is a barrier: once it is in the store, the first is fully processed
    restart("shop", "web-3-7d9-0", 1);
    await("deployment.web-3 shows the restarts", () -> restartsOf("shop", "deployment.web-3") == 1);

    assertEquals(2, derive.total() - before, "two pod changes, two derivations in a cluster of 50");
    assertEquals(2, derive.calls("deployment.web-17"), "once at the first build, once for the change");
    assertEquals(2, derive.calls("deployment.web-3"));
    assertEquals(1, derive.calls("deployment.web-4"));
  }

  @Test
  void whenTheDeploymentIsDeleted_thenItsViewIsRemoved() throws Exception {
    Deployment web = deploymentWithPods("shop", "web", 2);
    start();
    assertTrue(running.summary("shop", "deployment.web").isPresent());

    cluster.client().resource(web).delete();

    await("deployment.web is gone", () -> running.summary("shop", "deployment.web").isEmpty());
    assertEquals(0, running.viewCount(), "its orphaned ReplicaSet and pods still name the Deployment as owner");
  }

  @Test
  void whenAWarningEventAboutAPodArrives_thenItsDeploymentIsRecomputedWithIt() throws Exception {
    deploymentWithPods("shop", "web", 2);
    deploymentWithPods("shop", "other", 1);
    start();
    Pod pod = cluster.client().pods().inNamespace("shop").withName("web-7d9-1").get();

    cluster.create(Fixtures.event("Warning", pod, "web-7d9-1.17f", "BackOff"));

    await("the deployment carries the event", () -> running.summary("shop", "deployment.web")
        .map(s -> SimpleDerivation.reasons(s).contains("BackOff")).orElse(false));
    assertEquals(1, derive.calls("deployment.other"));
  }

  @Test
  void whenAServiceIsCreated_thenTheWorkloadsItSelectsAreRecomputed() throws Exception {
    deploymentWithPods("shop", "web", 1);
    deploymentWithPods("shop", "other", 1);
    start();

    cluster.create(Fixtures.service("shop", "web-svc", Map.of("app", "web")));
    await("deployment.web lists the service", () -> running.summary("shop", "deployment.web")
        .map(s -> SimpleDerivation.services(s).contains("web-svc")).orElse(false));
    assertEquals(1, derive.calls("deployment.other"), "a workload the Service does not select is left alone");

    cluster.client().services().inNamespace("shop").withName("web-svc")
        .edit(s -> new ServiceBuilder(s).editSpec().withSelector(Map.of("app", "other")).endSpec().build());
    await("the service moved to deployment.other", () -> running.summary("shop", "deployment.other")
        .map(s -> SimpleDerivation.services(s).contains("web-svc")).orElse(false));
    assertEquals(3, derive.calls("deployment.web"), "the workload it no longer selects is recomputed too");
  }

  @Test
  void givenAPodOfAJobOfACronJob_thenItCountsForTheCronJob() throws Exception {
    Map<String, String> labels = Map.of("app", "backup");
    CronJob cronJob = cluster.create(Fixtures.cronJob("ops", "backup", labels));
    Job job = cluster.create(Fixtures.job(cronJob, "ops", "backup-28461", labels));
    cluster.create(Fixtures.pod(job, "ops", "backup-28461-x", labels, "node-1"));
    Job standalone = cluster.create(Fixtures.job(null, "ops", "migrate", Map.of("app", "migrate")));
    cluster.create(Fixtures.pod(standalone, "ops", "migrate-y", Map.of("app", "migrate"), "node-1"));

    start();

    assertEquals(1, running.summary("ops", "cronjob.backup").orElseThrow().pods().total());
    assertEquals(1, running.summary("ops", "job.migrate").orElseThrow().pods().total());
    assertTrue(running.summary("ops", "job.backup-28461").isEmpty(), "a Job of a CronJob is part of it");
    assertEquals(2, running.viewCount());

    restart("ops", "backup-28461-x", 2);
    await("the cronjob shows the restarts", () -> restartsOf("ops", "cronjob.backup") == 2);
  }

  @Test
  void givenABarePodAndAnOrphanReplicaSet_thenEachIsAWorkloadOfItsOwn() throws Exception {
    cluster.create(Fixtures.pod(null, "dev", "debug-shell", Map.of("run", "debug"), "node-1"));
    ReplicaSet orphan = cluster.create(Fixtures.replicaSet(null, "dev", "legacy", Map.of("app", "legacy")));
    cluster.create(Fixtures.pod(orphan, "dev", "legacy-abc", Map.of("app", "legacy"), "node-1"));

    start();

    assertEquals(1, running.summary("dev", "pod.debug-shell").orElseThrow().pods().total());
    assertEquals(1, running.summary("dev", "replicaset.legacy").orElseThrow().pods().total());
    assertEquals(2, running.viewCount());

    cluster.client().pods().inNamespace("dev").withName("debug-shell").delete();
    await("the bare pod's view is gone", () -> running.summary("dev", "pod.debug-shell").isEmpty());
  }

  @Test
  void whenANodeGoesNotReady_thenOnlyTheWorkloadsWithPodsOnItAreRecomputed() throws Exception {
    cluster.create(Fixtures.node("node-1", true));
    cluster.create(Fixtures.node("node-2", true));
    deploymentWithPods("shop", "web", 2);
    Map<String, String> labels = Map.of("app", "elsewhere");
    Deployment elsewhere = cluster.create(Fixtures.deployment("shop", "elsewhere", 1, labels));
    ReplicaSet rs = cluster.create(Fixtures.replicaSet(elsewhere, "shop", "elsewhere-1", labels));
    cluster.create(Fixtures.pod(rs, "shop", "elsewhere-1-a", labels, "node-2"));
    start();

    cluster.client().nodes().withName("node-1").editStatus(n -> new NodeBuilder(n).editStatus()
        .editCondition(0).withStatus("Unknown").endCondition().endStatus().build());

    await("deployment.web sees its node down", () -> running.summary("shop", "deployment.web")
        .map(s -> s.health().reasons().contains("NodeNotReady")).orElse(false));
    assertEquals(1, derive.calls("deployment.elsewhere"));
  }

  @Test
  void givenACronJobAndAHealthyDeployment_whenTheClockTicks_thenOnlyTheCronJobIsDerivedAgain() throws Exception {
    cluster.create(Fixtures.cronJob("ops", "backup", Map.of("app", "backup")));
    deploymentWithPods("shop", "web", 1);
    EngineSettings ticking = new EngineSettings(Duration.ofMillis(20), Duration.ofSeconds(1), Duration.ofMillis(100));
    running = new RunningEngine(cluster, new Derivations(derive, SimpleDerivation::cluster), ticking).started();

    await("the cronjob is derived on three ticks", () -> derive.calls("cronjob.backup") >= 4);

    assertEquals(1, derive.calls("deployment.web"), "a Healthy workload cannot turn bad by the clock alone");
  }

  @Test
  void givenNothingStarted_thenTheEngineIsNotReady_andAfterStartItIs() throws Exception {
    running = new RunningEngine(cluster, new Derivations(derive, SimpleDerivation::cluster));
    assertFalse(running.engine.ready());

    running.started();

    assertTrue(running.engine.ready());
  }

  @Test
  void givenAnEngineStoppedBeforeItStarted_whenStarted_thenItStartsNothing() throws Exception {
    // a server closed while its warm-up request was in flight starts its engine after the close
    running = new RunningEngine(cluster, new Derivations(derive, SimpleDerivation::cluster));
    running.engine.stop();

    var started = running.engine.start();

    assertTrue(started.isCompletedExceptionally(), "started nothing, and says so");
  }
}
