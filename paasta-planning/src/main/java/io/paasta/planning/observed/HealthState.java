package io.paasta.planning.observed;

/** A running task's health as the daemon's checker last saw it. */
public enum HealthState {
  /** Not checked yet, or within its grace period. */
  UNKNOWN,
  /**
   * Passing, or running with no health check; a task that passed stays HEALTHY through one failed
   * check (nerve's hysteresis: out of service after 2 failures in a row, back after the first
   * pass).
   */
  HEALTHY,
  /** Failing, but not yet more times in a row than allowed. */
  UNHEALTHY,
  /** Failed more times in a row than allowed: to be killed and replaced. */
  FAILED
}
