package dev.aiapiserver.mcp;

import dev.aiapiserver.api.Status;
import dev.aiapiserver.auth.AuthenticationChain;
import dev.aiapiserver.request.StatusReplies;
import dev.aiapiserver.resources.AiResources;
import dev.aiapiserver.resources.ResourceType;
import io.modelcontextprotocol.spec.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.Locale;
import java.util.Map;

/**
 * The routes of {@code /apis/ai.k8s.io/v1alpha1/mcpservers/{name}/proxy}, behind the same
 * authentication and authorization as every request (so {@code create mcpservers/proxy} with the
 * name is checked before any of this runs): POST carries one MCP message; GET and DELETE answer
 * 405 as stateless Streamable HTTP prescribes (no stream to open, no session to end); anything
 * else is 405 too. Requests from web pages (an Origin header) are refused: the caller's cluster
 * credentials must not be usable from a browser tab. Host is not checked: behind kube-apiserver it
 * is this server's own address.
 */
final class ProxyRoutes {
  static final String PATH = "/apis/" + ResourceType.GROUP_VERSION + "/"
      + AiResources.MCP_SERVERS.plural() + "/:name/proxy";
  private static final String FRAMING = ProxyRoutes.class.getName() + ".framing";
  /** Before the security filters, which the router installs with the default order 0. */
  private static final int BEFORE_FILTERS = -1;

  private final Map<String, StatelessHttpTransport> endpoints;
  private final long maxBodyBytes;

  ProxyRoutes(Map<String, StatelessHttpTransport> endpoints, long maxBodyBytes) {
    this.endpoints = Map.copyOf(endpoints);
    this.maxBodyBytes = maxBodyBytes;
  }

  void mount(Router router) {
    // Authentication and authorization finish asynchronously, and Vert.x Web does not hold the
    // request meanwhile: a body arriving during a review would be dropped. Hold it from the very
    // start; the BodyHandler below resumes it once the caller is allowed. A refusal (by any
    // handler, filters included) lets the held body flow and be discarded, so the connection
    // stays usable.
    router.post(PATH).order(BEFORE_FILTERS).handler(ctx -> {
      ctx.request().pause();
      ctx.addHeadersEndHandler(v -> {
        if (!ctx.request().isEnded()) {
          ctx.request().resume();
        }
      });
      ctx.next();
    });
    router.post(PATH).handler(this::refuseWebPages).handler(this::knownEndpoint).handler(this::mediaTypes);
    // Vert.x Web wants a body handler on a route of its own when other handlers come first.
    router.post(PATH).handler(BodyHandler.create(false).setBodyLimit(maxBodyBytes));
    router.post(PATH)
        .handler(ctx -> endpoint(ctx).post(ctx, AuthenticationChain.userOf(ctx), ctx.get(FRAMING)))
        .failureHandler(this::tooLarge);
    router.get(PATH).handler(this::refuseWebPages).handler(this::knownEndpoint)
        .handler(ctx -> notAllowed(ctx, "GET opens no event stream: this MCP server is stateless (Streamable HTTP"
            + " without sessions); POST each message"));
    router.delete(PATH).handler(this::refuseWebPages).handler(this::knownEndpoint)
        .handler(ctx -> notAllowed(ctx, "DELETE ends no session: this MCP server is stateless (Streamable HTTP"
            + " without sessions)"));
    router.route(PATH).handler(ctx -> notAllowed(ctx, "the MCP endpoint takes POST"));
  }

  private void refuseWebPages(RoutingContext ctx) {
    String origin = ctx.request().getHeader("Origin");
    if (origin != null) {
      refuse(ctx, Status.failure(403, "Forbidden", "MCP requests from web pages are refused (the request carries an"
          + " Origin header): use an MCP client, not a browser", null));
      return;
    }
    ctx.next();
  }

  private void knownEndpoint(RoutingContext ctx) {
    String name = ctx.pathParam("name");
    StatelessHttpTransport endpoint = endpoints.get(name);
    if (endpoint == null) {
      refuse(ctx, Status.failure(404, "NotFound", AiResources.MCP_SERVERS.plural() + "." + ResourceType.GROUP
          + " \"" + name + "\" not found", new Status.Details(name, ResourceType.GROUP,
          AiResources.MCP_SERVERS.plural(), null)));
      return;
    }
    if (!endpoint.accepting()) {
      ctx.response().putHeader("Retry-After", "1");
      refuse(ctx, Status.failure(503, "ServiceUnavailable", "the MCP server is shutting down", null));
      return;
    }
    ctx.next();
  }

  private void mediaTypes(RoutingContext ctx) {
    String contentType = ctx.request().getHeader("Content-Type");
    if (contentType == null || !contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT)
        .equals("application/json")) {
      refuse(ctx, Status.failure(415, "UnsupportedMediaType", "an MCP message is JSON: send Content-Type:"
          + " application/json", null));
      return;
    }
    Framing framing =
        Framing.negotiate(ctx.request().getHeader("Accept"));
    if (framing == null) {
      refuse(ctx, Status.failure(406, "NotAcceptable", "the MCP endpoint answers application/json or"
          + " text/event-stream; accept one of them", null));
      return;
    }
    String version = ctx.request().getHeader(HttpHeaders.PROTOCOL_VERSION);
    if (version != null && !StatelessHttpTransport.PROTOCOL_VERSIONS.contains(version.trim())) {
      framing.write(ctx, 400, JsonRpcErrors.invalidRequest(null, "unsupported " + HttpHeaders.PROTOCOL_VERSION
          + " \"" + version + "\"; this server speaks " + String.join(", ", StatelessHttpTransport.PROTOCOL_VERSIONS)));
      return;
    }
    ctx.put(FRAMING, framing);
    ctx.next();
  }

  private void tooLarge(RoutingContext ctx) {
    if (ctx.statusCode() == 413) {
      refuse(ctx, Status.failure(413, "RequestEntityTooLarge", "the request body is larger than the limit of "
          + maxBodyBytes + " bytes (--max-request-body-bytes)", null));
      return;
    }
    ctx.next();
  }

  private StatelessHttpTransport endpoint(RoutingContext ctx) {
    return endpoints.get(ctx.pathParam("name"));
  }

  private static void notAllowed(RoutingContext ctx, String message) {
    ctx.response().putHeader("Allow", HttpMethod.POST.name());
    refuse(ctx, Status.failure(405, "MethodNotAllowed", message, null));
  }

  private static void refuse(RoutingContext ctx, Status status) {
    StatusReplies.fail(ctx, status);
  }
}
