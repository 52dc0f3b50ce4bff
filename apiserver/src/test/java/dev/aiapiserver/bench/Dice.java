package dev.aiapiserver.bench;

import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The one source of chance of a synthetic cluster: every name suffix, uid, count and choice comes
 * from here, so one seed gives the same cluster every time.
 */
final class Dice {
  /** The alphabet Kubernetes uses for generated name suffixes (no vowels, no look-alikes). */
  private static final String SUFFIX_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

  private final SplittableRandom random;

  Dice(long seed) {
    this.random = new SplittableRandom(seed);
  }

  int between(int lowInclusive, int highInclusive) {
    return random.nextInt(lowInclusive, highInclusive + 1);
  }

  boolean chance(double probability) {
    return random.nextDouble() < probability;
  }

  <T> T pick(List<T> options) {
    return options.get(random.nextInt(options.size()));
  }

  /** A suffix like the ones ReplicaSets (10 characters) and pods (5) get. */
  String suffix(int length) {
    StringBuilder s = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      s.append(SUFFIX_ALPHABET.charAt(random.nextInt(SUFFIX_ALPHABET.length())));
    }
    return s.toString();
  }

  String hex(int length) {
    StringBuilder s = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      s.append(Character.forDigit(random.nextInt(16), 16));
    }
    return s.toString();
  }

  /** A version 4 UUID drawn from the seed rather than from the system's entropy. */
  String uid() {
    long most = (random.nextLong() & ~0xF000L) | 0x4000L;
    long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(most, least).toString();
  }
}
