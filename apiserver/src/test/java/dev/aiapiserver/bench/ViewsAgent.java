package dev.aiapiserver.bench;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

/**
 * Our views: one list or one get per question, either as JSON over HTTPS or as the real kubectl's
 * table of them ({@code -o wide}, which adds the MESSAGE column).
 */
final class ViewsAgent implements Agent {
  static final String USER_AGENT = "bench-views";
  static final String GROUP = "/apis/ai.k8s.io/v1alpha1";
  /** How an agent asks for what needs attention: every workload not Healthy. */
  static final String UNHEALTHY = "health.verdict!=Healthy";

  enum Form { JSON, TABLE }

  private final ViewsServer server;
  private final Form form;
  private final boolean wholeNamespace;
  private final HttpClient http;
  private final KubectlSession kubectl;

  /**
   * @param wholeNamespace triage reads every summary of the namespace instead of the unhealthy ones
   */
  ViewsAgent(ViewsServer server, Form form, boolean wholeNamespace) throws Exception {
    this.server = server;
    this.form = form;
    this.wholeNamespace = wholeNamespace;
    this.http = server.client(HttpClient.Version.HTTP_2);
    this.kubectl = new KubectlSession(server.kubectl(Files.createTempDirectory("bench-views")));
  }

  @Override
  public String name() {
    return "ai.k8s.io views, " + (form == Form.JSON ? "JSON" : "kubectl -o wide")
        + (wholeNamespace ? ", whole namespace" : "");
  }

  @Override
  public Reading read(AgentTask task) throws Exception {
    Reading r = new Reading();
    switch (task.kind()) {
      case TRIAGE -> {
        if (form == Form.JSON) {
          json(r, GROUP + "/namespaces/" + task.namespace() + "/workloadsummaries"
              + (wholeNamespace ? "" : "?fieldSelector=" + enc(UNHEALTHY)));
        } else if (wholeNamespace) {
          r.kubectl(kubectl.run("get", "wls", "-n", task.namespace(), "-o", "wide"));
        } else {
          r.kubectl(kubectl.run("get", "wls", "-n", task.namespace(), "-o", "wide", "--field-selector", UNHEALTHY));
        }
      }
      case EXPLAIN -> {
        PlantedFault f = task.fault();
        if (form == Form.JSON) {
          json(r, GROUP + "/namespaces/" + f.namespace() + "/workloadsummaries/" + f.summaryName());
        } else {
          r.kubectl(kubectl.run("get", "wls", f.summaryName(), "-n", f.namespace(), "-o", "wide"));
        }
      }
      case OVERVIEW -> {
        if (form == Form.JSON) {
          json(r, GROUP + "/clustercontexts/current");
          json(r, GROUP + "/workloadsummaries?fieldSelector=" + enc(UNHEALTHY));
        } else {
          r.kubectl(kubectl.run("get", "cctx"));
          r.kubectl(kubectl.run("get", "wls", "-A", "-o", "wide", "--field-selector", UNHEALTHY));
        }
      }
    }
    return r;
  }

  private void json(Reading r, String path) throws Exception {
    r.json(get(path));
    r.requests++;
  }

  private String get(String path) throws Exception {
    HttpResponse<String> response = http.send(server.get(path).header("Accept", "application/json").build(),
        HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
