package io.paasta.cli.localrun;

import java.time.Duration;

/**
 * What came of watching a container's health check.
 *
 * @param checks how many checks ran
 * @param consecutiveFailures the counted failures in a row at the end (failures within the grace
 *     period before a first pass are not counted, as the daemon does not count them)
 * @param elapsed from the container's start to the verdict
 */
public record HealthVerdict(
    Outcome outcome, int checks, int consecutiveFailures, Duration elapsed) {

  /** The kinds of verdict. */
  public enum Outcome {
    /** A check passed: the daemon would count the task healthy. */
    PASSED,
    /** {@code max_consecutive_failures} counted failures: the daemon would kill the task. */
    FAILED,
    /** The container stopped before a verdict. */
    EXITED,
    /** The instance has no health check: healthy once running, as for the daemon. */
    NO_CHECK,
    /** The watch was interrupted (Ctrl-C). */
    INTERRUPTED
  }

  public boolean passed() {
    return outcome == Outcome.PASSED || outcome == Outcome.NO_CHECK;
  }
}
