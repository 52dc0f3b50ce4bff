package dev.aiapiserver.api;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * An MCP (Model Context Protocol) endpoint this server offers, reached through kube-apiserver at
 * its {@code proxy} subresource with the caller's own credentials. Read-only: the server declares
 * its endpoints; nobody creates one.
 */
@JsonClassDescription(
    "MCPServer is an MCP (Model Context Protocol) endpoint this API server offers to agents. Point an MCP"
        + " client at spec.path on the kube-apiserver (https://<kube-apiserver>/apis/ai.k8s.io/v1alpha1/mcpservers/"
        + "<name>/proxy) with your own Kubernetes credentials; every tool call is authorized for you like the view"
        + " it reads. Using it needs 'create' on mcpservers/proxy for this name.")
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"apiVersion", "kind", "metadata", "spec"})
public record MCPServer(
    @JsonPropertyDescription("ai.k8s.io/v1alpha1") String apiVersion,
    @JsonPropertyDescription("MCPServer") String kind,
    @JsonPropertyDescription("Standard object metadata; creationTimestamp is when this server process started.")
        ObjectMeta metadata,
    @JsonPropertyDescription("What the endpoint offers and how to reach it.") Spec spec)
    implements ApiObject {

  public static final String API_VERSION = "ai.k8s.io/v1alpha1";
  public static final String KIND = "MCPServer";

  @Override
  public MCPServer withMetadata(ObjectMeta m) {
    return new MCPServer(apiVersion, kind, m, spec);
  }

  /** What an MCP endpoint offers and how to reach it. */
  @JsonClassDescription("What an MCP endpoint offers and how to reach it.")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"description", "path", "transport", "protocolVersions", "tools"})
  public record Spec(
      @JsonPropertyDescription("What the endpoint is for, in one sentence.") String description,
      @JsonPropertyDescription("The URL path of the endpoint on the kube-apiserver, e.g."
          + " /apis/ai.k8s.io/v1alpha1/mcpservers/views/proxy.") String path,
      @JsonPropertyDescription("The MCP transport: 'streamable-http (stateless)': POST one JSON-RPC message,"
          + " get one JSON (or SSE) answer; no session, GET and DELETE answer 405.") String transport,
      @JsonPropertyDescription("MCP protocol versions the endpoint speaks, newest first.")
          List<String> protocolVersions,
      @JsonPropertyDescription("The tools the endpoint offers; all read-only.") List<Tool> tools) {}

  /** One tool of an MCP endpoint. */
  @JsonClassDescription("A tool of an MCP endpoint.")
  @JsonPropertyOrder({"name", "description"})
  public record Tool(
      @JsonPropertyDescription("The tool name, as tools/call takes it, e.g. triage.") String name,
      @JsonPropertyDescription("What the tool does, as tools/list describes it to a model.") String description) {}
}
