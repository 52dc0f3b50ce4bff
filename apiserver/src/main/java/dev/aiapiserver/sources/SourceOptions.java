package dev.aiapiserver.sources;

import java.time.Duration;

/**
 * How the sources talk to the cluster.
 *
 * @param warningFieldSelector ask the API server for Warning events only (fieldSelector
 *     type=Warning); the caches filter anyway, this only saves bandwidth. The fabric8 CRUD mock
 *     answers any field selector with an empty list, so it must be off there.
 * @param discoveryRefresh how often the served API resources are listed again
 * @param maxGroupVersions at most this many group/versions are listed (and reported)
 * @param retryMax longest wait between retries of /version and discovery after a failure
 */
public record SourceOptions(
    boolean warningFieldSelector, Duration discoveryRefresh, int maxGroupVersions, Duration retryMax) {

  /**
   * The first wait before an informer re-lists and re-watches after losing its watch (client
   * Config.watchReconnectInterval). fabric8 doubles it up to 32 times: with its default of 1 s an
   * informer could stay away 32 s after the API server came back; from 100 ms it is at most 3.2 s.
   */
  public static final int WATCH_RECONNECT_INTERVAL_MS = 100;

  /**
   * How many objects an informer asks for per list request (limit/continue), as client-go's
   * reflector does (its default page size is 500).
   */
  public static final long LIST_PAGE_SIZE = 500;

  /** How often {@link SourceHealth} looks, and how long the API server has to answer its probe. */
  static final Duration HEALTH_PERIOD = Duration.ofSeconds(1);
  static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(3);

  /** For a real cluster (serve). */
  public static SourceOptions forCluster() {
    return new SourceOptions(true, Duration.ofMinutes(10), 200, Duration.ofMinutes(1));
  }

  /** For the fabric8 CRUD mock server (demo, tests). */
  public static SourceOptions forMockServer() {
    return new SourceOptions(false, Duration.ofMinutes(10), 200, Duration.ofMinutes(1));
  }
}
