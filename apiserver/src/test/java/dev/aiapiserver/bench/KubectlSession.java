package dev.aiapiserver.bench;

import dev.aiapiserver.e2e.Kubectl;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real kubectl run as an agent runs it, at -v=6 so that kubectl itself lists the requests it
 * sent; the agent's view is the output and kubectl's own messages, without those log lines.
 */
final class KubectlSession {
  /** What the agent saw, and the non-discovery requests kubectl sent for it. */
  record Output(String text, List<String> requests) {}

  private static final Pattern KLOG = Pattern.compile("^[IWEF]\\d{4} \\d\\d:\\d\\d:\\d\\d\\.\\d+\\s+\\d+ \\S+:\\d+\\] .*");
  private static final Pattern RESPONSE = Pattern.compile("\"Response\" verb=\"(\\w+)\" url=\"([^\"]+)\"");
  private final Kubectl kubectl;

  KubectlSession(Kubectl kubectl) {
    this.kubectl = kubectl;
  }

  Output run(String... args) throws Exception {
    List<String> withLog = new ArrayList<>(List.of(args));
    withLog.add("-v=6");
    Kubectl.Result r = kubectl.run(withLog.toArray(String[]::new));
    if (r.exitCode() != 0) {
      throw new IllegalStateException("kubectl " + String.join(" ", args) + " failed: " + r.stderr());
    }
    List<String> requests = new ArrayList<>();
    StringBuilder messages = new StringBuilder();
    for (String line : r.stderr().lines().toList()) {
      Matcher m = RESPONSE.matcher(line);
      if (m.find()) {
        String path = m.group(2).replaceFirst("^https?://[^/]+", "");
        if (!new MockFront.Seen("kubectl", m.group(1), path).discovery()) {
          requests.add(m.group(1) + " " + path);
        }
      } else if (!KLOG.matcher(line).matches()) {
        messages.append(line).append('\n');
      }
    }
    return new Output(r.stdout() + messages, requests);
  }
}
