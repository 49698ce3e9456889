package io.paasta.server.loop;

import io.paasta.model.InstanceRef;
import io.paasta.server.status.PassBackoff;
import io.paasta.server.status.PassBackoff.DesiredKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When an instance whose pass failed is tried again: after {@code first}, doubling with each
 * failure in a row, capped at {@code cap}. A successful pass ends the backoff; so does a change of
 * the instance's desired state (a new config or deployment is acted on at once, never after a long
 * wait). Pure: the caller keeps the state and gives the time.
 *
 * <p>The default, 5 s doubling to 5 minutes, is Marathon's launch backoff as PaaSTA configured it
 * ({@code backoff_factor} 2, {@code max_launch_delay_seconds} 300) starting from the fixed 5 s the
 * daemon retried after before: the first retries still come quickly (an engine that hiccups), and a
 * pass that keeps failing (an image the registry lacks) costs one pull every 5 minutes, not one
 * every 5 seconds, while PaaSTA's own loop retried at its periodic pass.
 */
public record PassBackoffPolicy(Duration first, Duration cap) {
  public static final PassBackoffPolicy DEFAULT =
      new PassBackoffPolicy(Duration.ofSeconds(5), Duration.ofMinutes(5));

  public PassBackoffPolicy {
    if (first.isNegative() || first.isZero() || cap.compareTo(first) < 0) {
      throw new IllegalArgumentException(
          "the first delay must be positive and at most the cap: " + first + ", " + cap);
    }
  }

  /** The wait after {@code failures} failed passes in a row (from 1): first * 2^(failures-1). */
  public Duration delayAfter(int failures) {
    int doublings = Math.max(0, Math.min(failures - 1, 30)); // 5 s * 2^30 is far past any cap
    Duration delay = first.multipliedBy(1L << doublings);
    return delay.compareTo(cap) > 0 ? cap : delay;
  }

  /**
   * The backoff after a pass failed at {@code now} with {@code desired}: one failure more than
   * {@code previous} when that was met with the same desired state, else the first.
   */
  public PassBackoff afterFailure(
      InstanceRef ref,
      Optional<PassBackoff> previous,
      DesiredKey desired,
      String error,
      Instant now) {
    int failures =
        previous.filter(p -> p.desired().equals(desired)).map(p -> p.failures() + 1).orElse(1);
    return new PassBackoff(ref, failures, error, now, now.plus(delayAfter(failures)), desired);
  }

  /**
   * How long a pass of an instance in {@code current} backoff must still hold back its actions:
   * empty when it may act now (no backoff, the backoff is over, or the desired state changed).
   */
  public Optional<Duration> holdFor(
      Optional<PassBackoff> current, DesiredKey desired, Instant now) {
    return current
        .filter(b -> b.desired().equals(desired))
        .filter(b -> b.nextTryAt().isAfter(now))
        .map(b -> b.remaining(now));
  }
}
