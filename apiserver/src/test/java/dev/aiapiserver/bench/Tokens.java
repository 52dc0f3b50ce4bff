package dev.aiapiserver.bench;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;

/** Counts tokens as a current model reads text: jtokkit's o200k_base BPE (GPT-4o's tokenizer). */
final class Tokens {
  static final String ENCODING = "o200k_base";
  private static final Encoding O200K = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);

  private Tokens() {}

  /** Text as text: special-token markers, should any appear, count as the characters they are. */
  static long count(String text) {
    return O200K.countTokensOrdinary(text);
  }
}
