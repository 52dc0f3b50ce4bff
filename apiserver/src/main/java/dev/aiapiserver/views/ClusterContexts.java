package dev.aiapiserver.views;

import dev.aiapiserver.api.ClusterContext;

/** Derives the ClusterContext from a snapshot of the whole cluster. Pure: no I/O, no clock. */
public final class ClusterContexts {
  private ClusterContexts() {}

  public static ClusterContext derive(ClusterInputs in) {
    throw new UnsupportedOperationException("derivation not yet implemented");
  }
}
