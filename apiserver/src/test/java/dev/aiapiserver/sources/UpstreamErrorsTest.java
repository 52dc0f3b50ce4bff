package dev.aiapiserver.sources;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.client.KubernetesClientException;
import org.junit.jupiter.api.Test;

class UpstreamErrorsTest {
  @Test
  void anErrorQuotingASecretIsLoggedAndShownWithoutIt() {
    // fabric8 quotes the API server's Status message, which quotes what a webhook answered
    String said = UpstreamErrors.describe(new KubernetesClientException("Failure executing: GET at: "
        + "https://10.96.0.1:443/api/v1/pods?limit=500. Message: admission webhook \"audit.example.com\" "
        + "denied the request: cannot reach https://auditor:Sup3rS3cretPassw0rd@audit.example.com/v1 with "
        + "token=ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789."));
    assertFalse(said.contains("Sup3rS3cretPassw0rd"), said);
    assertFalse(said.contains("ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789"), said);
    assertTrue(said.startsWith("Failure executing: GET at: https://10.96.0.1:443/api/v1/pods?limit=500."), said);
  }

  @Test
  void aLongMessageIsCutTo200Characters() {
    assertTrue(UpstreamErrors.describe(new RuntimeException("x".repeat(5000))).length() <= 200);
  }
}
