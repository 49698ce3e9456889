package io.paasta.bench.smartstack;

import java.util.Arrays;

/** Nearest-rank percentiles of a set of durations in nanoseconds, printed in milliseconds. */
final class Latencies {
  private final long[] sorted;

  Latencies(long[] nanos) {
    this.sorted = nanos.clone();
    Arrays.sort(this.sorted);
  }

  /** The durations of both. */
  static Latencies merge(Latencies a, Latencies b) {
    long[] both = Arrays.copyOf(a.sorted, a.sorted.length + b.sorted.length);
    System.arraycopy(b.sorted, 0, both, a.sorted.length, b.sorted.length);
    return new Latencies(both);
  }

  int count() {
    return sorted.length;
  }

  /** The nearest-rank percentile {@code p} (0..1); 0 when empty. */
  long percentile(double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(p * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
  }

  long max() {
    return sorted.length == 0 ? 0 : sorted[sorted.length - 1];
  }

  /** {@code p50 X ms, p99 Y ms, max Z ms} ("none" when empty). */
  String summary() {
    if (sorted.length == 0) {
      return "none";
    }
    return String.format(
        "p50 %s ms, p99 %s ms, max %s ms", ms(percentile(0.5)), ms(percentile(0.99)), ms(max()));
  }

  static String ms(long nanos) {
    double ms = nanos / 1e6;
    return ms >= 100 ? String.format("%.0f", ms) : String.format("%.1f", ms);
  }
}
