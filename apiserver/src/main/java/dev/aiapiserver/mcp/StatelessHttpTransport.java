package dev.aiapiserver.mcp;

import dev.aiapiserver.auth.UserInfo;
import dev.aiapiserver.http.Json;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpStatelessServerHandler;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse.JSONRPCError;
import io.modelcontextprotocol.spec.McpStatelessServerTransport;
import io.modelcontextprotocol.spec.ProtocolVersions;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The SDK's stateless server transport (MCP Streamable HTTP without sessions) on Vert.x: one POSTed
 * JSON-RPC message in, one answer out — a JSON-RPC response as application/json (or as a single
 * server-sent event when the client accepts only text/event-stream), 202 for a notification.
 * What is not a well-formed message is answered here with a JSON-RPC error and never reaches the
 * SDK. The SDK's handler is reactive; this subscribes and writes the answer on the request's own
 * event loop, so nothing blocks. HTTP-level checks (method, size, media types) are in
 * {@link ProxyRoutes}.
 */
final class StatelessHttpTransport implements McpStatelessServerTransport {
  /** Oldest first: the SDK answers an unknown requested version with the last one. */
  static final List<String> PROTOCOL_VERSIONS = List.of(ProtocolVersions.MCP_2024_11_05,
      ProtocolVersions.MCP_2025_03_26, ProtocolVersions.MCP_2025_06_18, ProtocolVersions.MCP_2025_11_25);

  private static final Logger LOG = LoggerFactory.getLogger(StatelessHttpTransport.class);

  private final McpJsonMapper json;
  private volatile McpStatelessServerHandler handler;
  private volatile boolean closing;

  StatelessHttpTransport(McpJsonMapper json) {
    this.json = json;
  }

  @Override
  public void setMcpHandler(McpStatelessServerHandler handler) {
    this.handler = handler;
  }

  @Override
  public Mono<Void> closeGracefully() {
    return Mono.fromRunnable(() -> closing = true);
  }

  @Override
  public List<String> protocolVersions() {
    return PROTOCOL_VERSIONS;
  }

  boolean accepting() {
    return handler != null && !closing;
  }

  /** Answers the message in the request body (read already), as the given caller. */
  void post(RoutingContext ctx, UserInfo caller, Framing framing) {
    String body = ctx.body().asString();
    JsonNode tree;
    try {
      tree = body == null || body.isBlank() ? null : Json.MAPPER.readTree(body);
    } catch (JacksonException e) {
      framing.write(ctx, 400, JsonRpcErrors.parseError("the body is not valid JSON"));
      return;
    }
    if (tree == null || !tree.isObject()) {
      framing.write(ctx, 400, tree == null ? JsonRpcErrors.parseError("the body is empty")
          : JsonRpcErrors.invalidRequest(null, "expected one JSON-RPC message object (batches are not supported)"));
      return;
    }
    JsonNode id = tree.get("id");
    JsonNode validId = id != null && (id.isString() || id.isIntegralNumber()) ? id : null;
    JsonNode version = tree.get("jsonrpc");
    if (version == null || !version.isString() || !"2.0".equals(version.asString())
        || (id != null && validId == null)) {
      framing.write(ctx, 400, JsonRpcErrors.invalidRequest(validId,
          "a JSON-RPC 2.0 message needs \"jsonrpc\": \"2.0\" and, for a request, a string or integer id"));
      return;
    }
    McpSchema.JSONRPCMessage message;
    try {
      message = McpSchema.deserializeJsonRpcMessage(json, body);
    } catch (IOException | RuntimeException e) {
      framing.write(ctx, 400, JsonRpcErrors.invalidRequest(validId, "not a JSON-RPC request or notification"));
      return;
    }
    McpTransportContext transport = McpTransportContext.create(Map.of(ViewTools.CALLER, caller));
    if (message instanceof McpSchema.JSONRPCRequest request) {
      String problem = ParamsCheck.problem(request.method(), tree.get("params"));
      if (problem != null) {
        framing.write(ctx, 200, JsonRpcErrors.invalidParams(validId, problem));
        return;
      }
      answer(ctx, framing, transport, request);
    } else if (message instanceof McpSchema.JSONRPCNotification notification) {
      notify(ctx, transport, notification);
    } else {
      // A response: the stateless server never asks the client anything, so there is nothing to answer.
      framing.write(ctx, 400, JsonRpcErrors.invalidRequest(validId, "the server accepts requests and"
          + " notifications only"));
    }
  }

  private void answer(RoutingContext ctx, Framing framing, McpTransportContext transport,
      McpSchema.JSONRPCRequest request) {
    Context eventLoop = Vertx.currentContext();
    Disposable.Swap running = Disposables.swap();
    // A client that goes away cancels its call (e.g. a review still waiting).
    // (an end handler, not the response's close handler, which Vert.x Web needs for its own)
    ctx.addEndHandler(done -> running.dispose());
    running.update(Mono.defer(() -> handler.handleRequest(transport, request))
        .contextWrite(c -> c.put(McpTransportContext.KEY, transport))
        .onErrorResume(e -> Mono.just(failed(request, e)))
        .subscribe(response -> onContext(eventLoop, () -> framing.write(ctx, 200, bytes(response))),
            e -> LOG.error("event=mcp_answer_failed method=\"{}\"", LogText.clean(request.method()), e)));
  }

  private void notify(RoutingContext ctx, McpTransportContext transport, McpSchema.JSONRPCNotification n) {
    Context eventLoop = Vertx.currentContext();
    Mono.defer(() -> handler.handleNotification(transport, n))
        .contextWrite(c -> c.put(McpTransportContext.KEY, transport))
        .onErrorResume(e -> {
          LOG.warn("event=mcp_notification_failed method=\"{}\" error=\"{}\"", LogText.clean(n.method()),
              LogText.clean(e.toString()));
          return Mono.empty();
        })
        .doFinally(signal -> onContext(eventLoop, () -> ctx.response().setStatusCode(202).end()))
        .subscribe();
  }

  private static McpSchema.JSONRPCResponse failed(McpSchema.JSONRPCRequest request, Throwable e) {
    JSONRPCError error;
    if (e instanceof McpError mcp && mcp.getJsonRpcError() != null) {
      error = mcp.getJsonRpcError();
    } else if (e instanceof IllegalArgumentException || e instanceof JacksonException) {
      error = new JSONRPCError(McpSchema.ErrorCodes.INVALID_PARAMS, "Invalid params: " + e.getMessage(), null);
    } else {
      LOG.error("event=mcp_request_failed method=\"{}\"", LogText.clean(request.method()), e);
      error = new JSONRPCError(McpSchema.ErrorCodes.INTERNAL_ERROR, "Internal error", null);
    }
    return new McpSchema.JSONRPCResponse(McpSchema.JSONRPC_VERSION, request.id(), null, error);
  }

  private byte[] bytes(McpSchema.JSONRPCResponse response) {
    try {
      return json.writeValueAsBytes(response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void onContext(Context context, Runnable write) {
    if (context == null || Vertx.currentContext() == context) {
      write.run();
    } else {
      context.runOnContext(v -> write.run());
    }
  }
}
