package dev.aiapiserver.bench;

import java.util.Arrays;
import java.util.List;

/** Latencies of one run, in nanoseconds, and their percentiles (nearest rank). */
final class Samples {
  private long[] values = new long[1024];
  private int size;

  synchronized void add(long nanos) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = nanos;
  }

  synchronized int size() {
    return size;
  }

  /** The p-th percentile (0 < p <= 100) in milliseconds. */
  synchronized double percentileMillis(double p) {
    if (size == 0) {
      return Double.NaN;
    }
    long[] sorted = Arrays.copyOf(values, size);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * size);
    return sorted[Math.max(0, Math.min(size - 1, rank - 1))] / 1e6;
  }

  /** The median of several runs' figures: one slow or fast run does not decide the result. */
  static double median(List<Double> figures) {
    double[] d = figures.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return d.length == 0 ? Double.NaN : d.length % 2 == 1 ? d[d.length / 2] : (d[d.length / 2 - 1] + d[d.length / 2]) / 2;
  }
}
