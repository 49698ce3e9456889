package io.paasta.monitoring.check;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** The latest run of a scheduled job, retries included: its final outcome. */
public record JobRun(Instant startedAt, Optional<Instant> finishedAt, Outcome outcome) {
  /** Where a run is. */
  public enum Outcome {
    RUNNING,
    SUCCEEDED,
    FAILED
  }

  public JobRun {
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(finishedAt, "finishedAt");
    Objects.requireNonNull(outcome, "outcome");
  }
}
