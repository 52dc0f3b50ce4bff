package dev.aiapiserver.demo;

import io.fabric8.kubernetes.client.VersionInfo;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the CRUD mock does not answer by itself: {@code /version} (its own version expectation is
 * not consulted once a dispatcher is given) and legacy discovery ({@code /api}, {@code /apis} and
 * the group/version resource lists), which it would otherwise answer with a list of every stored
 * object. Everything else goes to the next dispatcher.
 */
final class DiscoveryDispatcher extends Dispatcher {
  private final Dispatcher next;
  private final String version;

  DiscoveryDispatcher(Dispatcher next, VersionInfo version) {
    this.next = next;
    this.version = Serialization.asJson(versionDocument(version));
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    if ("GET".equals(request.getMethod())) {
      Optional<String> answer = answer(pathOf(request));
      if (answer.isPresent()) {
        return new MockResponse().setResponseCode(200)
            .setHeader("Content-Type", "application/json").setBody(answer.get());
      }
    }
    return next.dispatch(request);
  }

  private Optional<String> answer(String path) {
    if (path.equals("/version")) {
      return Optional.of(version);
    }
    if (path.equals("/api")) {
      return Optional.of(Serialization.asJson(NativeApis.coreVersions()));
    }
    if (path.equals("/apis")) {
      return Optional.of(Serialization.asJson(NativeApis.groups(List.of())));
    }
    if (path.equals("/api/v1")) {
      return NativeApis.resources("v1").map(Serialization::asJson);
    }
    String[] parts = path.split("/");
    // "", "apis", group[, version]
    if (parts.length == 3 && parts[1].equals("apis") && NativeApis.servesGroup(parts[2])) {
      return Optional.of(Serialization.asJson(NativeApis.group(parts[2])));
    }
    if (parts.length == 4 && parts[1].equals("apis")) {
      return NativeApis.resources(parts[2] + "/" + parts[3]).map(Serialization::asJson);
    }
    return Optional.empty();
  }

  private static String pathOf(RecordedRequest request) {
    String path = request.getPath() == null ? "" : request.getPath().split("\\?", 2)[0];
    return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  /** /version as kube-apiserver writes it (VersionInfo's own JSON names differ). */
  private static Map<String, String> versionDocument(VersionInfo info) {
    Map<String, String> doc = new LinkedHashMap<>();
    doc.put("major", info.getMajor());
    doc.put("minor", info.getMinor());
    doc.put("gitVersion", info.getGitVersion());
    doc.put("gitCommit", info.getGitCommit());
    doc.put("gitTreeState", info.getGitTreeState());
    doc.put("buildDate", info.getBuildDate() == null ? null
        : info.getBuildDate().toInstant().toString().replace(".000Z", "Z"));
    doc.put("goVersion", info.getGoVersion());
    doc.put("compiler", info.getCompiler());
    doc.put("platform", info.getPlatform());
    return doc;
  }

  @Override
  public void shutdown() {
    next.shutdown();
  }
}
