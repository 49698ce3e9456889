package io.paasta.monitoring.check;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How the deploy of an instance is going, as the daemon's last pass saw it.
 *
 * @param bouncingSince when the bounce in progress began, as {@link
 *     io.paasta.monitoring.BounceTracker} derives it from the tasks (it survives a daemon restart);
 *     empty at steady state
 * @param error the last pass's error, if it failed (e.g. the image cannot be pulled)
 * @param summary the pass's one-line status, e.g. {@code bouncing crossover: 2/3 new happy}
 */
public record DeployProgress(
    Optional<Instant> bouncingSince, Optional<String> error, String summary) {
  public DeployProgress {
    Objects.requireNonNull(bouncingSince, "bouncingSince");
    Objects.requireNonNull(error, "error");
    Objects.requireNonNull(summary, "summary");
  }

  /** At steady state, no error. */
  public static DeployProgress steady(String summary) {
    return new DeployProgress(Optional.empty(), Optional.empty(), summary);
  }
}
