package dev.aiapiserver.mcp;

import static dev.aiapiserver.mcp.ViewAccess.asking;

import dev.aiapiserver.api.ClusterContext;
import dev.aiapiserver.api.WorkloadSummary;
import dev.aiapiserver.auth.UserInfo;
import dev.aiapiserver.http.LabelSelector;
import dev.aiapiserver.resources.AiResources;
import dev.aiapiserver.store.StoredView;
import dev.aiapiserver.store.ViewStore;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.AsyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The four tools of the {@code views} MCP server over the served views. Each call reads its
 * arguments, asks {@link ViewAccess} whether the caller may read the view it needs (like the REST
 * request that reads it), and only then reads the store. Nothing here blocks: the review is
 * asynchronous and the stores are in memory.
 */
final class ViewTools {
  /** Where the transport puts the authenticated caller in the MCP transport context. */
  static final String CALLER = "dev.aiapiserver.mcp.caller";

  private static final Logger LOG = LoggerFactory.getLogger(ViewTools.class);
  private static final String SUMMARIES = AiResources.WORKLOAD_SUMMARIES.plural();
  private static final String CONTEXTS = AiResources.CLUSTER_CONTEXTS.plural();
  private static final String NAMESPACE_SUMMARIES = AiResources.NAMESPACE_SUMMARIES.plural();

  private interface Call {
    Mono<CallToolResult> handle(UserInfo user, ToolArguments args);
  }

  private final ViewAccess access;
  private final ViewStore summaries;
  private final ViewStore contexts;
  private final ViewStore namespaceSummaries;

  /** @param namespaceSummaries the NamespaceSummary store triage reads, or null */
  ViewTools(ViewAccess access, ViewStore summaries, ViewStore contexts, ViewStore namespaceSummaries) {
    this.access = access;
    this.summaries = summaries;
    this.contexts = contexts;
    this.namespaceSummaries = namespaceSummaries;
  }

  List<AsyncToolSpecification> specifications(McpJsonMapper json) {
    return List.of(spec(ToolCatalog.triage(json), this::triage),
        spec(ToolCatalog.clusterContext(json), this::clusterContext),
        spec(ToolCatalog.list(json), this::list),
        spec(ToolCatalog.get(json), this::get));
  }

  private Mono<CallToolResult> triage(UserInfo user, ToolArguments args) {
    String ns = args.namespace(false);
    int limit = args.limit(ToolCatalog.TRIAGE_DEFAULT_LIMIT, ToolCatalog.TRIAGE_MAX_LIMIT);
    // a namespace's triage also shows its NamespaceSummary, if the caller may get it
    Mono<Boolean> mayReadNamespace = ns.isEmpty() || namespaceSummaries == null ? Mono.just(false)
        : access.allows(user, asking("get", NAMESPACE_SUMMARIES, ns, ns));
    return mayReadNamespace.flatMap(may -> access.authorized(user, asking("list", SUMMARIES, ns, ""),
        () -> Triage.of(summaries.current().range(ns, null), ns, limit,
            may ? namespaceSummaries.current().get(ViewStore.key(ns, ns)) : null)));
  }

  private Mono<CallToolResult> clusterContext(UserInfo user, ToolArguments args) {
    return access.authorized(user, asking("get", CONTEXTS, "", ClusterContext.NAME), () -> {
      StoredView v = contexts.current().get(ClusterContext.NAME);
      if (v == null) {
        return ToolResults.error("the cluster context is not built yet (the server is still reading the cluster);"
            + " try again in a few seconds");
      }
      return ToolResults.ok(ToolResults.json(v), ClusterGlance.of((ClusterContext) v.object()));
    });
  }

  private Mono<CallToolResult> list(UserInfo user, ToolArguments args) {
    String ns = args.namespace(false);
    String after = args.text("continue");
    SummaryPage.checkContinue(ns, after);
    SummaryPage.Query query = new SummaryPage.Query(ns, args.verdict(), labels(args.text("labelSelector")),
        args.limit(ToolCatalog.LIST_DEFAULT_LIMIT, ToolCatalog.LIST_MAX_LIMIT), after);
    return access.authorized(user, asking("list", SUMMARIES, ns, ""),
        () -> SummaryPage.of(summaries.current(), query));
  }

  private Mono<CallToolResult> get(UserInfo user, ToolArguments args) {
    String ns = args.namespace(true);
    String name = args.summaryName();
    return access.authorized(user, asking("get", SUMMARIES, ns, name), () -> {
      StoredView v = summaries.current().get(ViewStore.key(ns, name));
      if (v == null) {
        // Only what the caller asked about: suggesting other names could show what they may not list.
        return ToolResults.error(SUMMARIES + ".ai.k8s.io \"" + name + "\" not found in namespace \"" + ns + "\"."
            + " Names are <lower-case kind>.<workload name>; list_workload_summaries shows the names in a namespace.");
      }
      return ToolResults.ok(ToolResults.json(v), SummaryLines.headline((WorkloadSummary) v.object()));
    });
  }

  private static LabelSelector labels(String text) {
    try {
      return LabelSelector.parse(text);
    } catch (IllegalArgumentException e) {
      throw new ToolArguments.Invalid("labelSelector: " + e.getMessage());
    }
  }

  private static AsyncToolSpecification spec(Tool tool, Call call) {
    return new AsyncToolSpecification(tool, (context, request) -> {
      UserInfo user = caller(context);
      ToolArguments args = new ToolArguments(request.arguments());
      long started = System.nanoTime();
      Mono<CallToolResult> result;
      try {
        result = call.handle(user, args);
      } catch (ToolArguments.Invalid e) {
        result = Mono.just(ToolResults.error(e.getMessage()));
      }
      return result.doOnNext(r -> LOG.info("event=mcp_tool_call tool={} user=\"{}\" namespace=\"{}\" error={}"
          + " duration_ms={}", tool.name(), LogText.clean(user.name()), LogText.clean(namespaceOf(request.arguments())),
          Boolean.TRUE.equals(r.isError()), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)));
    });
  }

  // The transport always sets the caller; without one the call is anonymous and RBAC decides.
  private static UserInfo caller(McpTransportContext context) {
    Object user = context == null ? null : context.get(CALLER);
    return user instanceof UserInfo u ? u : UserInfo.ANONYMOUS;
  }

  private static String namespaceOf(java.util.Map<String, Object> arguments) {
    Object ns = arguments == null ? null : arguments.get("namespace");
    return ns == null ? "" : String.valueOf(ns);
  }
}
