/**
 * MCP: the views as tools for agents, through kube-apiserver, with the caller's own identity.
 *
 * <p>Door: {@link dev.aiapiserver.mcp.McpServers} — the {@code mcpservers} resource (one object,
 * {@code views}) and the routes of its {@code proxy} subresource, where the official MCP SDK's
 * stateless server speaks Streamable HTTP over a small Vert.x transport of ours. Flow of a call:
 * the request filters authenticate the caller and authorize {@code create mcpservers/proxy} with
 * the name; {@code ProxyRoutes} refuses what is not an MCP POST (and holds the body until then);
 * {@code StatelessHttpTransport} parses the JSON-RPC message and hands it to the SDK;
 * {@code ViewTools} asks {@code ViewAccess} for a SubjectAccessReview on the view the tool reads,
 * and only then reads the store ({@code Triage}, {@code SummaryPage}) or, for {@code explain}, the
 * evidence ({@code WorkloadEvidences}). Every result's text is a {@code FencedText}: our sentences,
 * then the cluster's text in one escaped {@code <cluster-data>} block. docs/mcp.md is the user's
 * side of all this.
 */
package dev.aiapiserver.mcp;
