package io.paasta.bench.smartstack;

import java.util.ArrayList;
import java.util.List;

/**
 * Requests of a load run split by when they were sent: during a bounce (from the config change to
 * the old tasks gone) or outside any. Pure.
 *
 * @param during requests sent while a bounce was in progress
 * @param outside the others
 */
record LoadSplit(Part during, Part outside) {

  /** A bounce, from its config change to its end, in {@link System#nanoTime} values. */
  record Window(long startNanos, long endNanos) {
    boolean contains(long nanos) {
      return nanos >= startNanos && nanos <= endNanos;
    }
  }

  /**
   * Some requests: how many, which failed, and their latencies.
   *
   * @param failures the failed ones, in the order given
   */
  record Part(int requests, List<LoadGenerator.Sample> failures, Latencies latencies) {}

  /** Every request, during bounces and outside. */
  Part all() {
    List<LoadGenerator.Sample> failures = new ArrayList<>(during.failures());
    failures.addAll(outside.failures());
    return new Part(
        during.requests() + outside.requests(),
        failures,
        Latencies.merge(during.latencies(), outside.latencies()));
  }

  static LoadSplit of(List<LoadGenerator.Sample> samples, List<Window> bounces) {
    List<LoadGenerator.Sample> during = new ArrayList<>();
    List<LoadGenerator.Sample> outside = new ArrayList<>();
    for (LoadGenerator.Sample s : samples) {
      boolean inBounce = bounces.stream().anyMatch(w -> w.contains(s.startNanos()));
      (inBounce ? during : outside).add(s);
    }
    return new LoadSplit(part(during), part(outside));
  }

  private static Part part(List<LoadGenerator.Sample> samples) {
    long[] nanos = samples.stream().mapToLong(LoadGenerator.Sample::latencyNanos).toArray();
    List<LoadGenerator.Sample> failures =
        samples.stream().filter(s -> s.failure() != null).toList();
    return new Part(samples.size(), failures, new Latencies(nanos));
  }
}
