package dev.aiapiserver.http;

import java.util.LinkedHashMap;
import java.util.Map;

/** What /version answers: this server's own build, in the shape of k8s.io/apimachinery version.Info. */
public record ServerVersion(String gitVersion, String gitCommit, String buildDate) {

  Map<String, String> info() {
    String v = gitVersion.startsWith("v") ? gitVersion.substring(1) : gitVersion;
    String[] parts = v.split("[.-]");
    Map<String, String> m = new LinkedHashMap<>();
    m.put("major", parts.length > 0 ? parts[0] : "0");
    m.put("minor", parts.length > 1 ? parts[1] : "0");
    m.put("gitVersion", gitVersion);
    m.put("gitCommit", gitCommit);
    m.put("gitTreeState", "clean");
    m.put("buildDate", buildDate);
    m.put("goVersion", "java" + Runtime.version().feature());
    m.put("compiler", "javac");
    m.put("platform", System.getProperty("os.name").toLowerCase() + "/" + arch());
    return m;
  }

  private static String arch() {
    String a = System.getProperty("os.arch");
    return switch (a) {
      case "x86_64", "amd64" -> "amd64";
      case "aarch64" -> "arm64";
      default -> a;
    };
  }
}
