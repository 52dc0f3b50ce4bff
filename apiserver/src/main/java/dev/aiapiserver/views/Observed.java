package dev.aiapiserver.views;

import java.util.ArrayList;
import java.util.List;

/**
 * What a kind's derivation observed on the workload object itself, in the terms the verdict rules
 * speak: the counts, whether it rolls out, is suspended or done, and the causes found on it. Filled
 * in fluently by one kind's derivation, then read by {@link VerdictRules} and {@link HealthMessage}.
 */
final class Observed {
  String headline;
  String unknownWhy;
  boolean suspended;
  boolean completed;
  /** The workload itself failed for good, and the reasons are on its pods (a bare Pod that failed). */
  boolean failed;
  boolean inProgress;
  boolean startingIsProgress = true;
  int desired;
  int ready;
  int available;
  final List<Cause> causes = new ArrayList<>();
  /** When the current state began, according to the source (e.g. a Job's completionTime), or null. */
  String settledSince;

  Observed(String headline) {
    this.headline = headline;
  }

  /** Desired, ready and available replicas; fewer ready or available than desired is a shortfall. */
  Observed counts(int desired, int ready, int available) {
    this.desired = desired;
    this.ready = ready;
    this.available = available;
    return this;
  }

  Observed unknown(String why) {
    this.unknownWhy = why;
    return this;
  }

  Observed suspended(boolean suspended) {
    this.suspended = suspended;
    return this;
  }

  Observed completed(boolean completed, String since) {
    this.completed = completed;
    if (completed) {
      this.settledSince = since;
    }
    return this;
  }

  Observed failed(boolean failed) {
    this.failed = failed;
    return this;
  }

  Observed inProgress(boolean inProgress) {
    this.inProgress = inProgress;
    return this;
  }

  /** Whether pods on their way up mean the workload is progressing (not so for a CronJob's runs). */
  Observed startingIsProgress(boolean startingIsProgress) {
    this.startingIsProgress = startingIsProgress;
    return this;
  }

  Observed cause(Cause cause) {
    if (cause != null) {
      causes.add(cause);
    }
    return this;
  }

  boolean fullyReady() {
    return ready >= desired && available >= desired;
  }
}
