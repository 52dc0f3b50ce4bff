package dev.aiapiserver.store;

/**
 * A resourceVersion this replica has not reached yet (another replica's, a little ahead): wait for
 * it briefly, then answer as kube-apiserver does (504, ResourceVersionTooLarge).
 */
public final class TooLarge extends Exception {
  private final long wanted;
  private final long current;

  public TooLarge(long wanted, long current) {
    super("Too large resource version: " + wanted + ", current: " + current, null, false, false);
    this.wanted = wanted;
    this.current = current;
  }

  public long wanted() {
    return wanted;
  }

  public long current() {
    return current;
  }
}
