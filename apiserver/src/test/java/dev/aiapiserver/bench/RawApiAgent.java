package dev.aiapiserver.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Baseline (i): the agent reads the raw JSON of the API server, the way {@code kubectl get -o json}
 * or a client library hands it over (compact, without managedFields), one list per kind it needs.
 */
final class RawApiAgent implements Agent {
  static final String USER_AGENT = "bench-raw-json";
  private static final List<String> NAMESPACED = List.of("/api/v1/%s/pods", "/apis/apps/v1/%s/deployments",
      "/apis/apps/v1/%s/replicasets", "/apis/apps/v1/%s/statefulsets", "/apis/apps/v1/%s/daemonsets",
      "/apis/batch/v1/%s/jobs", "/apis/batch/v1/%s/cronjobs", "/api/v1/%s/events");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final BenchCluster cluster;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  RawApiAgent(BenchCluster cluster) {
    this.cluster = cluster;
  }

  @Override
  public String name() {
    return "raw JSON (API server)";
  }

  @Override
  public Reading read(AgentTask task) throws Exception {
    int mark = cluster.front.mark();
    Reading r = new Reading();
    switch (task.kind()) {
      case TRIAGE -> {
        for (String path : NAMESPACED) {
          r.json(get(path.formatted("namespaces/" + task.namespace())));
        }
      }
      case EXPLAIN -> explain(task.fault(), r);
      case OVERVIEW -> {
        r.json(get("/version"));
        r.json(get("/api/v1/nodes"));
        r.json(get("/api/v1/namespaces"));
        for (String path : NAMESPACED) {
          r.json(get(path.replace("/%s", "")));
        }
      }
    }
    r.requests = cluster.front.since(mark, USER_AGENT).size();
    return r;
  }

  /** The workload, its ReplicaSets (for a Deployment), its pods, then the events of it and of each pod not ready. */
  private void explain(PlantedFault f, Reading r) throws Exception {
    String ns = "namespaces/" + f.namespace();
    String group = f.workloadKind().equals("Job") ? "/apis/batch/v1/" : "/apis/apps/v1/";
    String plural = f.workloadKind().toLowerCase() + "s";
    r.json(get(group + ns + "/" + plural + "/" + f.workload()));
    String selector = "?labelSelector=" + enc("app=" + f.workload());
    if (f.workloadKind().equals("Deployment")) {
      r.json(get("/apis/apps/v1/" + ns + "/replicasets" + selector));
    }
    String pods = get("/api/v1/" + ns + "/pods" + selector);
    r.json(pods);
    List<String> suspects = new ArrayList<>(List.of(f.workload()));
    for (JsonNode pod : JSON.readTree(pods).get("items")) {
      if (!ready(pod)) {
        suspects.add(pod.path("metadata").path("name").asString());
      }
    }
    for (String name : suspects) {
      r.json(get("/api/v1/" + ns + "/events?fieldSelector=" + enc("involvedObject.name=" + name)));
    }
  }

  static boolean ready(JsonNode pod) {
    for (JsonNode c : pod.path("status").path("conditions")) {
      if ("Ready".equals(c.path("type").asString())) {
        return "True".equals(c.path("status").asString());
      }
    }
    return false;
  }

  private String get(String path) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(cluster.url() + path))
        .header("User-Agent", USER_AGENT).header("Accept", "application/json").timeout(Duration.ofMinutes(2))
        .build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
    }
    return response.body();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
