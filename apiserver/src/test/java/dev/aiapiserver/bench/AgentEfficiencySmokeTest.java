package dev.aiapiserver.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The benchmark's harness on a tiny cluster, in the default test run so that it cannot rot: given
 * a cluster with every fault kind planted, when each approach does the three agent tasks, then the
 * harness measures them all and the views name every planted fault with its cause. No timings.
 */
@Timeout(300)
class AgentEfficiencySmokeTest {
  static BenchCluster cluster;
  static ViewsServer views;
  static Scenario scenario;
  static List<AgentEfficiency.Row> rows;

  @BeforeAll
  static void run() throws Exception {
    scenario = SyntheticCluster.draw(ClusterShape.TINY, 1, Instant.now());
    cluster = new BenchCluster();
    cluster.seed(scenario.objects());
    views = new ViewsServer(cluster);
    rows = new AgentEfficiency(scenario, List.of(new RawApiAgent(cluster), new KubectlTableAgent(cluster),
        new ViewsAgent(views, ViewsAgent.Form.JSON, false), new ViewsAgent(views, ViewsAgent.Form.TABLE, false)))
        .run();
    System.out.println(AgentEfficiency.render(rows));
  }

  @AfterAll
  static void stop() {
    if (views != null) {
      views.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void everyApproachIsMeasuredOnEveryTask() {
    assertEquals(3 * 4, rows.size());
    for (AgentEfficiency.Row r : rows) {
      assertTrue(r.requests() > 0 && r.bytes() > 0 && r.tokens() > 0, r.toString());
    }
  }

  @Test
  void theViewsAsJsonNameEveryPlantedFaultWithItsCause() {
    for (AgentEfficiency.Row r : rows) {
      if (r.agent().contains("JSON") && r.agent().contains("views")) {
        assertEquals(List.of(), r.missed(), r.task());
      }
    }
  }

  @Test
  void rawJsonNamesEveryFaultButCostsMoreTokensAndRequestsThanTheViews() {
    for (String task : rows.stream().map(AgentEfficiency.Row::task).distinct().toList()) {
      AgentEfficiency.Row raw = row(task, "raw JSON");
      AgentEfficiency.Row ours = row(task, "views, JSON");
      assertEquals(List.of(), raw.missed(), task);
      assertTrue(ours.tokens() < raw.tokens() && ours.requests() < raw.requests(), task);
    }
  }

  private static AgentEfficiency.Row row(String task, String agent) {
    return rows.stream().filter(r -> r.task().equals(task) && r.agent().contains(agent)).findFirst().orElseThrow();
  }
}
