package dev.aiapiserver.http;

import dev.aiapiserver.request.StatusReplies;

import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * /healthz, /livez and /readyz as k8s.io/apiserver serves them: "ok", or with ?verbose one line per
 * named check ("[+]informer-sync:pods ok"), and /readyz/&lt;check&gt; for one check.
 */
public final class HealthChecks {
  /** A named check: empty when passing, else why not. */
  public record Check(String name, Supplier<Optional<String>> problem) {}

  private final List<Check> liveness;
  private final List<Check> readiness;

  public HealthChecks(List<Check> liveness, List<Check> readiness) {
    this.liveness = liveness;
    this.readiness = readiness;
  }

  void livez(RoutingContext ctx) {
    respond(ctx, "livez", liveness);
  }

  void readyz(RoutingContext ctx) {
    respond(ctx, "readyz", readiness);
  }

  private static void respond(RoutingContext ctx, String endpoint, List<Check> checks) {
    String only = ctx.pathParam("check");
    List<Check> selected = only == null ? checks : checks.stream().filter(c -> c.name().equals(only)).toList();
    if (only != null && selected.isEmpty()) {
      StatusReplies.fail(ctx, 404, "NotFound", "no health check named \"" + only + "\"");
      return;
    }
    boolean verbose = ctx.request().params().contains("verbose");
    StringBuilder out = new StringBuilder();
    boolean ok = true;
    for (Check c : selected) {
      Optional<String> problem = c.problem().get();
      ok &= problem.isEmpty();
      out.append(problem.map(p -> "[-]" + c.name() + " failed: " + p).orElse("[+]" + c.name() + " ok")).append('\n');
    }
    String body = ok
        ? (verbose ? out + endpoint + " check passed\n" : "ok")
        : out + endpoint + " check failed\n";
    ctx.response().setStatusCode(ok ? 200 : 500)
        .putHeader("Content-Type", "text/plain; charset=utf-8")
        .putHeader("X-Content-Type-Options", "nosniff")
        .end(body);
  }

  /** The checks of one kind, e.g. every informer's sync state, as individual named checks. */
  public static List<Check> each(String prefix, Supplier<Map<String, Boolean>> states, String failure) {
    return states.get().keySet().stream()
        .map(name -> new Check(prefix + ":" + name,
            () -> Boolean.TRUE.equals(states.get().get(name)) ? Optional.<String>empty() : Optional.of(failure)))
        .toList();
  }
}
