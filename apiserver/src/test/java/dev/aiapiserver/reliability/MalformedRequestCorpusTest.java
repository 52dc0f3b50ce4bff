package dev.aiapiserver.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.aiapiserver.request.Json;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Given the whole server, when a careless or hostile client sends malformed requests (selectors,
 * paging, versions, paths, methods, headers, encodings), then no answer is a 5xx, every refusal is a
 * metav1.Status without a stack trace, and the log stays bounded.
 */
class MalformedRequestCorpusTest {
  static final String W = "/apis/ai.k8s.io/v1alpha1/workloadsummaries";
  static final String SHOP = "/apis/ai.k8s.io/v1alpha1/namespaces/shop/workloadsummaries";
  static ReliableServer server;

  /** One malformed request: raw request line and extra headers. */
  record Case(String family, String line, Map<String, String> headers) {}

  @BeforeAll
  static void start() throws Exception {
    server = new ReliableServer(List.of(), o -> o);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  static String q(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  static List<Case> corpus() {
    List<Case> cases = new ArrayList<>();
    Map<String, String> none = Map.of();
    List<String> labelSelectors = List.of("app in (a", "!!!", "app=" + "x".repeat(300), "app==", "=web", "app in ()",
        "app notin", "app in (a,,b)", "app=web,", ",", "app=web,,tier=x", "app!==x", "app>", "app>x", "app<1.5",
        "app in (a b)", "app=we b", "-app=x", "app/=x", "a/b/c=x", "x".repeat(70) + "=y", "app in (" + "v,".repeat(500)
            + "v)", "(", ")", "app=(x)", "app!", "!app=x", "app in a", "app=\u00e9", "app=\u0000", "app=web\n",
        "   ", "app =  web", "app in ( a , b )", "tier notin (front),app", "!app,!tier", "app=web,tier in (front,back)",
        "k8s.io/app=web", "x".repeat(254) + ".io/a=b");
    for (String s : labelSelectors) {
      cases.add(new Case("selectors", "GET " + W + "?labelSelector=" + q(s) + " HTTP/1.1", none));
    }
    List<String> fieldSelectors = List.of("spec.nodeName=x", "nonsense", "metadata.name", "metadata.name==",
        "metadata.name!=x", "health.verdict=Failing", "health.verdict in (Failing)", "workload.kind=Deployment",
        "metadata.namespace=shop,metadata.name=deployment.web", "=x", ",", "metadata.name=a,", "metadata.name=\\",
        "metadata.name=a\\,b", "metadata.name=" + "x".repeat(5000), "status.phase=Running", "metadata.labels=x",
        "metadata.name=a=b", "metadata.name!==a", "health.verdict!=Healthy,workload.kind!=Job");
    for (String s : fieldSelectors) {
      cases.add(new Case("selectors", "GET " + W + "?fieldSelector=" + q(s) + " HTTP/1.1", none));
    }
    List<String> paging = List.of("limit=abc", "limit=", "limit=-1", "limit=0", "limit=1", "limit=1.5", "limit=1e3",
        "limit=99999999999999999999999", "limit=%2B5", "limit=%205", "limit=0x10", "limit=\u0663", "limit=1&limit=x",
        "continue=not-a-token", "continue=", "limit=1&continue=not-a-token", "limit=1&continue=" + "A".repeat(4000),
        "limit=1&continue=eyJ2IjoibWV0YS5rOHMuaW8vdjEiLCJydiI6MSwic3RhcnQiOiJ4In0",
        "limit=1&continue=%00%01", "limit=1&continue=e30", "limit=1&continue=bnVsbA",
        "limit=1&continue=eyJydiI6LTF9", "limit=2&continue=Zm9vYmFy", "limit=1&continue=" + "%2F".repeat(40));
    for (String s : paging) {
      cases.add(new Case("paging", "GET " + W + "?" + s + " HTTP/1.1", none));
    }
    List<String> versions = List.of("resourceVersion=abc", "resourceVersion=-1", "resourceVersion=0",
        "resourceVersion=1", "resourceVersion=99999999999999999999", "resourceVersion=1.0", "resourceVersion=",
        "resourceVersion=1&resourceVersionMatch=Sometimes", "resourceVersionMatch=Exact",
        "resourceVersionMatch=NotOlderThan", "resourceVersion=0&resourceVersionMatch=Exact",
        "resourceVersion=1&resourceVersionMatch=exact", "watch=true&timeoutSeconds=-5", "watch=true&timeoutSeconds=x",
        "watch=true&timeoutSeconds=", "watch=true&timeoutSeconds=1e9", "watch=true&sendInitialEvents=true",
        "watch=true&sendInitialEvents=maybe&timeoutSeconds=1", "sendInitialEvents=true",
        "watch=1&resourceVersion=abc", "watch=true&resourceVersion=1&timeoutSeconds=1", "includeObject=Everything",
        "watch=maybe&allowWatchBookmarks=perhaps&timeoutSeconds=1", "watch=0", "watch=false", "watch=FALSE",
        "watch=f&timeoutSeconds=1", "watch&timeoutSeconds=1", "watch=&timeoutSeconds=1", "allowWatchBookmarks=x",
        "timeoutSeconds=5", "watch=true&timeoutSeconds=0", "watch=true&resourceVersionMatch=NotOlderThan",
        "watch=true&sendInitialEvents=true&resourceVersionMatch=NotOlderThan",
        "watch=true&sendInitialEvents=true&resourceVersionMatch=NotOlderThan&allowWatchBookmarks=true&timeoutSeconds=1");
    for (String s : versions) {
      cases.add(new Case("versions", "GET " + W + "?" + s + " HTTP/1.1", none));
    }
    List<String> paths = List.of("/healthz?%zz", "/healthz?%", "/healthz?a=%zz", "/readyz?verbose&%zz", "/%zz",
        "/apis/%zz", SHOP + "/%", SHOP + "/deployment.web%", SHOP + "/%G0", "/apis/ai.k8s.io/v1alpha1/namespaces/%73hop/workloadsummaries",
        "/apis/ai.k8s.io/v1alpha1/namespaces/x/../shop/workloadsummaries", "/apis/ai.k8s.io/v1alpha1/namespaces/x/%2e%2e/shop/workloadsummaries",
        "/apis/ai.k8s.io/./v1alpha1/workloadsummaries", "/%2e%2e/%2e%2e/etc/passwd", "/..", "/.", "//apis", "/apis//ai.k8s.io",
        "/apis/ai.k8s.io/v1alpha1/namespaces/shop/workloadsummaries/", "/apis/ai.k8s.io/v1alpha1/namespaces//workloadsummaries",
        SHOP + "/deployment.web/status", SHOP + "/deployment.web/evidence/x/y", SHOP + "/a%2Fb", SHOP + "/%00", SHOP + "/%ff%fe",
        SHOP + "/%C0%AE%C0%AE", SHOP + "/\u00e9", "/apis/ai.k8s.io/v1alpha1/" + "x/".repeat(500), "/" + "a".repeat(8000),
        "/apis/ai.k8s.io/v1alpha1/watch", "/apis/ai.k8s.io/v1alpha1/watch/namespaces", "/api", "/api/v1/pods",
        "/apis/ai.k8s.io/v2/workloadsummaries", "/apis/ai.k8s.io/v1alpha1/nosuchthings", "/openapi/v3/%zz",
        "/openapi/v2?%zz", "/version?x=%", "/metrics;x", W + ";a=b", W + "?a=1;b=2", W + "?labelSelector=app%3Dweb;x",
        "*", "http://127.0.0.1/healthz", "healthz", "/healthz#frag", "/healthz?" + "a=b&".repeat(2000));
    for (String s : paths) {
      cases.add(new Case("paths", "GET " + s + " HTTP/1.1", none));
    }
    List<String> methods = List.of("POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "CONNECT", "PROPFIND",
        "FOO", "get", "Get", "HEAD", "MKCOL", "QUERY", "PRI", "BREW", "X".repeat(100), "LOCK", "SEARCH", "REPORT");
    for (String m : methods) {
      cases.add(new Case("methods", m + " " + SHOP + " HTTP/1.1", Map.of("Content-Length", "0")));
      cases.add(new Case("methods", m + " /healthz HTTP/1.1", Map.of("Content-Length", "0")));
    }
    List<Map<String, String>> headers = List.of(Map.of("Accept", "application/vnd.kubernetes.protobuf"),
        Map.of("Accept", "text/html"), Map.of("Accept", ";;;,,,"), Map.of("Accept", "application/json;q=0"),
        Map.of("Accept", "application/json;q=abc"), Map.of("Accept", "application/json;as=Table;v=v9;g=meta.k8s.io"),
        Map.of("Accept", "application/json;as=Table"), Map.of("Accept", "*/*;q=2"), Map.of("Accept", "/"),
        Map.of("Accept", "application/"), Map.of("Accept", "a".repeat(10_000)), Map.of("Accept", "\u00e9/\u00e9"),
        Map.of("Accept", "application/json;as=PartialObjectMetadataList;v=v1;g=meta.k8s.io"),
        Map.of("Accept", "application/json, application/yaml;q=0.9, */*;q=0.1"),
        Map.of("Accept-Encoding", "gzip;q=x"), Map.of("Accept-Encoding", "br, zstd, compress"),
        Map.of("Content-Type", "application/x-www-form-urlencoded"), Map.of("Content-Type", "\u0001"),
        Map.of("Authorization", "Bearer"), Map.of("Authorization", "Bearer "), Map.of("Authorization", "Basic Zm9vOmJhcg=="),
        Map.of("Authorization", "Bearer " + "x".repeat(20_000)), Map.of("Authorization", "bearer admin-token"),
        Map.of("X-Remote-User", "system:admin", "X-Remote-Group", "system:masters"),
        Map.of("Impersonate-User", "system:admin"), Map.of("X-Remote-Extra-%zz", "x"),
        Map.of("X-Long", "y".repeat(200_000)), Map.of("Host", "evil.example"), Map.of("Transfer-Encoding", "chunked"),
        Map.of("Expect", "100-continue"), Map.of("Range", "bytes=0-10"), Map.of("If-None-Match", "\"x\""),
        Map.of("Origin", "https://evil.example"), Map.of("Upgrade", "h2c", "Connection", "Upgrade, HTTP2-Settings"),
        Map.of("Accept", "application/json;as=Table;v=v1;g=meta.k8s.io;includeObject=Object"),
        Map.of("Accept", "application/yaml"), Map.of("Accept", "application/json;v=v1;g=meta.k8s.io;as=APIGroupDiscoveryList"),
        Map.of("Accept", "application/json;as=Table;v=v1beta1;g=meta.k8s.io, application/json"),
        Map.of("Accept", "application/*"), Map.of("Accept", "*/*;as=Table"), Map.of("Accept", "application/json;charset=latin1"),
        Map.of("Content-Length", "-1"), Map.of("Content-Length", "abc"), Map.of("Content-Length", "99999999999999999999"),
        Map.of("Accept-Encoding", "gzip"), Map.of("Accept-Encoding", "identity;q=0"), Map.of("Authorization", "Bearer \u00ff"),
        Map.of("Authorization", "Negotiate abc"), Map.of("X-Remote-Extra-Scopes", "a", "X-Remote-User", "x"),
        Map.of("Cookie", "session=" + "c".repeat(4000)), Map.of("X-Forwarded-For", "1.2.3.4, 5.6.7.8"));
    for (Map<String, String> h : headers) {
      cases.add(new Case("headers", "GET " + W + " HTTP/1.1", h));
    }
    List<String> encodings = List.of("labelSelector=app%3Dweb", "labelSelector=app%3dweb", "labelSelector=app+%3D+web",
        "labelSelector=app%253Dweb", "labelSelector=%C3%A9", "labelSelector=%ff", "labelSelector=%C0%AF",
        "labelSelector=%E2%80%AE", "labelSelector=app%00=x", "fieldSelector=metadata.name%3Ddeployment.web",
        "fieldSelector=metadata.name%3D%ff", "limit=%31", "limit=%", "limit=%2", "watch=%74rue&timeoutSeconds=1",
        "%77atch=true&timeoutSeconds=1", "labelSelector=%zz", "labelSelector=a%2", "=x", "&&&", "a&b&c",
        "labelSelector", "labelSelector=&labelSelector=app%3Dweb", "%26=%3D", "x=" + "%41".repeat(2000));
    for (String s : encodings) {
      cases.add(new Case("encodings", "GET " + W + "?" + s + " HTTP/1.1", none));
    }
    List<String> versionsOfHttp = List.of("GET /healthz HTTP/1.0", "GET /healthz HTTP/0.9", "GET /healthz HTTP/2.0",
        "GET /healthz HTTP/1.1 extra", "GET  /healthz HTTP/1.1", "GET /healthz", "GET /he althz HTTP/1.1",
        "GET /healthz\tHTTP/1.1", "GET /healthz HTTP/9.9", "GET /healthz http/1.1", "GET /readyz HTTP/1.0",
        "GET " + W + " HTTP/1.0", "GET /healthz HTTP/1.1 ", " GET /healthz HTTP/1.1", "GET\t/healthz HTTP/1.1",
        "GET /healthz HTTP/1.12", "GET /healthz HTTP/01.1", "GET /healthz HTTP/1.1\u0000", "\u0016\u0003\u0001 /x HTTP/1.1",
        "GET /readyz?verbose HTTP/1.0");
    for (String s : versionsOfHttp) {
      cases.add(new Case("request lines", s, none));
    }
    return cases;
  }

  @Test
  void noMalformedRequestGetsA5xxAndEveryRefusalIsAStatus() throws Exception {
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    logged.start();
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.addAppender(logged);
    List<Case> cases = corpus();
    Map<String, Integer> codes = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    int repeats = 2; // the whole corpus twice: repeated bad requests must not grow the log
    try {
      for (int round = 0; round < repeats; round++) {
        for (Case c : cases) {
          Map<String, String> headers = new java.util.LinkedHashMap<>(c.headers());
          headers.putIfAbsent("Authorization", "Bearer " + ReliableServer.ADMIN);
          RawHttps.Response r;
          try {
            r = server.raw().exchange(c.line(), headers);
          } catch (java.io.IOException e) {
            failures.add(c.family() + " " + c.line() + ": no answer (" + e.getMessage() + ")");
            continue;
          }
          codes.merge(r.code() / 100 + "xx", 1, Integer::sum);
          codes.merge(Integer.toString(r.code()), 1, Integer::sum);
          String problem = problem(r);
          if (problem != null) {
            failures.add(c.family() + " " + abbreviate(c.line()) + " -> " + r.code() + ": " + problem);
          }
        }
      }
    } finally {
      root.detachAppender(logged);
    }
    long stackTraces = logged.list.stream().filter(e -> e.getThrowableProxy() != null).count();
    long lines = logged.list.stream().filter(e -> !e.getLoggerName().equals("audit")).count();
    System.out.printf("malformed-request corpus: %d requests (%d distinct x %d), answers %s, 5xx %d,"
        + " non-audit log lines %d, stack traces %d%n", cases.size() * repeats, cases.size(), repeats, codes,
        codes.getOrDefault("5xx", 0), lines, stackTraces);
    assertTrue(failures.isEmpty(), failures.size() + " failures:\n" + String.join("\n", failures));
    assertTrue(cases.size() >= 300, "corpus size " + cases.size());
    assertEquals(0, stackTraces, "no stack trace for a client's mistake");
    // every refusal may log one line, but no more than the budget of client-error lines per second allows
    assertTrue(lines <= cases.size() * repeats, "log lines " + lines);
  }

  /** What is wrong with an answer to a malformed request, or null. */
  static String problem(RawHttps.Response r) {
    if (r.code() >= 500) {
      return "a 5xx: " + abbreviate(r.body());
    }
    if (r.body().contains("\tat ") || r.body().contains("Exception")) {
      return "a stack trace or exception name in the body";
    }
    if (r.code() >= 400 && !"/healthz".equals("")) {
      try {
        JsonNode status = Json.MAPPER.readTree(r.body());
        if (!"Status".equals(status.path("kind").asString()) || status.path("code").asInt() != r.code()) {
          return "not a Status: " + abbreviate(r.body());
        }
      } catch (RuntimeException e) {
        return "not JSON: " + abbreviate(r.body());
      }
    }
    return null;
  }

  static String abbreviate(String s) {
    return s.length() > 160 ? s.substring(0, 160) + "..." : s;
  }

  @Test
  void queryParametersAndPathsAreReadAsKubeApiserverReadsThem() throws Exception {
    Map<String, String> admin = Map.of("Authorization", "Bearer " + ReliableServer.ADMIN);
    RawHttps raw = server.raw();
    // a malformed escape in the query or the path: a 400 Status naming the escape
    RawHttps.Response healthz = raw.exchange("GET /healthz?%zz HTTP/1.1", Map.of());
    assertEquals(400, healthz.code(), healthz.body());
    assertTrue(healthz.body().contains("invalid URL escape \\\"%zz\\\""), healthz.body());
    assertEquals(400, raw.exchange("GET " + SHOP + "/%zz HTTP/1.1", admin).code());
    // watch: anything but absent, 0 and false is a watch (kube-apiserver's parameter codec)
    for (String watch : List.of("watch=maybe", "watch", "watch=", "watch=f", "watch=True")) {
      RawHttps.Response r = raw.exchange("GET " + W + "?" + watch + "&timeoutSeconds=1 HTTP/1.1", admin);
      assertEquals("chunked", r.header("Transfer-Encoding"), watch + ": " + r.headers());
      assertTrue(r.body().startsWith("{\"type\":\"ADDED\""), watch + ": " + r.body());
    }
    for (String list : List.of("watch=0", "watch=false", "watch=FALSE")) {
      RawHttps.Response r = raw.exchange("GET " + W + "?" + list + " HTTP/1.1", admin);
      assertTrue(r.body().contains("\"kind\":\"WorkloadSummaryList\""), list + ": " + r.body());
    }
    // an integer is an int64 in base 10, nothing else
    assertEquals(400, raw.exchange("GET " + W + "?limit= HTTP/1.1", admin).code());
    assertEquals(400, raw.exchange("GET " + W + "?limit=%D9%A3 HTTP/1.1", admin).code());
    assertEquals(200, raw.exchange("GET " + W + "?limit=%2B1 HTTP/1.1", admin).code());
    // timeout (kubectl --request-timeout): a Go duration, or a 400 that says so
    RawHttps.Response badTimeout = raw.exchange("GET " + W + "?timeout=5 HTTP/1.1", admin);
    assertEquals(400, badTimeout.code(), badTimeout.body());
    assertTrue(badTimeout.body().contains(
        "invalid timeout specified in the request URL - time: invalid duration \\\"5\\\""), badTimeout.body());
    for (String timeout : List.of("timeout=0", "timeout=30s", "timeout=1m30s", "timeout=-1s", "timeout=")) {
      assertEquals(200, raw.exchange("GET " + W + "?" + timeout + " HTTP/1.1", admin).code(), timeout);
    }
    // an escaped unreserved character is the character (Go decodes the path); dot segments are refused
    RawHttps.Response escaped = raw.exchange(
        "GET /apis/ai.k8s.io/v1alpha1/namespaces/%73hop/workloadsummaries HTTP/1.1", admin);
    assertEquals(200, escaped.code(), escaped.body());
    assertTrue(escaped.body().contains("deployment.web"), escaped.body());
    for (String dots : List.of("/apis/ai.k8s.io/v1alpha1/namespaces/x/../shop/workloadsummaries",
        "/apis/ai.k8s.io/v1alpha1/namespaces/x/%2e%2E/shop/workloadsummaries", "/apis/./ai.k8s.io")) {
      RawHttps.Response r = raw.exchange("GET " + dots + " HTTP/1.1", admin);
      assertEquals(400, r.code(), dots);
      assertTrue(r.body().contains("not in canonical form"), r.body());
    }
  }
}
