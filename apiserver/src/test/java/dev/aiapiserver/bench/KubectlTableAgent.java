package dev.aiapiserver.bench;

import dev.aiapiserver.e2e.Kubectl;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * Baseline (ii), the frugal way agents use today: the real kubectl's default tables, {@code kubectl
 * get pods,deploy,rs,sts,ds,jobs,cronjobs} and {@code kubectl get events}, against the mock.
 */
final class KubectlTableAgent implements Agent {
  static final String WORKLOAD_KINDS = "pods,deploy,rs,sts,ds,jobs,cronjobs";
  private final KubectlSession kubectl;

  KubectlTableAgent(BenchCluster cluster) throws Exception {
    this.kubectl = new KubectlSession(new Kubectl("1.33", cluster.kubeconfig(Files.createTempDirectory("bench-kubectl"))));
  }

  @Override
  public String name() {
    return "kubectl tables";
  }

  @Override
  public Reading read(AgentTask task) throws Exception {
    Reading r = new Reading();
    switch (task.kind()) {
      case TRIAGE -> {
        r.kubectl(kubectl.run("get", WORKLOAD_KINDS, "-n", task.namespace()));
        r.kubectl(kubectl.run("get", "events", "-n", task.namespace()));
      }
      case EXPLAIN -> explain(task.fault(), r);
      case OVERVIEW -> {
        r.kubectl(kubectl.run("get", "nodes"));
        r.kubectl(kubectl.run("get", WORKLOAD_KINDS, "-A"));
        r.kubectl(kubectl.run("get", "events", "-A"));
      }
    }
    return r;
  }

  /** The workload and what it owns by label, then the events of it and of each pod not fully ready. */
  private void explain(PlantedFault f, Reading r) throws Exception {
    String kinds = switch (f.workloadKind()) {
      case "Deployment" -> "deploy,rs,pods";
      case "StatefulSet" -> "sts,pods";
      default -> "jobs,pods";
    };
    KubectlSession.Output output = kubectl.run("get", kinds, "-n", f.namespace(), "-l", "app=" + f.workload());
    r.kubectl(output);
    String owned = output.text();
    List<String> suspects = new ArrayList<>(List.of(f.workload()));
    for (String line : owned.lines().toList()) {
      String[] cells = line.trim().split("\\s+");
      if (cells.length >= 3 && cells[0].startsWith("pod/") && !notSuspect(cells[1], cells[2])) {
        suspects.add(cells[0].substring("pod/".length()));
      }
    }
    for (String name : suspects) {
      r.kubectl(kubectl.run("get", "events", "-n", f.namespace(), "--field-selector", "involvedObject.name=" + name));
    }
  }

  /** READY n/n and Running, or a finished pod: what an agent would not look into. */
  private static boolean notSuspect(String ready, String status) {
    String[] n = ready.split("/");
    return status.equals("Completed") || (status.equals("Running") && n.length == 2 && n[0].equals(n[1]));
  }
}
