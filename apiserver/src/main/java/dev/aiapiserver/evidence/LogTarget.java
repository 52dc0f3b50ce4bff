package dev.aiapiserver.evidence;

/** One container instance whose log the evidence shows: what kubectl logs [--previous] would read. */
record LogTarget(String namespace, String pod, String container, boolean previous) {}
