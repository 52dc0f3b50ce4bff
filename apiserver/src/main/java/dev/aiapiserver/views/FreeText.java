package dev.aiapiserver.views;

/** Keeps free text (messages from kubelets, schedulers, controllers) short and on one line. */
final class FreeText {
  /** Cap for a message inside a list item (pod, event). */
  static final int ITEM = 160;
  /** Cap for a status condition's message (conditions are context, not the evidence). */
  static final int CONDITION = 120;
  /** Cap for the one-sentence health message. */
  static final int SENTENCE = 256;

  private FreeText() {}

  /** Collapses whitespace and cuts at max characters, marking the cut with an ellipsis. */
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
    return flat.substring(0, max - 1) + "…";
  }
}
