package dev.aiapiserver.engine;

import static dev.aiapiserver.sources.MockCluster.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiapiserver.api.WorkloadSummary;
import dev.aiapiserver.api.WorkloadSummary.Verdict;
import dev.aiapiserver.request.Json;
import dev.aiapiserver.sources.Fixtures;
import dev.aiapiserver.sources.MockCluster;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The engine with the server's own derivations (package views), on the mock cluster. */
class RealDerivationTest {
  private static final Map<String, String> WEB = Map.of("app", "web");

  private MockCluster cluster;
  private RunningEngine running;

  @BeforeEach
  void givenADeploymentWhosePodIsCrashLooping() throws Exception {
    cluster = new MockCluster();
    cluster.create(Fixtures.node("node-1", true));
    Deployment web = cluster.create(new DeploymentBuilder(Fixtures.deployment("shop", "web", 1, WEB))
        .editStatus().withObservedGeneration(1L).withReadyReplicas(0).withAvailableReplicas(0).endStatus().build());
    ReplicaSet rs = cluster.create(Fixtures.replicaSet(web, "shop", "web-7d9", WEB));
    cluster.create(crashLooping(Fixtures.pod(rs, "shop", "web-7d9-x", WEB, "node-1")));
    running = new RunningEngine(cluster, Derivations.real()).started();
  }

  @AfterEach
  void stop() {
    running.close();
    cluster.close();
  }

  @Test
  void thenTheSummarySaysFailingWithTheCrashLoopAndItsOomKill_andCarriesNoSecret() {
    WorkloadSummary web = running.summary("shop", "deployment.web").orElseThrow();

    assertEquals(Verdict.Failing, web.health().verdict());
    assertTrue(web.health().reasons().contains("CrashLoopBackOff"), web.health().reasons().toString());
    assertTrue(web.health().message().contains("web-7d9-x"), web.health().message());
    String json = new String(Json.bytes(web), StandardCharsets.UTF_8);
    for (String secret : Fixtures.SECRETS) {
      assertFalse(json.contains(secret), secret + " in " + json);
    }
  }

  @Test
  void whenThePodRecovers_thenTheSummaryTurnsHealthy_andDeletingTheDeploymentRemovesIt() {
    cluster.client().pods().inNamespace("shop").withName("web-7d9-x").editStatus(this::recovered);
    cluster.client().apps().deployments().inNamespace("shop").withName("web").editStatus(d -> new DeploymentBuilder(d)
        .editStatus().withReadyReplicas(1).withAvailableReplicas(1).endStatus().build());

    await("deployment.web is Healthy", () -> running.summary("shop", "deployment.web")
        .map(s -> s.health().verdict() == Verdict.Healthy).orElse(false));

    cluster.client().apps().deployments().inNamespace("shop").withName("web").delete();
    await("deployment.web is gone", () -> running.summary("shop", "deployment.web").isEmpty());
  }

  @Test
  void thenTheClusterContextNamesTheVersionAndTheFailingWorkload() {
    await("the cluster context lists deployment.web for attention", () -> running.context()
        .filter(c -> c.kubernetes() != null && MockCluster.GIT_VERSION.equals(c.kubernetes().version()))
        .map(c -> Json.MAPPER.writeValueAsString(c.attention()).contains("deployment.web")).orElse(false));
  }

  private static Pod crashLooping(Pod pod) {
    return new PodBuilder(pod).editStatus()
        .editCondition(0).withStatus("False").endCondition()
        .editContainerStatus(0).withReady(false).withRestartCount(12)
            .withNewState().withNewWaiting().withReason("CrashLoopBackOff")
                .withMessage("back-off 5m0s restarting failed container=app").endWaiting().endState()
            .withNewLastState().withNewTerminated().withExitCode(137).withReason("OOMKilled")
                .withFinishedAt("2025-01-01T00:00:00Z").endTerminated().endLastState()
        .endContainerStatus().endStatus().build();
  }

  private Pod recovered(Pod pod) {
    return new PodBuilder(pod).editStatus()
        .editCondition(0).withStatus("True").endCondition()
        .editContainerStatus(0).withReady(true)
            .withNewState().withNewRunning().withStartedAt("2025-01-01T00:01:00Z").endRunning().endState()
        .endContainerStatus().endStatus().build();
  }
}
