package io.paasta.backend.docker.health;

import io.paasta.planning.observed.HealthState;

/**
 * A task's health after the checks so far (Marathon's rules, with nerve's hysteresis): a pass makes
 * it HEALTHY at once (nerve's rise 1: up after the first pass); a failure within the grace period
 * before the first pass is ignored (it stays UNKNOWN); a HEALTHY task turns UNHEALTHY only after
 * {@link #FALL} failures in a row (nerve's fall 2: one slow answer does not take it out of
 * service), a task that never passed at its first counted failure; {@code max_consecutive_failures}
 * failures in a row make it FAILED (0: never). FAILED is final: the task is to be killed and
 * replaced.
 *
 * @param consecutiveFailures counted failures since the last pass
 * @param passedOnce whether any check has passed (ends the grace period early)
 */
public record HealthRecord(HealthState state, int consecutiveFailures, boolean passedOnce) {
  /** Failures in a row that take a HEALTHY task out of service (nerve's {@code fall}). */
  public static final int FALL = 2;

  public static HealthRecord initial() {
    return new HealthRecord(HealthState.UNKNOWN, 0, false);
  }

  public HealthRecord afterPass() {
    return state == HealthState.FAILED ? this : new HealthRecord(HealthState.HEALTHY, 0, true);
  }

  /**
   * @param inGracePeriod whether the task started less than the grace period ago
   */
  public HealthRecord afterFailure(boolean inGracePeriod, int maxConsecutiveFailures) {
    if (state == HealthState.FAILED || (inGracePeriod && !passedOnce)) {
      return this;
    }
    int failures = consecutiveFailures + 1;
    boolean failed = maxConsecutiveFailures > 0 && failures >= maxConsecutiveFailures;
    HealthState next =
        failed
            ? HealthState.FAILED
            : state == HealthState.HEALTHY && failures < FALL
                ? HealthState.HEALTHY
                : HealthState.UNHEALTHY;
    return new HealthRecord(next, failures, passedOnce);
  }
}
