package dev.aiapiserver.bench;

import java.util.Locale;

/** One measured figure of the server, with the target it is held to (if any). */
record Figure(String what, String value, String basis, Target target, Boolean met) {
  /** A bound on a percentile (in milliseconds) or on another measure. */
  record Target(String text, double percentile, double bound) {
    static Target atMost(double percentile, double millis) {
      return new Target("p" + (int) percentile + " <= " + fmt(millis) + " ms", percentile, millis);
    }

    static Target none() {
      return new Target("-", 0, 0);
    }

    boolean exists() {
      return bound > 0;
    }
  }

  static Figure latency(String what, double p50, double p99, String basis, Target target) {
    Boolean met = target.exists() ? p99 <= target.bound() : null;
    return new Figure(what, "p50 " + fmt(p50) + " ms, p99 " + fmt(p99) + " ms", basis, target, met);
  }

  static Figure throughput(String what, double perSecond, double p99, String basis) {
    return new Figure(what, String.format(Locale.ROOT, "%.0f req/s (p99 %s ms)", perSecond, fmt(p99)), basis,
        Target.none(), null);
  }

  /** Any other figure: its value as text, its target as text, and whether it was met (null: no target). */
  static Figure of(String what, String value, String basis, String target, Boolean met) {
    return new Figure(what, value, basis, new Target(target, 0, met == null ? 0 : 1), met);
  }

  String verdict() {
    return met == null ? "-" : met ? "met" : "MISSED";
  }

  static String fmt(double v) {
    return v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : v >= 10 ? String.format(Locale.ROOT, "%.1f", v)
        : String.format(Locale.ROOT, "%.2f", v);
  }
}
