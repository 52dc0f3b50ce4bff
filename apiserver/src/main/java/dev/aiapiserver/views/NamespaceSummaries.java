package dev.aiapiserver.views;

import dev.aiapiserver.api.NamespaceSummary;
import dev.aiapiserver.api.NamespaceSummary.Problem;
import dev.aiapiserver.api.NamespaceSummary.Problems;
import dev.aiapiserver.api.NamespaceSummary.QuotaUsage;
import dev.aiapiserver.api.NamespaceSummary.Quotas;
import dev.aiapiserver.api.NamespaceSummary.Workload;
import dev.aiapiserver.api.NamespaceSummary.Workloads;
import dev.aiapiserver.api.ObjectMeta;
import dev.aiapiserver.api.WorkloadSummary;
import dev.aiapiserver.api.WorkloadSummary.Verdict;
import dev.aiapiserver.sources.WorkloadKind;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBackend;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Derives the NamespaceSummary of one namespace. Pure, like every view: the same inputs give an
 * equal summary. Named after the namespace, so {@code kubectl get nss -A} lists one row per
 * namespace and {@code kubectl get nss shop -n shop} reads one.
 */
public final class NamespaceSummaries {
  static final int MAX_LISTED = 5;
  /** A quota resource is listed from this share of its hard limit on. */
  static final int NEAR_LIMIT_PERCENT = 90;
  private static final String UID_PREFIX = "ai.k8s.io/v1alpha1/NamespaceSummary/";
  private static final Set<Verdict> FINE = Set.of(Verdict.Healthy, Verdict.Completed, Verdict.Suspended);
  private static final Set<String> WORKLOAD_PARTS = Set.copyOf(WorkloadKind.kinds());

  private NamespaceSummaries() {}

  public static NamespaceSummary derive(NamespaceInputs in) {
    Namespace ns = in.namespace();
    Redaction redaction = Redaction.of(Stream.empty());
    String phase = ns.getStatus() == null ? null : ns.getStatus().getPhase();
    return SizeBudget.fit(new NamespaceSummary(NamespaceSummary.API_VERSION, NamespaceSummary.KIND, metadata(ns),
        phase, workloads(in), services(in), ingresses(in), claims(in, redaction), quotas(in),
        EventDigest.of(notAboutWorkloads(in.warningEvents()), redaction)));
  }

  /** Whether a summary is among those listed as needing attention. */
  public static boolean needsAttention(Verdict verdict) {
    return verdict != null && !FINE.contains(verdict);
  }

  private static ObjectMeta metadata(Namespace ns) {
    var m = ns.getMetadata();
    String uid = m.getUid() == null ? null
        : UUID.nameUUIDFromBytes((UID_PREFIX + m.getUid()).getBytes(StandardCharsets.UTF_8)).toString();
    Map<String, String> labels = m.getLabels() == null || m.getLabels().isEmpty() ? null : new TreeMap<>(m.getLabels());
    return new ObjectMeta(m.getName(), m.getName(), uid, null, Rfc3339.normalize(m.getCreationTimestamp()), labels);
  }

  private static Workloads workloads(NamespaceInputs in) {
    int total = in.verdicts().values().stream().mapToInt(Integer::intValue).sum();
    Map<String, Integer> verdicts = new LinkedHashMap<>();
    for (Verdict v : Verdict.values()) {
      Integer n = in.verdicts().get(v.name());
      if (n != null && n > 0) {
        verdicts.put(v.name(), n);
      }
    }
    List<WorkloadSummary> worst = in.needingAttention().stream()
        .filter(s -> s.health() != null && needsAttention(s.health().verdict()))
        .sorted(AttentionRanking.WORST_FIRST).toList();
    List<Workload> listed = worst.stream().limit(MAX_LISTED)
        .map(s -> new Workload(s.metadata().name(), s.health().verdict().name(),
            s.health().reasons() == null || s.health().reasons().isEmpty() ? null : s.health().reasons().get(0),
            s.health().message()))
        .toList();
    return new Workloads(total, verdicts.isEmpty() ? null : verdicts, listed.isEmpty() ? null : listed,
        worst.size() - listed.size());
  }

  /** Services with a selector that matches no workload's pods, or whose endpoints are none of them ready. */
  private static Problems services(NamespaceInputs in) {
    List<Problem> problems = new ArrayList<>();
    for (Service s : sorted(in.services())) {
      Map<String, String> selector = s.getSpec() == null ? null : s.getSpec().getSelector();
      if (selector == null || selector.isEmpty()) {
        continue; // ExternalName, or endpoints managed by hand: nothing to match
      }
      String name = s.getMetadata().getName();
      boolean selectsSome = in.workloadPodLabels().stream()
          .anyMatch(labels -> labels != null && labels.entrySet().containsAll(selector.entrySet()));
      if (!selectsSome) {
        problems.add(new Problem(name, "NoPodsSelected", "selector " + selector(selector)
            + " matches the pods of no workload in the namespace"));
        continue;
      }
      List<EndpointSlice> slices = in.endpointSlices().getOrDefault(name, List.of());
      if (slices.isEmpty()) {
        continue; // no EndpointSlice (yet): readiness unknown, say nothing
      }
      int endpoints = 0;
      int ready = 0;
      for (EndpointSlice slice : slices) {
        for (var e : slice.getEndpoints() == null ? List.<io.fabric8.kubernetes.api.model.discovery.v1.Endpoint>of()
            : slice.getEndpoints()) {
          endpoints++;
          // an endpoint whose ready condition is unset counts as ready (EndpointSlice API)
          if (e.getConditions() == null || !Boolean.FALSE.equals(e.getConditions().getReady())) {
            ready++;
          }
        }
      }
      if (ready == 0) {
        problems.add(new Problem(name, "NoReadyEndpoints", endpoints == 0
            ? "selector " + selector(selector) + " selects no running pod: the Service has no endpoints"
            : "0 of " + endpoints + " endpoints ready: traffic to the Service fails"));
      }
    }
    return capped(problems);
  }

  /** Ingress backends whose Service does not exist, or that name a port the Service does not have. */
  private static Problems ingresses(NamespaceInputs in) {
    Map<String, Service> services = new TreeMap<>();
    in.services().forEach(s -> services.put(s.getMetadata().getName(), s));
    List<Problem> problems = new ArrayList<>();
    for (Ingress ingress : sorted(in.ingresses())) {
      List<IngressBackend> backends = new ArrayList<>();
      if (ingress.getSpec() != null) {
        if (ingress.getSpec().getDefaultBackend() != null) {
          backends.add(ingress.getSpec().getDefaultBackend());
        }
        if (ingress.getSpec().getRules() != null) {
          ingress.getSpec().getRules().stream().filter(r -> r.getHttp() != null && r.getHttp().getPaths() != null)
              .forEach(r -> r.getHttp().getPaths().forEach(p -> backends.add(p.getBackend())));
        }
      }
      Problem found = null;
      for (IngressBackend b : backends) {
        if (b == null || b.getService() == null || b.getService().getName() == null) {
          continue;
        }
        found = backendProblem(ingress.getMetadata().getName(), b, services);
        if (found != null) {
          break; // the first broken backend names the problem; one row per Ingress
        }
      }
      if (found != null) {
        problems.add(found);
      }
    }
    return capped(problems);
  }

  private static Problem backendProblem(String ingress, IngressBackend b, Map<String, Service> services) {
    String name = b.getService().getName();
    var port = b.getService().getPort();
    String portText = port == null ? "" : port.getNumber() != null ? ":" + port.getNumber() : ":" + port.getName();
    Service service = services.get(name);
    if (service == null) {
      return new Problem(ingress, "BackendServiceNotFound", "backend " + name + portText + ": Service " + name
          + " does not exist in the namespace");
    }
    if (port == null) {
      return null;
    }
    List<ServicePort> ports = service.getSpec() == null || service.getSpec().getPorts() == null
        ? List.of() : service.getSpec().getPorts();
    boolean exists = ports.stream().anyMatch(p -> port.getNumber() != null
        ? port.getNumber().equals(p.getPort()) : port.getName() != null && port.getName().equals(p.getName()));
    if (exists) {
      return null;
    }
    String have = String.join(", ", ports.stream()
        .map(p -> p.getName() == null || p.getName().isEmpty() ? String.valueOf(p.getPort()) : p.getName() + "=" + p.getPort())
        .toList());
    return new Problem(ingress, "BackendPortNotFound", "backend " + name + portText + ": Service " + name
        + " has no such port" + (have.isEmpty() ? "" : " (it has " + have + ")"));
  }

  /** Claims not bound, with their StorageClass, provisioner and newest complaint. */
  private static Problems claims(NamespaceInputs in, Redaction redaction) {
    List<Problem> problems = new ArrayList<>();
    for (PersistentVolumeClaim claim : sorted(in.claims())) {
      String phase = claim.getStatus() == null || claim.getStatus().getPhase() == null
          ? "Pending" : claim.getStatus().getPhase();
      if ("Bound".equals(phase)) {
        continue;
      }
      Event complaint = ClaimRules.newestWarning(claim, in.warningEvents());
      problems.add(new Problem(claim.getMetadata().getName(), phase,
          redaction.clean(ClaimRules.evidence(claim, phase, complaint), FreeText.ITEM)));
    }
    return capped(problems);
  }

  private static Quotas quotas(NamespaceInputs in) {
    List<QuotaUsage> usages = new ArrayList<>();
    for (ResourceQuota q : sorted(in.quotas())) {
      if (q.getStatus() == null || q.getStatus().getHard() == null) {
        continue;
      }
      Map<String, Quantity> used = q.getStatus().getUsed() == null ? Map.of() : q.getStatus().getUsed();
      new TreeMap<>(q.getStatus().getHard()).forEach((resource, hard) -> {
        Quantity u = used.get(resource);
        int percent = percent(u, hard);
        if (percent >= NEAR_LIMIT_PERCENT) {
          usages.add(new QuotaUsage(q.getMetadata().getName(), resource, u == null ? "0" : u.toString(),
              hard.toString(), percent));
        }
      });
    }
    usages.sort(Comparator.comparingInt(QuotaUsage::percent).reversed());
    List<QuotaUsage> listed = usages.subList(0, Math.min(MAX_LISTED, usages.size()));
    return listed.isEmpty() ? null : new Quotas(List.copyOf(listed), usages.size() - listed.size());
  }

  private static int percent(Quantity used, Quantity hard) {
    try {
      BigDecimal h = hard.getNumericalAmount();
      BigDecimal u = used == null ? BigDecimal.ZERO : used.getNumericalAmount();
      if (h.signum() == 0) {
        return 100; // nothing allowed: at the limit
      }
      return u.multiply(BigDecimal.valueOf(100)).divide(h, 0, RoundingMode.DOWN).intValue();
    } catch (ArithmeticException | IllegalArgumentException e) {
      return 0; // a quantity we cannot read is not listed
    }
  }

  /** Warning events about anything that is not a workload, its pods, ReplicaSets or Jobs. */
  private static List<Event> notAboutWorkloads(List<Event> events) {
    return events.stream()
        .filter(e -> e.getInvolvedObject() == null || !WORKLOAD_PARTS.contains(e.getInvolvedObject().getKind()))
        .toList();
  }

  private static String selector(Map<String, String> selector) {
    StringBuilder s = new StringBuilder();
    new TreeMap<>(selector).forEach((k, v) -> s.append(s.length() == 0 ? "" : ",").append(k).append('=').append(v));
    return s.toString();
  }

  private static Problems capped(List<Problem> problems) {
    // names run up to 253 characters: the evidence is clipped like any item, so the summary stays bounded
    List<Problem> listed = problems.subList(0, Math.min(MAX_LISTED, problems.size())).stream()
        .map(p -> new Problem(p.name(), p.reason(), FreeText.clip(p.message(), FreeText.ITEM))).toList();
    return listed.isEmpty() ? null : new Problems(List.copyOf(listed), problems.size() - listed.size());
  }

  private static <T extends io.fabric8.kubernetes.api.model.HasMetadata> List<T> sorted(List<T> items) {
    return items.stream().sorted(Comparator.comparing(i -> i.getMetadata().getName())).toList();
  }
}
