package dev.aiapiserver.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiapiserver.api.WorkloadSummary;
import dev.aiapiserver.http.ListJmh;
import dev.aiapiserver.redact.RedactJmh;
import dev.aiapiserver.sources.PodCacheJmh;
import dev.aiapiserver.views.DeriveJmh;
import org.junit.jupiter.api.Test;

/**
 * The JMH benchmarks run only with -Pbench; so that they cannot rot, each one's set-up and body
 * run once here, with the default tests, and answer what they measure.
 */
class JmhSmokeTest {

  @Test
  void derivingASummary_answersTheFixturesVerdicts() {
    DeriveJmh derive = new DeriveJmh();
    derive.load();

    assertEquals(WorkloadSummary.Verdict.Healthy, derive.healthyDeployment().health().verdict());
    assertEquals(WorkloadSummary.Verdict.Degraded, derive.crashLoopingDeployment().health().verdict());
  }

  @Test
  void thePodCacheWork_packsAndUnpacksAPod() {
    PodCacheJmh cache = new PodCacheJmh();
    cache.cacheASibling();

    assertNotNull(cache.reduceShareAndPack());
    assertEquals("web-7d9-a", cache.unpack().getMetadata().getName());
  }

  @Test
  void theNamespaceList_rendersTwoHundredSummariesAsJsonAndTable() {
    ListJmh list = new ListJmh();
    list.twoHundredSummaries();

    assertTrue(list.json().toString().contains("\"kind\":\"WorkloadSummaryList\""));
    assertTrue(list.table().toString().contains("\"kind\":\"Table\""));
    assertTrue(list.decodeEach() > 0);
  }

  @Test
  void theRedactor_marksTheSecretsOfItsTexts() {
    RedactJmh redact = new RedactJmh();
    redact.texts();

    assertTrue(redact.componentMessage().contains("anonymous token: unexpected status: 401"));
    assertTrue(redact.logLines16KiB().contains("postgres://orders:[redacted]@pg"));
    assertTrue(redact.hostileLine2MB().length() < 1000);
  }
}
