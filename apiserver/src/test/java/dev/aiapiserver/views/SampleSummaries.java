package dev.aiapiserver.views;

import dev.aiapiserver.api.WorkloadSummary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Real summaries for measurements elsewhere: each workload fixture's derived summary, healthy and failing. */
public final class SampleSummaries {
  private static final List<String> KINDS =
      List.of("deployment", "statefulset", "daemonset", "replicaset", "job", "cronjob", "pod");

  private SampleSummaries() {}

  public static List<WorkloadSummary> ofEveryFixture() {
    List<WorkloadSummary> all = new ArrayList<>();
    for (String kind : KINDS) {
      for (Path file : Fixtures.files(kind)) {
        all.add(WorkloadSummaries.derive(Fixtures.load(file).inputs()));
      }
    }
    return all;
  }
}
