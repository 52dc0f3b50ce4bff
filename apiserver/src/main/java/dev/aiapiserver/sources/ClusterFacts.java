package dev.aiapiserver.sources;

import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIGroupList;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.VersionInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the cluster says about itself: its version (/version, fetched once, retried until it
 * answers) and the API resources it serves (discovery, listed again rarely, capped). Blocking calls
 * run on this class's own thread, never on an event loop or the engine's thread.
 */
public final class ClusterFacts {
  private static final Logger log = LoggerFactory.getLogger(ClusterFacts.class);
  private static final int MAX_RESOURCES_PER_GROUP_VERSION = 100;
  private static final Duration FIRST_RETRY = Duration.ofSeconds(1);

  private final KubernetesClient client;
  private final SourceOptions options;
  private final Consumer<String> changed;
  private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "cluster-facts");
    t.setDaemon(true);
    return t;
  });
  private volatile String gitVersion;
  private volatile String platform;
  private volatile Map<String, List<String>> apiResources = Map.of();

  ClusterFacts(KubernetesClient client, SourceOptions options, Consumer<String> changed) {
    this.client = client;
    this.options = options;
    this.changed = changed;
  }

  /** The API server's gitVersion, or null until /version has answered. */
  public String gitVersion() {
    return gitVersion;
  }

  /** The API server's platform, or null until /version has answered. */
  public String platform() {
    return platform;
  }

  /** Served resources (no subresources) by group/version, e.g. "apps/v1" -> [daemonsets, ...]. */
  public Map<String, List<String>> apiResources() {
    return apiResources;
  }

  void start() {
    thread.execute(() -> fetchVersion(FIRST_RETRY));
    thread.execute(() -> discover(FIRST_RETRY));
  }

  void stop() {
    thread.shutdownNow();
  }

  private void fetchVersion(Duration retry) {
    try {
      VersionInfo version = client.getKubernetesVersion();
      if (version == null || version.getGitVersion() == null) {
        throw new IllegalStateException("/version answered without gitVersion");
      }
      gitVersion = version.getGitVersion();
      platform = version.getPlatform();
      log.info("event=cluster_version gitVersion={} platform={}", gitVersion, platform);
      changed.accept(Sources.VERSION);
    } catch (RuntimeException e) {
      log.warn("event=cluster_version_failed error=\"{}\" retryInSeconds={}", UpstreamErrors.describe(e), retry.toSeconds());
      schedule(() -> fetchVersion(longer(retry)), retry);
    }
  }

  private void discover(Duration retry) {
    try {
      Map<String, List<String>> found = listResources();
      if (!found.equals(apiResources)) {
        apiResources = Collections.unmodifiableMap(found);
        log.info("event=discovery groupVersions={}", found.size());
        changed.accept(Sources.DISCOVERY);
      }
      schedule(() -> discover(FIRST_RETRY), options.discoveryRefresh());
    } catch (RuntimeException e) {
      log.warn("event=discovery_failed error=\"{}\" retryInSeconds={}", UpstreamErrors.describe(e), retry.toSeconds());
      schedule(() -> discover(longer(retry)), retry);
    }
  }

  private Map<String, List<String>> listResources() {
    Map<String, List<String>> found = new TreeMap<>();
    add(found, "v1");
    APIGroupList groups = client.getApiGroups();
    if (groups != null && groups.getGroups() != null) {
      for (APIGroup group : groups.getGroups()) {
        if (found.size() >= options.maxGroupVersions()) {
          break;
        }
        String groupVersion = group.getPreferredVersion() != null
            ? group.getPreferredVersion().getGroupVersion()
            : group.getVersions().isEmpty() ? null : group.getVersions().get(0).getGroupVersion();
        if (groupVersion != null) {
          add(found, groupVersion);
        }
      }
    }
    return found;
  }

  private void add(Map<String, List<String>> found, String groupVersion) {
    try {
      APIResourceList list = client.getApiResources(groupVersion);
      if (list == null || list.getResources() == null) {
        return;
      }
      List<String> names = new ArrayList<>();
      for (APIResource resource : list.getResources()) {
        if (resource.getName() != null && !resource.getName().contains("/")) {
          names.add(resource.getName());
        }
      }
      if (!names.isEmpty()) {
        Collections.sort(names);
        found.put(groupVersion, List.copyOf(names.subList(0, Math.min(names.size(), MAX_RESOURCES_PER_GROUP_VERSION))));
      }
    } catch (RuntimeException e) {
      // one unavailable aggregated API (often metrics.k8s.io) must not hide the others
      log.debug("event=discovery_group_failed groupVersion={} error=\"{}\"", groupVersion, UpstreamErrors.describe(e));
    }
  }

  private Duration longer(Duration retry) {
    Duration doubled = retry.multipliedBy(2);
    return doubled.compareTo(options.retryMax()) > 0 ? options.retryMax() : doubled;
  }

  private void schedule(Runnable task, Duration delay) {
    if (!thread.isShutdown()) {
      thread.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  @Override
  public String toString() {
    return "ClusterFacts[gitVersion=" + Objects.toString(gitVersion) + "]";
  }
}
