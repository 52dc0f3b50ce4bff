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

  /** For a real cluster (serve). */
  public static SourceOptions forCluster() {
    return new SourceOptions(true, Duration.ofMinutes(10), 200, Duration.ofMinutes(1));
  }

  /** For the fabric8 CRUD mock server (demo, tests). */
  public static SourceOptions forMockServer() {
    return new SourceOptions(false, Duration.ofMinutes(10), 200, Duration.ofMinutes(1));
  }
}
