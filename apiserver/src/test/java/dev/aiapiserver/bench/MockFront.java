package dev.aiapiserver.bench;

import io.fabric8.kubernetes.api.model.APIGroupListBuilder;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceBuilder;
import io.fabric8.kubernetes.api.model.APIResourceListBuilder;
import io.fabric8.kubernetes.api.model.APIVersionsBuilder;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventList;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What a real API server does that the CRUD mock does not, in front of it: /version, legacy
 * discovery for the kinds the synthetic cluster holds (so the real kubectl can resolve
 * {@code pods}, {@code deploy}, {@code events} ...), and Event field selectors (involvedObject.*,
 * type, reason) and server-side Tables ({@link ServerSideTables}), so that a baseline agent reads
 * what kube-apiserver would send it. It also records
 * every request, so that an approach's request count is what the server saw.
 */
final class MockFront extends Dispatcher {
  static final String GIT_VERSION = "v1.33.1";
  private static final Map<String, Function<Event, String>> EVENT_FIELDS = Map.of(
      "involvedObject.name", e -> e.getInvolvedObject().getName(),
      "involvedObject.kind", e -> e.getInvolvedObject().getKind(),
      "involvedObject.namespace", e -> e.getInvolvedObject().getNamespace(),
      "involvedObject.uid", e -> e.getInvolvedObject().getUid(),
      "type", Event::getType,
      "reason", Event::getReason,
      "metadata.name", e -> e.getMetadata().getName(),
      "metadata.namespace", e -> e.getMetadata().getNamespace());

  private final Dispatcher crud;
  private final KubernetesSerialization json = new KubernetesSerialization();
  private final Map<String, String> discovery = new LinkedHashMap<>();
  /** A request as the front saw it. */
  record Seen(String userAgent, String method, String path) {
    /** Discovery is what kubectl reads (and caches) before the request it was asked for. */
    boolean discovery() {
      String bare = path.split("\\?", 2)[0];
      return bare.equals("/version") || bare.equals("/api") || bare.equals("/apis") || bare.equals("/api/v1")
          || bare.matches("/apis/[a-z0-9.]+(/v[0-9a-z]+)?") || bare.startsWith("/openapi");
    }
  }

  /** When the mock last finished a write (System.nanoTime), for timings from the mock's commit. */
  volatile long lastWriteNanos;
  private final List<Seen> seen = java.util.Collections.synchronizedList(new ArrayList<>());

  MockFront(Dispatcher crud) {
    this.crud = crud;
    discovery.put("/version", json.asJson(Workloads.ordered("major", "1", "minor", "33", "gitVersion", GIT_VERSION,
        "gitCommit", "8adc0f041b8e7ad1d30e29cc59c6ae7a15e19828", "gitTreeState", "clean",
        "buildDate", "2025-05-15T08:19:07Z", "goVersion", "go1.24.2", "compiler", "gc", "platform", "linux/amd64")));
    discovery.put("/api", json.asJson(new APIVersionsBuilder().withVersions("v1")
        .addNewServerAddressByClientCIDR().withClientCIDR("0.0.0.0/0").withServerAddress("127.0.0.1").endServerAddressByClientCIDR()
        .build()));
    discovery.put("/apis", json.asJson(new APIGroupListBuilder()
        .addNewGroup().withName("apps").addNewVersion().withGroupVersion("apps/v1").withVersion("v1").endVersion()
        .withNewPreferredVersion().withGroupVersion("apps/v1").withVersion("v1").endPreferredVersion().endGroup()
        .addNewGroup().withName("batch").addNewVersion().withGroupVersion("batch/v1").withVersion("v1").endVersion()
        .withNewPreferredVersion().withGroupVersion("batch/v1").withVersion("v1").endPreferredVersion().endGroup()
        .build()));
    discovery.put("/api/v1", resources("v1", resource("pods", "Pod", true, "po"),
        resource("services", "Service", true, "svc"), resource("events", "Event", true, "ev"),
        resource("nodes", "Node", false, "no"), resource("namespaces", "Namespace", false, "ns")));
    discovery.put("/apis/apps/v1", resources("apps/v1", resource("deployments", "Deployment", true, "deploy"),
        resource("replicasets", "ReplicaSet", true, "rs"), resource("statefulsets", "StatefulSet", true, "sts"),
        resource("daemonsets", "DaemonSet", true, "ds")));
    discovery.put("/apis/batch/v1", resources("batch/v1", resource("jobs", "Job", true, null),
        resource("cronjobs", "CronJob", true, "cj")));
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    seen.add(new Seen(String.valueOf(request.getHeader("User-Agent")), request.getMethod(), request.getPath()));
    String path = request.getPath();
    int q = path.indexOf('?');
    String bare = q < 0 ? path : path.substring(0, q);
    String doc = discovery.get(bare);
    if (doc != null && "GET".equals(request.getMethod())) {
      return new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json").setBody(doc);
    }
    Map<String, String> query = query(q < 0 ? "" : path.substring(q + 1));
    if (!"GET".equals(request.getMethod())) {
      MockResponse written = crud.dispatch(request);
      // The CRUD mock has stored the change and handed its watch event to the watch connections.
      lastWriteNanos = System.nanoTime();
      return written;
    }
    if ("true".equals(query.get("watch"))) {
      return crud.dispatch(request);
    }
    MockResponse response = bare.endsWith("/events") && query.containsKey("fieldSelector")
        ? selectEvents(request, query.get("fieldSelector"))
        : crud.dispatch(request);
    String accept = request.getHeader("Accept");
    if (accept != null && accept.contains("as=Table") && response.code() == 200) {
      return table(response);
    }
    return response;
  }

  /** Answers kubectl's {@code as=Table} the way kube-apiserver would, from the mock's JSON. */
  private MockResponse table(MockResponse json) {
    String body = json.getBody().readUtf8();
    KubernetesResource parsed = this.json.unmarshal(body, KubernetesResource.class);
    List<HasMetadata> items = parsed instanceof KubernetesResourceList<?> list
        ? list.getItems().stream().map(HasMetadata.class::cast).toList()
        : List.of((HasMetadata) parsed);
    String kind = items.isEmpty() ? "Pod" : items.get(0).getKind();
    if (!ServerSideTables.knows(kind)) {
      return json;
    }
    String rv = parsed instanceof KubernetesResourceList<?> list && list.getMetadata() != null
        ? list.getMetadata().getResourceVersion() : null;
    return new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json")
        .setBody(this.json.asJson(ServerSideTables.of(kind, items, rv)));
  }

  /** How many requests the front has seen so far: a mark to count from. */
  int mark() {
    return seen.size();
  }

  /** The requests seen since the mark from clients whose User-Agent starts with the prefix. */
  List<Seen> since(int mark, String userAgentPrefix) {
    synchronized (seen) {
      return seen.subList(mark, seen.size()).stream().filter(r -> r.userAgent().startsWith(userAgentPrefix)).toList();
    }
  }

  private MockResponse selectEvents(RecordedRequest request, String selector) {
    // The CRUD mock answers any field selector with an empty list: ask it for all, then select.
    String path = request.getPath().replaceAll("([?&])fieldSelector=[^&]*&?", "$1").replaceAll("[?&]$", "");
    MockResponse all = crud.dispatch(new RecordedRequest(request.getHttpVersion(), request.method(), path,
        request.getHeaders(), request.getBody()));
    EventList list = json.unmarshal(all.getBody().readUtf8(), EventList.class);
    List<Event> kept = new ArrayList<>();
    for (Event e : list.getItems()) {
      if (matches(e, selector)) {
        kept.add(e);
      }
    }
    list.setItems(kept);
    return new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json")
        .setBody(json.asJson(list));
  }

  private static boolean matches(Event e, String selector) {
    for (String term : selector.split(",")) {
      boolean negated = term.contains("!=");
      String[] kv = term.split(negated ? "!=" : "==?", 2);
      Function<Event, String> field = EVENT_FIELDS.get(kv[0].trim());
      if (field == null) {
        continue;
      }
      if (Objects.equals(field.apply(e), kv[1].trim()) == negated) {
        return false;
      }
    }
    return true;
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      m.put(k, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return m;
  }

  private String resources(String groupVersion, APIResource... list) {
    return json.asJson(new APIResourceListBuilder().withGroupVersion(groupVersion).withResources(list).build());
  }

  private static APIResource resource(String plural, String kind, boolean namespaced, String shortName) {
    APIResourceBuilder b = new APIResourceBuilder().withName(plural).withKind(kind).withNamespaced(namespaced)
        .withSingularName(kind.toLowerCase()).withVerbs("get", "list", "watch", "create", "update", "patch", "delete");
    if (shortName != null) {
      b.withShortNames(shortName);
    }
    if (!plural.equals("events") && !plural.equals("nodes") && !plural.equals("namespaces")) {
      b.withCategories("all");
    }
    return b.build();
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
