package io.paasta.cli.jobs;

import io.paasta.cli.api.JobRunInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** How a job's run reads in one phrase: its state, attempts, exit code and message. */
public final class RunText {
  private RunText() {}

  /**
   * {@code running (attempt 1 of 3)}, {@code succeeded (exit 0)}, {@code failed (exit 1, 3
   * attempts): why}, {@code skipped: why}.
   */
  public static String state(JobRunInfo run) {
    StringBuilder text = new StringBuilder(run.state());
    if (run.running()) {
      text.append(" (attempt ").append(Math.max(1, run.attempts()));
      if (run.maxAttempts() > 0) {
        text.append(" of ").append(run.maxAttempts());
      }
      text.append(")");
    } else if (run.exitCode().isPresent()) {
      text.append(" (exit ").append(run.exitCode().getAsInt());
      if (run.attempts() > 1) {
        text.append(", ").append(run.attempts()).append(" attempts");
      }
      text.append(")");
    }
    run.message().ifPresent(m -> text.append(": ").append(m));
    return text.toString();
  }

  /** How long a run took (or has taken until {@code now}); empty before it started. */
  public static Optional<Duration> duration(JobRunInfo run, Instant now) {
    return run.start().map(start -> Duration.between(start, run.end().orElse(now)));
  }

  /** {@code 950ms}, {@code 12s}, {@code 3m04s}, {@code 2h05m}. */
  public static String duration(Duration duration) {
    long millis = Math.max(0, duration.toMillis());
    if (millis < 1000) {
      return millis + "ms";
    }
    long seconds = millis / 1000;
    if (seconds < 60) {
      return seconds + "s";
    }
    if (seconds < 3600) {
      return String.format("%dm%02ds", seconds / 60, seconds % 60);
    }
    return String.format("%dh%02dm", seconds / 3600, seconds % 3600 / 60);
  }
}
