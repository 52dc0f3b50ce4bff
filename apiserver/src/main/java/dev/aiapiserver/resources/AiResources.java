package dev.aiapiserver.resources;

import dev.aiapiserver.api.ApiObject;
import dev.aiapiserver.api.ClusterContext;
import dev.aiapiserver.api.MCPServer;
import dev.aiapiserver.api.NamespaceSummary;
import dev.aiapiserver.api.WorkloadSummary;
import dev.aiapiserver.resources.ResourceType.Column;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The resources of ai.k8s.io/v1alpha1: names, columns and selectable fields. */
public final class AiResources {
  private AiResources() {}

  private static final List<String> READ_VERBS = List.of("get", "list", "watch");

  public static final ResourceType WORKLOAD_SUMMARIES = new ResourceType(
      "workloadsummaries", "workloadsummary", WorkloadSummary.KIND, true,
      List.of("wls"), List.of("ai"), READ_VERBS, WorkloadSummary.class,
      List.of(
          new Column("Name", "string", "name", "Name of the summary: <kind>.<workload>.", 0),
          new Column("Kind", "string", "", "Kind of the workload.", 0),
          new Column("Ready", "string", "", "Ready replicas / desired replicas; for a Job succeeded / completions;"
              + " for a CronJob its active runs.", 0),
          new Column("Verdict", "string", "", "Healthy, Progressing, Degraded, Failing, Suspended, Completed or Unknown.", 0),
          new Column("Reason", "string", "", "The most severe reason.", 0),
          new Column("Restarts", "integer", "", "Container restarts over all pods.", 0),
          new Column("Age", "string", "", "Age of the workload.", 0),
          new Column("Images", "string", "", "Container images of the template.", 1),
          new Column("Message", "string", "", "One sentence naming the worst pod and the evidence.", 1)),
      o -> workloadCells((WorkloadSummary) o),
      Map.of(
          "health.verdict", o -> verdict((WorkloadSummary) o),
          "workload.kind", o -> kind((WorkloadSummary) o)));

  public static final ResourceType CLUSTER_CONTEXTS = new ResourceType(
      "clustercontexts", "clustercontext", ClusterContext.KIND, false,
      List.of("cctx"), List.of("ai"), READ_VERBS, ClusterContext.class,
      List.of(
          new Column("Name", "string", "name", "Always 'current'.", 0),
          new Column("Version", "string", "", "Kubernetes version.", 0),
          new Column("Nodes", "string", "", "Ready nodes / total nodes.", 0),
          new Column("Workloads", "integer", "", "Number of workloads.", 0),
          new Column("Attention", "integer", "", "Workloads that are not Healthy, Completed or Suspended.", 0),
          new Column("Age", "string", "", "Age of the view.", 0)),
      o -> clusterCells((ClusterContext) o),
      Map.of());

  public static final ResourceType NAMESPACE_SUMMARIES = new ResourceType(
      "namespacesummaries", "namespacesummary", NamespaceSummary.KIND, true,
      List.of("nss"), List.of("ai"), READ_VERBS, NamespaceSummary.class,
      List.of(
          new Column("Name", "string", "name", "Name of the summary: the namespace's name.", 0),
          new Column("Workloads", "integer", "", "Number of workloads in the namespace.", 0),
          new Column("Attention", "integer", "", "Workloads that are not Healthy, Completed or Suspended.", 0),
          new Column("Worst", "string", "", "The workload most in need of attention, as its summary's name.", 0),
          new Column("Reason", "string", "", "That workload's first reason.", 0),
          new Column("Problems", "integer", "", "Services, Ingresses, PersistentVolumeClaims and quota resources"
              + " with a problem.", 0),
          new Column("Warnings", "integer", "", "Distinct Warning events not tied to a workload.", 0),
          new Column("Age", "string", "", "Age of the namespace.", 0),
          new Column("Verdicts", "string", "", "Workload count per verdict.", 1),
          new Column("Message", "string", "", "The worst workload's message.", 1)),
      o -> namespaceCells((NamespaceSummary) o),
      Map.of());

  public static final ResourceType MCP_SERVERS = new ResourceType(
      "mcpservers", "mcpserver", MCPServer.KIND, false,
      List.of("mcp"), List.of("ai"), READ_VERBS, MCPServer.class,
      List.of(
          new Column("Name", "string", "name", "Name of the MCP endpoint.", 0),
          new Column("Tools", "integer", "", "Number of tools it offers.", 0),
          new Column("Protocols", "string", "", "MCP protocol versions it speaks, newest first.", 0),
          new Column("Path", "string", "", "Where an MCP client connects, on the kube-apiserver.", 0),
          new Column("Age", "string", "", "Time since this server process started.", 0),
          new Column("Tool Names", "string", "", "Names of the tools.", 1)),
      o -> mcpCells((MCPServer) o),
      Map.of());

  public static List<ResourceType> all() {
    return List.of(WORKLOAD_SUMMARIES, CLUSTER_CONTEXTS, NAMESPACE_SUMMARIES, MCP_SERVERS);
  }

  private static List<Object> namespaceCells(NamespaceSummary n) {
    NamespaceSummary.Workloads w = n.workloads();
    List<NamespaceSummary.Workload> worst = w == null || w.worst() == null ? List.of() : w.worst();
    NamespaceSummary.Workload first = worst.isEmpty() ? null : worst.get(0);
    int problems = count(n.services()) + count(n.ingresses()) + count(n.persistentVolumeClaims())
        + (n.quotas() == null ? 0 : n.quotas().items().size() + n.quotas().omitted());
    int warnings = n.events() == null || n.events().items() == null ? 0
        : n.events().items().size() + n.events().omitted();
    String verdicts = w == null || w.verdicts() == null ? "" : String.join(",",
        w.verdicts().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
    return Arrays.asList(n.metadata().name(), w == null ? 0 : w.total(), worst.size() + (w == null ? 0 : w.omitted()),
        first == null ? "" : first.name(), first == null || first.reason() == null ? "" : first.reason(),
        problems, warnings, Ages.since(n.metadata().creationTimestamp()), verdicts,
        first == null || first.message() == null ? "" : first.message());
  }

  private static int count(NamespaceSummary.Problems p) {
    return p == null || p.items() == null ? 0 : p.items().size() + p.omitted();
  }

  private static List<Object> mcpCells(MCPServer m) {
    List<MCPServer.Tool> tools = m.spec() == null || m.spec().tools() == null ? List.of() : m.spec().tools();
    List<String> protocols = m.spec() == null || m.spec().protocolVersions() == null
        ? List.of() : m.spec().protocolVersions();
    return Arrays.asList(m.metadata().name(), tools.size(), String.join(",", protocols),
        m.spec() == null || m.spec().path() == null ? "" : m.spec().path(),
        Ages.since(m.metadata().creationTimestamp()),
        String.join(",", tools.stream().map(MCPServer.Tool::name).toList()));
  }

  private static List<Object> workloadCells(WorkloadSummary s) {
    List<Object> cells = new ArrayList<>(9);
    cells.add(s.metadata().name());
    cells.add(kind(s));
    cells.add(ready(s));
    cells.add(verdict(s));
    List<String> reasons = s.health() == null ? null : s.health().reasons();
    cells.add(reasons == null || reasons.isEmpty() ? "" : reasons.get(0));
    cells.add(s.pods() == null ? 0 : s.pods().restarts());
    cells.add(Ages.since(s.metadata().creationTimestamp()));
    cells.add(images(s));
    cells.add(s.health() == null || s.health().message() == null ? "" : s.health().message());
    return cells;
  }

  /** The READY cell: ready/desired; for a Job succeeded/completions; for a CronJob its active runs. */
  public static String ready(WorkloadSummary s) {
    if (s.job() != null) {
      int done = s.job().succeeded() == null ? 0 : s.job().succeeded();
      return done + "/" + (s.job().completions() == null ? 1 : s.job().completions());
    }
    if (s.cronJob() != null) {
      int active = s.cronJob().active() == null ? 0 : s.cronJob().active().size() + s.cronJob().omitted();
      return active + " active";
    }
    if (s.replicas() != null && s.replicas().desired() != null) {
      int ready = s.replicas().ready() == null ? 0 : s.replicas().ready();
      return ready + "/" + s.replicas().desired();
    }
    if (s.pods() != null) {
      Integer running = s.pods().phases() == null ? null : s.pods().phases().get("Running");
      return (running == null ? 0 : running) + "/" + s.pods().total();
    }
    return "";
  }

  private static String images(WorkloadSummary s) {
    if (s.containers() == null || s.containers().items() == null) {
      return "";
    }
    return String.join(",", s.containers().items().stream().map(WorkloadSummary.Container::image).toList());
  }

  private static String verdict(WorkloadSummary s) {
    return s.health() == null || s.health().verdict() == null ? "" : s.health().verdict().name();
  }

  private static String kind(WorkloadSummary s) {
    return s.workload() == null ? "" : s.workload().kind();
  }

  private static List<Object> clusterCells(ClusterContext c) {
    String nodes = c.nodes() == null ? "" : c.nodes().ready() + "/" + c.nodes().total();
    int workloads = c.workloads() == null ? 0 : c.workloads().total();
    int attention = c.attention() == null || c.attention().items() == null
        ? 0 : c.attention().items().size() + c.attention().omitted();
    return Arrays.asList(c.metadata().name(),
        c.kubernetes() == null ? "" : c.kubernetes().version(), nodes, workloads, attention,
        Ages.since(c.metadata().creationTimestamp()));
  }

  /** A field selector value for an object, or null when the field is not selectable. */
  public static String field(ResourceType type, ApiObject o, String path) {
    return switch (path) {
      case "metadata.name" -> o.metadata().name();
      case "metadata.namespace" -> o.metadata().namespace() == null ? "" : o.metadata().namespace();
      default -> {
        Function<ApiObject, String> f = type.fields().get(path);
        yield f == null ? null : f.apply(o);
      }
    };
  }
}
