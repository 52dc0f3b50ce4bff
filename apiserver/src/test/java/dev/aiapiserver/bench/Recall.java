package dev.aiapiserver.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Which planted faults a reading names with their cause: a fault is found when one record names
 * its workload (or one of its pods, whose names start with the workload's), its namespace when
 * the reading spans namespaces, and one of the fault's cause words. Names are word-NNN with a
 * number unique in the namespace, so one workload's name is never part of another's.
 */
record Recall(List<PlantedFault> found, List<PlantedFault> missed) {
  static Recall of(AgentTask task, Reading reading) {
    List<PlantedFault> found = new ArrayList<>();
    List<PlantedFault> missed = new ArrayList<>();
    for (PlantedFault f : task.expected()) {
      (named(f, reading, task.namespace() == null) ? found : missed).add(f);
    }
    return new Recall(found, missed);
  }

  private static boolean named(PlantedFault f, Reading reading, boolean clusterWide) {
    for (String record : reading.records) {
      if (record.contains(f.workload()) && (!clusterWide || record.contains(f.namespace()))
          && f.kind().causeWords().stream().anyMatch(record::contains)) {
        return true;
      }
    }
    return false;
  }

  double share() {
    int all = found.size() + missed.size();
    return all == 0 ? 1.0 : (double) found.size() / all;
  }
}
