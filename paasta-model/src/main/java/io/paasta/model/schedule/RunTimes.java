package io.paasta.model.schedule;

import java.time.Instant;
import java.util.Optional;

/**
 * When a scheduled job runs: the instants of its schedule (ISO 8601 repeating interval or cron
 * line) in its time zone, daylight-saving changes already applied. Made from a job's config by
 * {@code io.paasta.config.schedule.ScheduleTimes} (used by {@code paasta validate} and by the
 * daemon's scheduler), read by the pure job planner, which knows nothing of schedule syntax.
 */
public interface RunTimes {
  /** The first scheduled instant strictly after {@code t}; empty once the schedule has ended. */
  Optional<Instant> after(Instant t);

  /** The last scheduled instant at or before {@code t}; empty when none is. */
  Optional<Instant> atOrBefore(Instant t);

  /**
   * The schedule's usual interval (a day for a daily schedule), for the stuck rule of {@code
   * check_chronos_jobs} and {@code realert_every}.
   */
  java.time.Duration interval();
}
