package dev.aiapiserver.redact;

import java.util.Arrays;

/** The character ranges of one text that are secret; overlapping ranges merge into one mark. */
final class Spans {
  private int[] starts = new int[8];
  private int[] ends = new int[8];
  private int size;

  void add(int start, int end) {
    if (start < 0 || end <= start) {
      return;
    }
    if (size == starts.length) {
      starts = Arrays.copyOf(starts, size * 2);
      ends = Arrays.copyOf(ends, size * 2);
    }
    starts[size] = start;
    ends[size] = end;
    size++;
  }

  boolean isEmpty() {
    return size == 0;
  }

  /** The text with every range replaced by the mark; ranges that touch or overlap become one mark. */
  String applyTo(String text, String mark) {
    if (size == 0) {
      return text;
    }
    long[] packed = new long[size];
    for (int i = 0; i < size; i++) {
      packed[i] = ((long) starts[i] << 32) | ends[i];
    }
    Arrays.sort(packed);
    StringBuilder out = new StringBuilder(text.length());
    int copied = 0;
    int i = 0;
    while (i < size) {
      int start = (int) (packed[i] >>> 32);
      int end = (int) packed[i];
      i++;
      while (i < size && (int) (packed[i] >>> 32) <= end) {
        end = Math.max(end, (int) packed[i]);
        i++;
      }
      start = Math.max(start, copied);
      end = Math.min(end, text.length());
      if (end <= start) {
        continue;
      }
      out.append(text, copied, start).append(mark);
      copied = end;
    }
    return out.append(text, copied, text.length()).toString();
  }
}
