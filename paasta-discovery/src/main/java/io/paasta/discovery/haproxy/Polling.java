package io.paasta.discovery.haproxy;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/** Waits for HAProxy: asks every 20 ms until an answer comes or the time is up. */
final class Polling {
  private static final long PAUSE_MS = 20;

  private Polling() {}

  static <T> Optional<T> until(Duration limit, Supplier<Optional<T>> probe) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (true) {
      Optional<T> answer = probe.get();
      if (answer.isPresent() || System.nanoTime() > deadline) {
        return answer;
      }
      try {
        Thread.sleep(PAUSE_MS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new HaproxyException("interrupted while waiting for HAProxy", e);
      }
    }
  }

  static boolean until(Duration limit, java.util.function.BooleanSupplier condition) {
    return until(limit, () -> condition.getAsBoolean() ? Optional.of(true) : Optional.empty())
        .isPresent();
  }
}
