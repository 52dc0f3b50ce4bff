package dev.aiapiserver.http;

import dev.aiapiserver.auth.RequestAttributes;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Resolves what a request asks for, with the rules of k8s.io/apiserver's RequestInfoFactory, and
 * puts the {@link RequestAttributes} into the context for authorization and the handlers.
 */
public final class RequestInfo implements Handler<RoutingContext> {

  public static final String KEY = RequestAttributes.class.getName();

  public static RequestAttributes of(RoutingContext ctx) {
    return ctx.get(KEY);
  }

  @Override
  public void handle(RoutingContext ctx) {
    String watch = ctx.request().getParam("watch");
    // The normalized path is the one the router dispatches on: authorizing any other spelling of
    // it (e.g. with %2e%2e segments) would review one path and serve another.
    ctx.put(KEY, resolve(ctx.request().method().name(), ctx.normalizedPath(), watch));
    ctx.next();
  }

  static RequestAttributes resolve(String method, String path, String watchParam) {
    String p = path == null ? "/" : path;
    String verb = method.toLowerCase(Locale.ROOT);
    List<String> parts = split(p);
    boolean apis = !parts.isEmpty() && parts.get(0).equals("apis");
    boolean core = !parts.isEmpty() && parts.get(0).equals("api");
    // /apis/<group>/<version>/<resource>... or /api/<version>/<resource>...
    int minParts = apis ? 4 : 3;
    if (!(apis || core) || parts.size() < minParts) {
      return RequestAttributes.nonResource(p, verb);
    }
    String group = apis ? parts.get(1) : "";
    String version = apis ? parts.get(2) : parts.get(1);
    List<String> rest = new ArrayList<>(parts.subList(apis ? 3 : 2, parts.size()));
    boolean watchPath = false;
    if (rest.get(0).equals("watch")) {
      watchPath = true;
      rest.remove(0);
      if (rest.isEmpty()) {
        return RequestAttributes.nonResource(p, verb);
      }
    }
    String namespace = "";
    if (rest.get(0).equals("namespaces") && rest.size() > 1) {
      namespace = rest.get(1);
      if (rest.size() > 2) {
        rest = rest.subList(2, rest.size());
      }
    }
    String resource = rest.get(0);
    String name = rest.size() > 1 ? rest.get(1) : "";
    String subresource = rest.size() > 2 ? rest.get(2) : "";
    String k8sVerb = switch (method) {
      case "POST" -> "create";
      case "GET", "HEAD" -> name.isEmpty() ? "list" : "get";
      case "PUT" -> "update";
      case "PATCH" -> "patch";
      case "DELETE" -> name.isEmpty() ? "deletecollection" : "delete";
      default -> verb;
    };
    boolean watchParamOn = "true".equalsIgnoreCase(watchParam) || "1".equals(watchParam);
    if (watchPath || (("list".equals(k8sVerb) || "get".equals(k8sVerb)) && watchParamOn && subresource.isEmpty())) {
      k8sVerb = "watch";
    }
    return new RequestAttributes(true, k8sVerb, group, version, resource, subresource, namespace, name, p);
  }

  private static List<String> split(String path) {
    List<String> out = new ArrayList<>();
    for (String s : path.split("/")) {
      if (!s.isEmpty()) {
        out.add(s);
      }
    }
    return out;
  }
}
