package dev.aiapiserver.mcp;

import static dev.aiapiserver.mcp.ViewAccess.asking;

import dev.aiapiserver.api.ClusterContext;
import dev.aiapiserver.api.WorkloadSummary;
import dev.aiapiserver.auth.RequestAttributes;
import dev.aiapiserver.auth.UserInfo;
import dev.aiapiserver.evidence.EvidenceRoutes;
import dev.aiapiserver.evidence.WorkloadEvidences;
import dev.aiapiserver.http.LabelSelector;
import dev.aiapiserver.resources.AiResources;
import dev.aiapiserver.store.StoredView;
import dev.aiapiserver.store.ViewStore;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.AsyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The five tools of the {@code views} MCP server over the served views. Each call reads its
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

  private interface Call {
    Mono<CallToolResult> handle(UserInfo user, ToolArguments args);
  }

  /** Most namespaces triage checks one by one for a caller who may not list at the cluster scope. */
  static final int MAX_NAMESPACES_CHECKED = 256;

  private final ViewAccess access;
  private final ViewStore summaries;
  private final ViewStore contexts;
  private final WorkloadEvidences evidences;

  ViewTools(ViewAccess access, ViewStore summaries, ViewStore contexts, WorkloadEvidences evidences) {
    this.access = access;
    this.summaries = summaries;
    this.contexts = contexts;
    this.evidences = evidences;
  }

  List<AsyncToolSpecification> specifications(McpJsonMapper json) {
    return List.of(spec(ToolCatalog.triage(json), this::triage),
        spec(ToolCatalog.clusterContext(json), this::clusterContext),
        spec(ToolCatalog.list(json), this::list),
        spec(ToolCatalog.get(json), this::get),
        spec(ToolCatalog.explain(json), this::explain));
  }

  private Mono<CallToolResult> triage(UserInfo user, ToolArguments args) {
    String ns = args.namespace(false);
    int limit = args.limit(ToolCatalog.TRIAGE_DEFAULT_LIMIT, ToolCatalog.TRIAGE_MAX_LIMIT);
    if (!ns.isEmpty()) {
      return access.authorized(user, asking("list", SUMMARIES, ns, ""),
          () -> Triage.of(summaries.current().range(ns, null), ns, limit));
    }
    // The whole cluster if the caller may list at the cluster scope; else every namespace they may read.
    return access.allows(user, asking("list", SUMMARIES, "", "")).flatMap(clusterWide -> clusterWide
        ? Mono.just(Triage.of(summaries.current().range("", null), "", limit))
        : readableNamespaces(user).flatMap(readable -> readable.isEmpty()
            ? Mono.just(ToolResults.error(dev.aiapiserver.auth.Forbidden.status(user, asking("list", SUMMARIES, "", ""),
                "").message() + ", nor in any namespace that has workloads"))
            : Mono.just(Triage.of(readable.stream().flatMap(n -> summaries.current().range(n, null).stream()).toList(),
                "", readable, limit))));
  }

  /** The namespaces with summaries in which the caller may list them, in name order (each review cached). */
  private Mono<List<String>> readableNamespaces(UserInfo user) {
    java.util.SortedSet<String> namespaces = new java.util.TreeSet<>();
    for (StoredView v : summaries.current().range("", null)) {
      namespaces.add(v.metadata().namespace());
    }
    return reactor.core.publisher.Flux.fromIterable(namespaces).take(MAX_NAMESPACES_CHECKED)
        .flatMapSequential(n -> access.allows(user, asking("list", SUMMARIES, n, "")).map(ok -> ok ? n : ""), 16)
        .filter(n -> !n.isEmpty()).collectList();
  }

  private Mono<CallToolResult> explain(UserInfo user, ToolArguments args) {
    String ns = args.namespace(true);
    String name = args.summaryName();
    return access.authorizedThen(user, asking("get", SUMMARIES, ns, name), () -> {
      StoredView v = summaries.current().get(ViewStore.key(ns, name));
      if (v == null) {
        return Mono.just(notFound(ns, name));
      }
      WorkloadSummary summary = (WorkloadSummary) v.object();
      RequestAttributes evidence = asking("get", SUMMARIES, EvidenceRoutes.SUBRESOURCE, ns, name);
      return access.allows(user, evidence).flatMap(allowed -> {
        if (!allowed) {
          String withheld = "requires get on " + SUMMARIES + "/" + EvidenceRoutes.SUBRESOURCE + " in namespace " + ns;
          Map<String, Object> out = new LinkedHashMap<>();
          out.put("summary", ToolResults.json(v));
          out.put("evidenceWithheld", withheld);
          return Mono.just(ToolResults.ok(out, EvidenceLines.of(summary, null, withheld)));
        }
        return Mono.fromFuture(() -> evidences.of(user, ns, name)).map(found -> {
          Map<String, Object> out = new LinkedHashMap<>();
          out.put("summary", ToolResults.json(v));
          found.ifPresent(e -> out.put("evidence", ToolResults.json(e)));
          return ToolResults.ok(out, EvidenceLines.of(summary, found.orElse(null), "the workload is gone"));
        });
      });
    });
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
        return notFound(ns, name);
      }
      WorkloadSummary summary = (WorkloadSummary) v.object();
      FencedText text = new FencedText().line(SummaryLines.headline(summary));
      SummaryLines.details(text, summary);
      return ToolResults.ok(ToolResults.json(v), text.line("The complete summary is in the structured result; explain"
          + " adds the logs, rollout history and full events.").render());
    });
  }

  // Only what the caller asked about: suggesting other names could show what they may not list.
  private static CallToolResult notFound(String ns, String name) {
    return ToolResults.error(SUMMARIES + ".ai.k8s.io \"" + name + "\" not found in namespace \"" + ns + "\"."
        + " Names are <lower-case kind>.<workload name>; list_workload_summaries shows the names in a namespace.");
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
