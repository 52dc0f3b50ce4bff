package dev.aiapiserver.sources;

import dev.aiapiserver.testing.MockServers;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.net.InetAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * A fabric8 mock API server in CRUD mode on loopback, and a client for it. The CRUD dispatcher
 * answers /version with an empty list, so /version is answered here, like a v1.33 cluster would.
 */
public final class MockCluster implements AutoCloseable {
  public static final Duration DEADLINE = Duration.ofSeconds(15);
  public static final String GIT_VERSION = "v1.33.1";
  public static final String PLATFORM = "linux/amd64";

  private final AtomicInteger versionFailures = new AtomicInteger();
  private final KubernetesMockServer server;
  private final KubernetesClient client;

  public MockCluster() {
    server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
        new WithVersion(new KubernetesCrudDispatcher()), false);
    server.init(InetAddress.getLoopbackAddress(), 0);
    client = newClient();
  }

  /** Another client of the same server, for tests that must release one entirely. */
  public KubernetesClient newClient() {
    // the CRUD mock takes seconds to list thousands of objects; the default 10s would cut it off
    return server.createClient(b -> b.editOrNewConfig().withRequestTimeout(60_000).endConfig());
  }

  public KubernetesClient client() {
    return client;
  }

  /** The next {@code times} calls to /version answer 503. */
  public void failVersion(int times) {
    versionFailures.set(times);
  }

  /** Creates the object and returns it as the server stored it (with uid and resourceVersion). */
  public <T extends HasMetadata> T create(T item) {
    return client.resource(item).create();
  }

  @Override
  public void close() {
    client.close();
    MockServers.destroy(server);
  }

  /** Polls until the condition holds, or fails after the deadline. */
  public static void await(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until " + what);
      }
      LockSupport.parkNanos(Duration.ofMillis(1).toNanos());
    }
  }

  private final class WithVersion extends Dispatcher {
    private final Dispatcher crud;

    WithVersion(Dispatcher crud) {
      this.crud = crud;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
      if (!"/version".equals(request.getPath())) {
        return crud.dispatch(request);
      }
      if (versionFailures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        return new MockResponse().setResponseCode(503).setBody("{}");
      }
      return new MockResponse().setResponseCode(200).setBody(new KubernetesSerialization().asJson(
          Map.of("major", "1", "minor", "33", "gitVersion", GIT_VERSION, "platform", PLATFORM)));
    }

    @Override
    public void shutdown() {
      crud.shutdown();
    }

    @Override
    public void releaseResources() {
      crud.releaseResources();
    }
  }
}
