package io.paasta.planning.jobs;

import io.paasta.model.schedule.RunTimes;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Which of a job's scheduled times are due at {@code now}, after the times already handled (up to
 * {@code cursor}): the newest time still within epsilon runs; older unhandled times were missed
 * (daemon down, a run still going) and are recorded as one skipped run, the newest of them, saying
 * how many there were.
 *
 * @param due the newest unhandled time within epsilon of now: to run
 * @param missed the newest unhandled time it is too late (or superseded) to run
 * @param missedCount how many unhandled times are missed ({@link #COUNTED} at most)
 * @param next the first scheduled time after now
 */
record DueTimes(
    Optional<Instant> due, Optional<Instant> missed, int missedCount, Optional<Instant> next) {
  /** Missed times are counted up to this many (the message then says "at least"). */
  static final int COUNTED = 1000;

  static DueTimes of(RunTimes times, Instant cursor, Duration epsilon, Instant now) {
    Optional<Instant> next = times.after(now.isAfter(cursor) ? now : cursor);
    Optional<Instant> latest = times.atOrBefore(now).filter(t -> t.isAfter(cursor));
    if (latest.isEmpty()) {
      return new DueTimes(Optional.empty(), Optional.empty(), 0, next);
    }
    boolean inTime = !latest.get().plus(epsilon).isBefore(now);
    Optional<Instant> due = inTime ? latest : Optional.empty();
    Optional<Instant> missed =
        inTime
            ? times.atOrBefore(latest.get().minusNanos(1)).filter(t -> t.isAfter(cursor))
            : latest;
    return new DueTimes(due, missed, missed.map(m -> count(times, cursor, m)).orElse(0), next);
  }

  /** The scheduled times in {@code (from, to]}, counted up to {@link #COUNTED}. */
  private static int count(RunTimes times, Instant from, Instant to) {
    int n = 0;
    Optional<Instant> t = times.after(from);
    while (t.isPresent() && !t.get().isAfter(to) && n < COUNTED) {
      n++;
      t = times.after(t.get());
    }
    return Math.max(n, 1);
  }
}
