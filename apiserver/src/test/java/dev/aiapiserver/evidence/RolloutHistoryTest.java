package dev.aiapiserver.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiapiserver.api.WorkloadEvidence.Revision;
import dev.aiapiserver.api.WorkloadEvidence.Rollout;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.ControllerRevision;
import io.fabric8.kubernetes.api.model.apps.ControllerRevisionBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Revisions newest first, at most three, the current one always among them. */
class RolloutHistoryTest {
  @Test
  void aDeploymentKeepsItsThreeNewestReplicaSetsAndCountsTheRest() {
    Deployment web = new DeploymentBuilder().withNewMetadata().withName("web").withNamespace("shop")
        .addToAnnotations(RolloutHistory.DEPLOYMENT_REVISION, "7").endMetadata().build();
    List<ReplicaSet> replicaSets = new ArrayList<>();
    for (int revision : new int[] {4, 5, 6, 7}) {
      replicaSets.add(replicaSet("web-" + revision, revision, "web:1." + revision, revision == 7 ? 3 : 0,
          revision == 7 ? 1 : 0));
    }

    Rollout rollout = RolloutHistory.ofDeployment(web, replicaSets);

    assertEquals(List.of(7L, 6L, 5L), rollout.revisions().stream().map(Revision::revision).toList());
    assertEquals(1, rollout.omitted());
    Revision current = rollout.revisions().get(0);
    assertTrue(current.current());
    assertEquals(List.of("web:1.7"), current.images());
    assertEquals(3, current.desired());
    assertEquals(1, current.ready());
  }

  @Test
  void aDaemonSetsCurrentRevisionIsItsNewestAndItsPodsAreCountedByHash() {
    DaemonSet agent = new DaemonSetBuilder().withNewMetadata().withName("node-agent").withNamespace("kube-system")
        .endMetadata().withNewStatus().withDesiredNumberScheduled(3).endStatus().build();
    List<ControllerRevision> revisions = List.of(revision("node-agent-5d9c7f8b6", 1, "agent:0.9"),
        revision("node-agent-7f6b9d4c8", 2, "agent:1.0"));
    List<Pod> pods = List.of(pod("7f6b9d4c8", true), pod("7f6b9d4c8", false), pod("5d9c7f8b6", true));

    Rollout rollout = RolloutHistory.ofControllerRevisions(agent, revisions, pods);

    Revision newest = rollout.revisions().get(0);
    assertEquals("node-agent-7f6b9d4c8", newest.name());
    assertTrue(newest.current());
    assertEquals(3, newest.desired());
    assertEquals(2, newest.replicas());
    assertEquals(1, newest.ready());
    Revision older = rollout.revisions().get(1);
    assertEquals(List.of("agent:0.9"), older.images());
    assertEquals(0, older.desired());
    assertEquals(1, older.replicas());
  }

  private static ReplicaSet replicaSet(String name, int revision, String image, int replicas, int ready) {
    return new ReplicaSetBuilder().withNewMetadata().withName(name).withNamespace("shop")
        .addToAnnotations(RolloutHistory.DEPLOYMENT_REVISION, Integer.toString(revision)).endMetadata()
        .withNewSpec().withReplicas(replicas).withNewTemplate().withNewSpec().addNewContainer().withName("web")
        .withImage(image).endContainer().endSpec().endTemplate().endSpec()
        .withNewStatus().withReplicas(replicas).withReadyReplicas(ready).endStatus().build();
  }

  private static ControllerRevision revision(String name, long number, String image) {
    return new ControllerRevisionBuilder().withNewMetadata().withName(name).withNamespace("kube-system").endMetadata()
        .withRevision(number).withData(Map.of("spec", Map.of("template", Map.of("spec", Map.of("containers",
            List.of(Map.of("name", "agent", "image", image, "env", List.of(Map.of("name", "T", "value", "x")))))))))
        .build();
  }

  private static Pod pod(String hash, boolean ready) {
    return new PodBuilder().withNewMetadata().withName("node-agent-" + hash + (ready ? "-r" : "-n"))
        .addToLabels(RolloutHistory.REVISION_HASH, hash).endMetadata()
        .withNewStatus().addNewCondition().withType("Ready").withStatus(ready ? "True" : "False").endCondition()
        .endStatus().build();
  }
}
