package dev.aiapiserver.redact;

/** One family of secret shapes: marks the ranges of a text that hold such a secret. */
interface Detector {
  /**
   * @param text the text as it came from the cluster
   * @param lower the same text with ASCII letters in lower case (same length, same indices)
   */
  void find(String text, String lower, Spans out);
}
