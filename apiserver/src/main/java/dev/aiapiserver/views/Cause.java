package dev.aiapiserver.views;

/**
 * A reason found on the workload object itself (a status condition, its own Warning event, its
 * schedule), as opposed to one found on a pod.
 *
 * @param reason the code
 * @param detail the evidence, e.g. the condition message (already scrubbed and clipped)
 * @param terminal true when the workload has given up (the verdict is then Failing)
 * @param since when the evidence appeared (RFC 3339), or null
 */
record Cause(Reason reason, String detail, boolean terminal, String since) {}
