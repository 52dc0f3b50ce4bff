package dev.aiapiserver.views;

import dev.aiapiserver.api.NamespaceSummary;
import dev.aiapiserver.api.NamespaceSummary.Problem;
import dev.aiapiserver.api.NamespaceSummary.Problems;
import dev.aiapiserver.api.NamespaceSummary.QuotaUsage;
import dev.aiapiserver.api.NamespaceSummary.Quotas;
import dev.aiapiserver.api.NamespaceSummary.Workload;
import dev.aiapiserver.api.NamespaceSummary.Workloads;
import dev.aiapiserver.api.WorkloadSummary;
import java.util.List;

/**
 * Keeps a NamespaceSummary under its size bound. Each list holds at most five entries, but names
 * may run to 253 characters, so six full lists of long names would pass 8 KiB: while the estimate
 * is over the budget, the longest list gives up its last (least relevant) entry, which is then
 * counted in its {@code omitted}. Deterministic: the same summary always loses the same entries.
 */
final class SizeBudget {
  /** Estimated JSON bytes of the lists; the rest of the object adds well under 1 KiB. */
  static final int LISTS_BUDGET = 6500;
  /** JSON keys, quotes and punctuation of one entry. */
  private static final int ENTRY_OVERHEAD = 48;

  private SizeBudget() {}

  static NamespaceSummary fit(NamespaceSummary n) {
    NamespaceSummary fitted = n;
    while (estimate(fitted) > LISTS_BUDGET) {
      NamespaceSummary trimmed = trimLongest(fitted);
      if (trimmed == fitted) {
        break;
      }
      fitted = trimmed;
    }
    return fitted;
  }

  static int estimate(NamespaceSummary n) {
    int bytes = 0;
    if (n.workloads() != null && n.workloads().worst() != null) {
      for (Workload w : n.workloads().worst()) {
        bytes += ENTRY_OVERHEAD + len(w.name()) + len(w.verdict()) + len(w.reason()) + len(w.message());
      }
    }
    for (Problems p : List.of(orEmpty(n.services()), orEmpty(n.ingresses()), orEmpty(n.persistentVolumeClaims()))) {
      for (Problem i : p.items()) {
        bytes += ENTRY_OVERHEAD + len(i.name()) + len(i.reason()) + len(i.message());
      }
    }
    if (n.quotas() != null) {
      for (QuotaUsage q : n.quotas().items()) {
        bytes += ENTRY_OVERHEAD + len(q.name()) + len(q.resource()) + len(q.used()) + len(q.hard()) + 4;
      }
    }
    if (n.events() != null && n.events().items() != null) {
      for (WorkloadSummary.Event e : n.events().items()) {
        bytes += ENTRY_OVERHEAD + 30 + len(e.reason()) + len(e.message()) + len(e.object());
      }
    }
    return bytes;
  }

  /** The summary with the last entry of its longest list removed (and counted), or itself when all are empty. */
  private static NamespaceSummary trimLongest(NamespaceSummary n) {
    int workloads = n.workloads() == null || n.workloads().worst() == null ? 0 : n.workloads().worst().size();
    int services = orEmpty(n.services()).items().size();
    int ingresses = orEmpty(n.ingresses()).items().size();
    int claims = orEmpty(n.persistentVolumeClaims()).items().size();
    int quotas = n.quotas() == null ? 0 : n.quotas().items().size();
    int events = n.events() == null || n.events().items() == null ? 0 : n.events().items().size();
    // the workloads are what a reader looks for first: they give up entries last
    int longest = Math.max(Math.max(services, ingresses), Math.max(Math.max(claims, quotas), events));
    if (longest <= 1 && workloads > 1) {
      Workloads w = n.workloads();
      return with(n, new Workloads(w.total(), w.verdicts(), w.worst().subList(0, workloads - 1), w.omitted() + 1),
          n.services(), n.ingresses(), n.persistentVolumeClaims(), n.quotas(), n.events());
    }
    if (longest == 0) {
      return n;
    }
    if (events == longest) {
      WorkloadSummary.Events e = n.events();
      return with(n, n.workloads(), n.services(), n.ingresses(), n.persistentVolumeClaims(), n.quotas(),
          new WorkloadSummary.Events(e.items().subList(0, events - 1), e.omitted() + 1));
    }
    if (services == longest) {
      return with(n, n.workloads(), shorter(n.services()), n.ingresses(), n.persistentVolumeClaims(), n.quotas(),
          n.events());
    }
    if (ingresses == longest) {
      return with(n, n.workloads(), n.services(), shorter(n.ingresses()), n.persistentVolumeClaims(), n.quotas(),
          n.events());
    }
    if (claims == longest) {
      return with(n, n.workloads(), n.services(), n.ingresses(), shorter(n.persistentVolumeClaims()), n.quotas(),
          n.events());
    }
    Quotas q = n.quotas();
    return with(n, n.workloads(), n.services(), n.ingresses(), n.persistentVolumeClaims(),
        new Quotas(q.items().subList(0, quotas - 1), q.omitted() + 1), n.events());
  }

  private static Problems shorter(Problems p) {
    return new Problems(p.items().subList(0, p.items().size() - 1), p.omitted() + 1);
  }

  private static NamespaceSummary with(NamespaceSummary n, Workloads workloads, Problems services,
      Problems ingresses, Problems claims, Quotas quotas, WorkloadSummary.Events events) {
    return new NamespaceSummary(n.apiVersion(), n.kind(), n.metadata(), n.phase(), workloads, services, ingresses,
        claims, quotas, events);
  }

  private static Problems orEmpty(Problems p) {
    return p == null || p.items() == null ? new Problems(List.of(), 0) : p;
  }

  private static int len(String s) {
    return s == null ? 0 : s.length();
  }
}
