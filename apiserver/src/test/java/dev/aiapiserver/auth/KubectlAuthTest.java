package dev.aiapiserver.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aiapiserver.e2e.Kubectl;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real kubectl, with a token: refusals read exactly as they do for native resources. */
class KubectlAuthTest {
  private static final String WLS_IN_SHOP = "/apis/ai.k8s.io/v1alpha1/namespaces/shop/workloadsummaries";

  @TempDir
  Path dir;
  private SecuredServer server;

  @BeforeEach
  void start() throws Exception {
    server = new SecuredServer();
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  private Kubectl kubectlAs(String user, String token) throws Exception {
    return new Kubectl("1.33", Kubectl.kubeconfig(dir, server.url(), server.servingCaPem(), user, token));
  }

  @Test
  void givenAnAllowedUser_thenKubectlGetsTheResource() throws Exception {
    String out = kubectlAs("bob", "bob-token").ok("get", "--raw", WLS_IN_SHOP);

    assertTrue(out.contains("\"name\":\"bob\""), out);
  }

  @Test
  void givenADeniedUser_thenKubectlShowsKubeApiserversForbiddenMessage() throws Exception {
    Kubectl.Result result = kubectlAs("alice", "alice-token").run("get", "--raw", WLS_IN_SHOP);

    assertEquals(1, result.exitCode());
    assertEquals("Error from server (Forbidden): workloadsummaries.ai.k8s.io is forbidden: User \"alice\""
        + " cannot list resource \"workloadsummaries\" in API group \"ai.k8s.io\" in the namespace \"shop\"",
        result.stderr().strip());
  }

  @Test
  void givenAnUnknownToken_thenKubectlSaysYouMustBeLoggedIn() throws Exception {
    Kubectl.Result result = kubectlAs("mallory", "forged").run("get", "--raw", WLS_IN_SHOP);

    assertEquals(1, result.exitCode());
    assertTrue(result.stderr().contains("You must be logged in to the server (Unauthorized)"), result.stderr());
  }
}
