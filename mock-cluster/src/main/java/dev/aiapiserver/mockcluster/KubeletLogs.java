package dev.aiapiserver.mockcluster;

import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code pods/{name}/log} endpoint, which the fabric8 mock's CRUD mode does not serve, answered
 * the way kube-apiserver relays the kubelet's answer: {@code container}, {@code previous},
 * {@code tailLines} (the last lines) and {@code limitBytes} (the first bytes of those) honoured, and
 * a missing instance refused with the kubelet's 400 message. Every other request goes to the
 * dispatcher it wraps. Requests are recorded so that tests can see what the server asked for. The
 * demo serves its pods' logs with it; the server's tests plant logs (10,000 lines, 2 MB lines) in it.
 */
public final class KubeletLogs extends Dispatcher {
  private static final int MAX_RECORDED = 1000;
  private static final Pattern LOG = Pattern.compile("/api/v1/namespaces/([^/]+)/pods/([^/]+)/log");

  private final Dispatcher cluster;
  private final Map<String, String> logs = new ConcurrentHashMap<>();
  private final Map<String, java.time.Duration> stalls = new ConcurrentHashMap<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private volatile boolean ignoreLimits;

  public KubeletLogs(Dispatcher cluster) {
    this.cluster = cluster;
  }

  /** The log of a container instance (previous: the one before the current). */
  public KubeletLogs put(String namespace, String pod, String container, boolean previous, String text) {
    logs.put(key(namespace, pod, container, previous), text);
    return this;
  }

  /** A kubelet that sends the headers of this log at once and its body only after delay (null: no delay). */
  public void stall(String namespace, String pod, String container, boolean previous, java.time.Duration delay) {
    if (delay == null) {
      stalls.remove(key(namespace, pod, container, previous));
    } else {
      stalls.put(key(namespace, pod, container, previous), delay);
    }
  }

  /** A kubelet (or proxy) that sends the whole log whatever the request's tailLines and limitBytes. */
  public void ignoreLimits(boolean ignore) {
    ignoreLimits = ignore;
  }

  /** The paths with query of the latest log requests (at most 1000). */
  public List<String> requests() {
    return List.copyOf(requests);
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    String full = request.getPath() == null ? "" : request.getPath();
    String[] pathAndQuery = full.split("\\?", 2);
    Matcher m = LOG.matcher(pathAndQuery[0]);
    if (!m.matches() || !"GET".equals(request.getMethod())) {
      return cluster.dispatch(request);
    }
    requests.add(full);
    if (requests.size() > MAX_RECORDED) {
      requests.remove(0); // a long-running demo keeps only the latest
    }
    Map<String, String> q = query(pathAndQuery.length > 1 ? pathAndQuery[1] : "");
    String container = q.getOrDefault("container", "");
    boolean previous = "true".equals(q.get("previous"));
    String text = logs.get(key(m.group(1), m.group(2), container, previous));
    if (text == null) {
      String message = previous
          ? "previous terminated container \"" + container + "\" in pod \"" + m.group(2) + "\" not found"
          : "container \"" + container + "\" in pod \"" + m.group(2) + "\" is waiting to start: ContainerCreating";
      return new MockResponse().setResponseCode(400).setHeader("Content-Type", "application/json")
          .setBody("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\",\"message\":"
              + io.fabric8.kubernetes.client.utils.Serialization.asJson(message) + ",\"reason\":\"BadRequest\","
              + "\"code\":400}");
    }
    byte[] body = ignoreLimits ? text.getBytes(StandardCharsets.UTF_8) : limited(text, q);
    MockResponse answer = new MockResponse().setResponseCode(200).setHeader("Content-Type", "text/plain")
        .setBody(new String(body, StandardCharsets.UTF_8));
    java.time.Duration stall = stalls.get(key(m.group(1), m.group(2), container, previous));
    return stall == null ? answer : answer.setBodyDelay(stall);
  }

  private static byte[] limited(String text, Map<String, String> q) {
    String tail = text;
    if (q.containsKey("tailLines")) {
      int n = Integer.parseInt(q.get("tailLines"));
      int end = text.endsWith("\n") ? text.length() - 1 : text.length();
      int start = end;
      for (int found = 0; found < n && start > 0; ) {
        start--;
        if (text.charAt(start) == '\n' && ++found == n) {
          start++;
          break;
        }
      }
      tail = text.substring(Math.max(0, start));
    }
    byte[] bytes = tail.getBytes(StandardCharsets.UTF_8);
    if (q.containsKey("limitBytes")) {
      int limit = Integer.parseInt(q.get("limitBytes"));
      if (bytes.length > limit) {
        byte[] cut = new byte[limit];
        System.arraycopy(bytes, 0, cut, 0, limit);
        return cut;
      }
    }
    return bytes;
  }

  private static Map<String, String> query(String query) {
    Map<String, String> out = new HashMap<>();
    for (String part : query.split("&")) {
      if (part.isEmpty()) {
        continue;
      }
      String[] kv = part.split("=", 2);
      out.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
          kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
    }
    return out;
  }

  private static String key(String namespace, String pod, String container, boolean previous) {
    return namespace + "/" + pod + "/" + container + (previous ? "/previous" : "");
  }

  /** A log of n numbered lines, e.g. for a test of a long log. */
  public static String numbered(int n, String prefix) {
    StringBuilder out = new StringBuilder();
    for (int i = 1; i <= n; i++) {
      out.append(prefix).append(i).append('\n');
    }
    return out.toString();
  }
}
