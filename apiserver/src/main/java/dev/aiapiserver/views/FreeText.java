package dev.aiapiserver.views;

/**
 * Keeps free text (messages from kubelets, schedulers, controllers) short and on one line.
 *
 * <p>Components write Go error chains ({@code a: b: c: 401 Unauthorized}) whose root cause stands
 * at the end, so a long message keeps its head (what was attempted) and its tail (why it failed)
 * and drops the middle, preferring to start the tail on a link of the chain.
 */
final class FreeText {
  /** Cap for a message inside a list item (pod, event). */
  static final int ITEM = 160;
  /** Cap for a status condition's message (conditions are context, not the evidence). */
  static final int CONDITION = 120;
  /** Cap for the one-sentence health message. */
  static final int SENTENCE = 256;
  /** Marks the cut. */
  static final String CUT = " … ";
  /** The tail (the cause) gets at most this share of the room; the head what is left. */
  private static final double TAIL_SHARE = 0.7;
  /** Go wraps errors with "context: cause". */
  private static final String LINK = ": ";

  private FreeText() {}

  /** Collapses whitespace and cuts to at most max characters, keeping head and tail. */
  static String clip(String text, int max) {
    if (text == null) {
      return null;
    }
    String flat = text.strip().replaceAll("\\s+", " ");
    if (flat.isEmpty()) {
      return null;
    }
    if (flat.length() <= max) {
      return flat;
    }
    int room = max - CUT.length();
    int tailRoom = (int) (room * TAIL_SHARE);
    int tailStart = flat.length() - tailRoom;
    tailStart = opening(flat, tailStart, tailRoom);
    int headEnd = room - (flat.length() - tailStart);
    // A text cut before is cut again around its first cut, never showing two.
    int earlier = flat.indexOf(CUT);
    if (earlier >= 0 && earlier < headEnd) {
      headEnd = earlier;
    } else if (earlier >= 0 && earlier + CUT.length() > tailStart) {
      tailStart = earlier + CUT.length();
    }
    return flat.substring(0, headEnd).stripTrailing() + CUT + flat.substring(tailStart);
  }

  /**
   * Where the tail should open, at or after the earliest possible start: on a whole link of the
   * chain if one begins soon enough, else on a whole word; never giving up more than a third of
   * the tail's room.
   */
  private static int opening(String flat, int earliest, int tailRoom) {
    int slack = tailRoom / 3;
    int link = flat.indexOf(LINK, earliest);
    if (link >= 0 && link + LINK.length() - earliest <= slack && link + LINK.length() < flat.length()) {
      return link + LINK.length();
    }
    int space = flat.indexOf(' ', earliest);
    if (space >= 0 && space + 1 - earliest <= slack && space + 1 < flat.length()) {
      return space + 1;
    }
    return earliest;
  }
}
