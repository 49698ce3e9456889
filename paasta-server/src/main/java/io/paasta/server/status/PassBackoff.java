package io.paasta.server.status;

import io.paasta.model.InstanceRef;
import io.paasta.planning.app.DesiredInstance;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An instance whose passes have been failing: how many times in a row, the last error, and when the
 * next pass may act again. Decided by {@code io.paasta.server.loop.PassBackoffPolicy}; kept in
 * memory only, which is acceptable for short-lived scheduling state: a restarted daemon simply
 * tries at once.
 *
 * @param failures failed passes in a row (at least 1)
 * @param error the last pass's error
 * @param failedAt when the last pass failed
 * @param nextTryAt when the next pass may act again ({@code failedAt} plus the backoff)
 * @param desired the desired state the failures were met with: another one ends the backoff
 */
public record PassBackoff(
    InstanceRef ref,
    int failures,
    String error,
    Instant failedAt,
    Instant nextTryAt,
    DesiredKey desired) {

  public PassBackoff {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(error, "error");
    Objects.requireNonNull(failedAt, "failedAt");
    Objects.requireNonNull(nextTryAt, "nextTryAt");
    Objects.requireNonNull(desired, "desired");
    if (failures < 1) {
      throw new IllegalArgumentException("failures must be at least 1: " + failures);
    }
  }

  /**
   * What a pass acted on: the generation of the service's last good config (it changes with every
   * config or deployments.json change of the service) and the instance's desired app (it also
   * changes with an autoscaler count). Absent from soa-configs is {@code inConfig == false}.
   */
  public record DesiredKey(long generation, boolean inConfig, Optional<DesiredInstance> app) {
    public DesiredKey {
      Objects.requireNonNull(app, "app");
    }
  }

  /** How long the backoff after the last failure is. */
  public Duration delay() {
    return Duration.between(failedAt, nextTryAt);
  }

  /** Time left before the next try; zero once it is due. */
  public Duration remaining(Instant now) {
    Duration left = Duration.between(now, nextTryAt);
    return left.isNegative() ? Duration.ZERO : left;
  }
}
