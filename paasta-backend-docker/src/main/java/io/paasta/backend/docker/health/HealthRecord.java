package io.paasta.backend.docker.health;

import io.paasta.planning.observed.HealthState;

/**
 * A task's health after the checks so far (Marathon's rules): a pass makes it HEALTHY; a failure
 * within the grace period before the first pass is ignored (it stays UNKNOWN); any other failure
 * makes it UNHEALTHY, and {@code max_consecutive_failures} failures in a row make it FAILED (0:
 * never). FAILED is final: the task is to be killed and replaced.
 *
 * @param consecutiveFailures counted failures since the last pass
 * @param passedOnce whether any check has passed (ends the grace period early)
 */
public record HealthRecord(HealthState state, int consecutiveFailures, boolean passedOnce) {

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
    return new HealthRecord(
        failed ? HealthState.FAILED : HealthState.UNHEALTHY, failures, passedOnce);
  }
}
