package io.paasta.monitoring.send;

import java.time.Duration;

/**
 * How often and how patiently a sender retries one event: up to {@code attempts} tries, waiting
 * {@code initialBackoff} after the first failure, doubling up to {@code maxBackoff}.
 */
public record RetryPolicy(int attempts, Duration initialBackoff, Duration maxBackoff) {
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(30));

  public RetryPolicy {
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be at least 1: " + attempts);
    }
  }

  /** The wait after failed attempt number {@code failed} (from 1). */
  public Duration backoff(int failed) {
    Duration wait = initialBackoff;
    for (int i = 1; i < failed && wait.compareTo(maxBackoff) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
  }
}
