package dev.aiapiserver.testing;

import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;

/** Teardown of the fabric8 mock API server, shared by every test that starts one. */
public final class MockServers {
  private MockServers() {}

  /**
   * Stops the mock. Closing a watch while the mock is still sending blocks its event loop, so the
   * mock sometimes exceeds its own 10 s limit to close and throws; by then the test has made its
   * assertions and nothing is left to check, so that one failure is not the test's.
   */
  public static void destroy(KubernetesMockServer mock) {
    try {
      mock.destroy();
    } catch (IllegalStateException e) {
      if (!String.valueOf(e.getMessage()).contains("Unable to close MockWebServer")) {
        throw e;
      }
    }
  }
}
