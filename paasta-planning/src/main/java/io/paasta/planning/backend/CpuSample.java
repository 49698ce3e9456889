package io.paasta.planning.backend;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A task's CPU time used since it started, as the engine read it at {@code at}; with the engine's
 * previous reading when it gives one (the Docker engine does: two samples about a second apart).
 */
public record CpuSample(Instant at, long totalNanos, Optional<CpuSample> previous) {
  /** CPU seconds per wall second between {@code earlier} and this; empty when no time passed. */
  public java.util.OptionalDouble rateSince(CpuSample earlier) {
    long wall = Duration.between(earlier.at(), at).toNanos();
    if (wall <= 0 || totalNanos < earlier.totalNanos()) {
      return java.util.OptionalDouble.empty();
    }
    return java.util.OptionalDouble.of((double) (totalNanos - earlier.totalNanos()) / wall);
  }
}
