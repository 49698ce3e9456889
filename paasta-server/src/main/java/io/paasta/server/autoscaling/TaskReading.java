package io.paasta.server.autoscaling;

/** What one task told a metrics provider: a utilization, or why it does not count. */
public sealed interface TaskReading {
  /** A utilization (0..1 for http and uwsgi; cpu may exceed 1 with burst). */
  record Value(double utilization) implements TaskReading {}

  /**
   * The task is left out of the mean.
   *
   * @param warn whether the daemon's log should say so (garbage or out of range, not a refusal)
   */
  record Skipped(String why, boolean warn) implements TaskReading {}
}
