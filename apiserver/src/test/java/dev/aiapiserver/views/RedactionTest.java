package dev.aiapiserver.views;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiapiserver.api.WorkloadSummary;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Secrets never leave: no env value, valueFrom reference, command or argument, annotation
 * (last-applied-configuration or any other), managedFields entry or termination message of a
 * workload appears in its summary, even when the kubelet or an event quotes them.
 */
class RedactionTest {
  private static final Pattern SENTINEL = Pattern.compile("[A-Za-z0-9-]*SENTINEL[A-Za-z0-9-]*");

  @Test
  void givenAWorkloadFullOfSecretsWhenSummarizedThenNoneOfThemAppearsInTheJson() {
    Fixture fixture = Fixtures.load("redaction/deployment-full-of-secrets.yaml");
    List<String> secrets = sentinels(fixture);
    assertTrue(secrets.size() >= 12, "the fixture plants secrets everywhere: " + secrets);

    WorkloadSummary summary = WorkloadSummaries.derive(fixture.inputs());
    String json = Json.write(summary);

    for (String secret : secrets) {
      assertFalse(json.contains(secret), secret + " leaked into " + json);
    }
    assertFalse(json.contains("last-applied-configuration"), json);
    assertFalse(json.contains("managedFields"), json);
    assertFalse(json.contains("SENTINEL"), json);
    // The evidence is still there, with the secrets cut out of it.
    assertTrue(json.contains("RunContainerError"), json);
    assertTrue(json.contains("permission denied"), json);
    assertTrue(json.contains("secure/vault-client:1"), json);
    fixture.verify(summary);
  }

  @Test
  void givenABarePodFullOfSecretsWhenSummarizedThenNoneOfThemAppears() {
    Fixture fixture = Fixtures.load("redaction/deployment-full-of-secrets.yaml");
    Pod pod = (Pod) fixture.objects().get(1);
    pod.getMetadata().setUid("uid-pod");
    Fixture bare = new Fixture(fixture.given(), fixture.now(), null, null,
        List.of(pod, fixture.objects().get(2)));

    String json = Json.write(WorkloadSummaries.derive(bare.inputs()));

    assertFalse(json.contains("SENTINEL"), json);
    assertTrue(json.contains("[redacted]"), json);
  }

  /** Every planted secret, read from the fixture file itself so that none is forgotten here. */
  private static List<String> sentinels(Fixture fixture) {
    String yaml = io.fabric8.kubernetes.client.utils.Serialization.asYaml(fixture.objects());
    Matcher m = SENTINEL.matcher(yaml);
    java.util.Set<String> found = new java.util.TreeSet<>();
    while (m.find()) {
      found.add(m.group());
    }
    return List.copyOf(found);
  }
}
