package dev.aiapiserver.store;

/**
 * The upstream revisions a change of a view reflects: from the earliest event it takes in to the
 * latest (both inclusive). A change is part of the state at every version from {@code from} on,
 * and is sent to every watch that resumes from before {@code to}: a replica that saw the same
 * events in other batches then still agrees with this one (docs/operations.md).
 *
 * <p>{@link #LOCAL} is a change no upstream event made: the clock alone, or a view fixed at start.
 */
public record Span(long from, long to) {
  public static final Span LOCAL = new Span(Long.MAX_VALUE, -1);

  public static Span at(long revision) {
    return new Span(revision, revision);
  }

  public boolean local() {
    return to < 0;
  }

  /** Both spans' events together. */
  public Span and(Span other) {
    if (other == null || other.local()) {
      return this;
    }
    if (local()) {
      return other;
    }
    return new Span(Math.min(from, other.from), Math.max(to, other.to));
  }

  /** The same span, reaching at least to {@code revision} (what the derivation read was that new). */
  public Span reaching(long revision) {
    return local() || revision <= to ? this : new Span(from, revision);
  }
}
