package dev.aiapiserver.auth;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The current {@link AuthenticationConfig}: the ConfigMap kube-system/extension-apiserver-authentication,
 * watched so that a rotated CA or a changed list applies without restart, with every given flag
 * replacing its key (CA files given by flags are re-read when they change). When the ConfigMap
 * cannot be read, this says so once in the log and in {@link #problem()} (wired into /readyz), and
 * the server goes on with what the flags give.
 */
public final class AuthenticationConfigSource implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AuthenticationConfigSource.class);
  private static final String WHERE =
      AuthenticationConfigMap.NAMESPACE + "/" + AuthenticationConfigMap.NAME;
  private static final String CONFIG_MAP = "configmap";

  private final KubernetesClient client;
  private final AuthenticationFlags flags;
  private final Duration fileCheckInterval;
  private final Map<String, String> problems = new TreeMap<>();
  private final AtomicBoolean unreadableLogged = new AtomicBoolean();
  private final CompletableFuture<Void> firstRead = new CompletableFuture<>();
  private volatile AuthenticationConfig fromConfigMap = AuthenticationConfig.empty();
  private final CaFile clientCaFile;
  private final CaFile requestHeaderCaFile;
  private volatile AuthenticationConfig current;
  private ScheduledExecutorService fileChecks;
  private SharedIndexInformer<ConfigMap> informer;

  /** Reads the ConfigMap through the client, flags overriding; CA files checked every 10 s. */
  public AuthenticationConfigSource(KubernetesClient client, AuthenticationFlags flags) {
    this(client, flags, Duration.ofSeconds(10));
  }

  public AuthenticationConfigSource(KubernetesClient client, AuthenticationFlags flags,
      Duration fileCheckInterval) {
    this.client = client;
    this.flags = flags;
    this.fileCheckInterval = fileCheckInterval;
    this.clientCaFile = flags.clientCaFile() == null ? null : new CaFile(flags.clientCaFile(), "client-ca-file");
    this.requestHeaderCaFile = flags.requestHeaderClientCaFile() == null
        ? null : new CaFile(flags.requestHeaderClientCaFile(), "requestheader-client-ca-file");
    this.current = merge();
  }

  /** Only the flags (--authentication-skip-lookup): the ConfigMap is never read. */
  public static AuthenticationConfigSource withoutConfigMap(AuthenticationFlags flags) {
    return new AuthenticationConfigSource(null, flags);
  }

  /**
   * Reads the CA files now, then starts watching them and the ConfigMap. The answer completes
   * once the ConfigMap was read or found unreadable (never exceptionally), so a caller may wait
   * for it before serving.
   */
  public CompletionStage<Void> start() {
    reloadFiles();
    if (clientCaFile != null || requestHeaderCaFile != null) {
      fileChecks = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "authentication-ca-files");
        thread.setDaemon(true);
        return thread;
      });
      long every = fileCheckInterval.toMillis();
      fileChecks.scheduleWithFixedDelay(this::reloadFiles, every, every, TimeUnit.MILLISECONDS);
    }
    if (client == null) {
      firstRead.complete(null);
      return firstRead;
    }
    setProblem(CONFIG_MAP, "ConfigMap " + WHERE + " not read yet");
    informer = client.configMaps().inNamespace(AuthenticationConfigMap.NAMESPACE)
        .withName(AuthenticationConfigMap.NAME).runnableInformer(0);
    informer.addEventHandler(new ResourceEventHandler<>() {
      @Override
      public void onAdd(ConfigMap configMap) {
        apply(configMap);
      }

      @Override
      public void onUpdate(ConfigMap before, ConfigMap after) {
        apply(after);
      }

      @Override
      public void onDelete(ConfigMap configMap, boolean finalStateUnknown) {
        if (isTheOne(configMap)) {
          fromConfigMap = AuthenticationConfig.empty();
          missing();
        }
      }
    });
    informer.exceptionHandler((started, error) -> {
      unreadable(started, error);
      return true;
    });
    informer.start().whenComplete((done, error) -> {
      if (error == null && informer.getStore().list().stream().noneMatch(this::isTheOne)) {
        missing();
      }
      firstRead.complete(null);
    });
    return firstRead;
  }

  public AuthenticationConfig current() {
    return current;
  }

  /** Why the configuration may be incomplete (for /readyz), or empty when all is read. */
  public Optional<String> problem() {
    synchronized (problems) {
      return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems.values()));
    }
  }

  @Override
  public void close() {
    if (informer != null) {
      informer.close();
    }
    if (fileChecks != null) {
      fileChecks.shutdownNow();
    }
  }

  private boolean isTheOne(ConfigMap configMap) {
    return configMap != null && configMap.getMetadata() != null
        && AuthenticationConfigMap.NAME.equals(configMap.getMetadata().getName());
  }

  private void apply(ConfigMap configMap) {
    if (!isTheOne(configMap)) {
      return; // a mock API server may ignore the field selector
    }
    AuthenticationConfigMap.Content content = AuthenticationConfigMap.read(configMap.getData(), fromConfigMap);
    fromConfigMap = content.config();
    // Publish the new configuration before clearing the problem: /readyz must never say ready
    // while the old CAs are still the ones in force.
    changed("configmap");
    if (content.problems().isEmpty()) {
      clearProblem(CONFIG_MAP);
    } else {
      String problem = "ConfigMap " + WHERE + ": " + String.join(", ", content.problems());
      LOG.warn("event=authentication_config_invalid configmap={} problem=\"{}\"", WHERE, problem);
      setProblem(CONFIG_MAP, problem);
    }
    if (unreadableLogged.compareAndSet(true, false)) {
      LOG.info("event=authentication_config_readable configmap={}", WHERE);
    }
  }

  private void missing() {
    if (flags.coverBothCAs()) {
      clearProblem(CONFIG_MAP);
    } else {
      setProblem(CONFIG_MAP, "ConfigMap " + WHERE + " not found; serving with flag configuration only");
      LOG.warn("event=authentication_config_missing configmap={} effect=\"serving with flag configuration only\"",
          WHERE);
    }
    changed("configmap");
  }

  private void unreadable(boolean started, Throwable error) {
    String reason = describe(error);
    if (!started) {
      setProblem(CONFIG_MAP, "cannot read ConfigMap " + WHERE + " (" + reason
          + "); serving with flag configuration only");
    }
    if (unreadableLogged.compareAndSet(false, true)) {
      LOG.warn("event=authentication_config_unreadable configmap={} reason=\"{}\" effect=\"{}\" hint=\"{}\"",
          WHERE, reason, started ? "keeping the last configuration read" : "serving with flag configuration only",
          "bind the Role extension-apiserver-authentication-reader in kube-system to this server");
    }
    firstRead.complete(null);
  }

  /** "HTTP 403 Forbidden" for an answer from the API server, else what went wrong on the way. */
  private static String describe(Throwable error) {
    Throwable cause = error;
    while (cause.getCause() != null && !(cause instanceof KubernetesClientException k && k.getCode() > 0)) {
      cause = cause.getCause();
    }
    if (cause instanceof KubernetesClientException k && k.getCode() > 0) {
      return "HTTP " + k.getCode() + (k.getStatus() != null && k.getStatus().getReason() != null
          ? " " + k.getStatus().getReason() : "");
    }
    return cause.getClass().getSimpleName() + ": " + cause.getMessage();
  }

  private void reloadFiles() {
    boolean changed = false;
    for (CaFile file : Stream.of(clientCaFile, requestHeaderCaFile).filter(Objects::nonNull).toList()) {
      changed |= file.reload();
      file.problem().ifPresentOrElse(p -> setProblem(file.flag(), p), () -> clearProblem(file.flag()));
    }
    if (changed) {
      changed("files");
    }
  }

  private synchronized void changed(String source) {
    AuthenticationConfig next = merge();
    if (!next.equals(current)) {
      current = next;
      LOG.info("event=authentication_config_changed source={} clientCAs={} requestHeaderCAs={} allowedNames={}",
          source, next.clientCAs().size(), next.requestHeaderCAs().size(),
          next.requestHeaderAllowedNames());
    }
  }

  private AuthenticationConfig merge() {
    AuthenticationConfig cm = fromConfigMap;
    return new AuthenticationConfig(
        clientCaFile != null ? clientCaFile.cas() : cm.clientCAs(),
        requestHeaderCaFile != null ? requestHeaderCaFile.cas() : cm.requestHeaderCAs(),
        first(flags.requestHeaderAllowedNames(), cm.requestHeaderAllowedNames(), List.of()),
        first(flags.requestHeaderUsernameHeaders(), cm.requestHeaderUsernameHeaders(),
            AuthenticationConfig.DEFAULT_USERNAME_HEADERS),
        first(flags.requestHeaderGroupHeaders(), cm.requestHeaderGroupHeaders(),
            AuthenticationConfig.DEFAULT_GROUP_HEADERS),
        first(flags.requestHeaderExtraHeadersPrefix(), cm.requestHeaderExtraHeaderPrefixes(),
            AuthenticationConfig.DEFAULT_EXTRA_HEADER_PREFIXES),
        first(flags.requestHeaderUidHeaders(), cm.requestHeaderUidHeaders(), List.of()));
  }

  private static List<String> first(List<String> flag, List<String> configMap, List<String> fallback) {
    return !flag.isEmpty() ? flag : !configMap.isEmpty() ? configMap : fallback;
  }

  private void setProblem(String key, String message) {
    synchronized (problems) {
      problems.put(key, message);
    }
  }

  private void clearProblem(String key) {
    synchronized (problems) {
      problems.remove(key);
    }
  }
}
