package dev.aiapiserver.views;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiapiserver.api.WorkloadSummary;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;
import java.util.stream.Stream;
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

  @Test
  void givenCachesWithoutEnvWhenAMessageQuotesAPasswordThenItIsStillCutOut() {
    // The informer caches drop env, args and command: only the shape of the message can tell.
    Redaction none = Redaction.of(Stream.empty());

    String out = none.clean("Error: failed to start container \"api\": exec: \"--db-password=pw-7f3Kq9xLmN2\": "
        + "executable file not found in $PATH: unknown", FreeText.ITEM);

    assertFalse(out.contains("pw-7f3Kq9xLmN2"), out);
    assertTrue(out.contains("--db-password=[redacted]"), out);
  }

  @Test
  void givenASecretAcrossTheClipWhenCleanedThenNoHalfOfItIsLeft() {
    Redaction none = Redaction.of(Stream.empty());
    String secret = "Zq8wT4pr2Lx9Kd7Vb3Nm5Hj1";
    String text = "x".repeat(FreeText.ITEM - 20) + " token=" + secret + " rest";

    String out = none.clean(text, FreeText.ITEM);

    assertFalse(out.contains(secret.substring(0, 8)), out);
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
