package io.paasta.config.schedule;

import io.paasta.model.JobConfig;
import io.paasta.model.schedule.RunTimes;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The one place that turns a job's schedule into run times, for {@code paasta validate -v} and for
 * the daemon's scheduler. Cheap to call at every scheduler pass: it parses the line and allocates
 * two small objects; {@link RunTimes#after} and {@link RunTimes#atOrBefore} compute the answer
 * directly (no minute-by-minute walk over years).
 *
 * <p>Zones. A cron line is read in the job's {@code schedule_time_zone} (UTC when unset). The start
 * of an ISO 8601 repeating interval: when {@code schedule_time_zone} is set, its local date-time is
 * read in that zone and any offset written in it is ignored (Chronos: the time zone "takes
 * precedence over any time zone specified in schedule"); when it is not set, the written offset
 * holds (a fixed offset, no daylight saving) and a start without offset is UTC. Daylight-saving
 * rules: see {@link WallClock}; periods: see {@link RepeatingRunTimes}; an impossible cron date
 * ({@code 0 0 30 2 *}) has no run: {@code after} answers empty after a bounded search of 8 years.
 */
public final class ScheduleTimes {
  private ScheduleTimes() {}

  /**
   * The job's run times; empty for a job with parents, an invalid schedule or an unknown {@code
   * schedule_time_zone}.
   */
  public static Optional<RunTimes> of(JobConfig job) {
    if (job.schedule().isEmpty()) {
      return Optional.empty();
    }
    Optional<ZoneId> zone;
    try {
      zone = job.scheduleTimeZone().map(ZoneId::of);
    } catch (DateTimeException e) {
      return Optional.empty();
    }
    return of(job.schedule().get(), zone);
  }

  /**
   * The run times of a schedule read in {@code zone}, which wins over an offset written in a
   * repeating interval's start; empty when it does not parse.
   */
  public static Optional<RunTimes> of(String schedule, ZoneId zone) {
    return of(schedule, Optional.of(zone));
  }

  /**
   * The run times of a schedule; {@code zone} is the job's {@code schedule_time_zone} when it has
   * one (see the class comment for a schedule without one). Empty when it does not parse.
   */
  public static Optional<RunTimes> of(String schedule, Optional<ZoneId> zone) {
    if (!(JobSchedule.parse(schedule) instanceof JobSchedule.Parsed parsed)) {
      return Optional.empty();
    }
    if (parsed.schedule() instanceof JobSchedule.CronSchedule cron) {
      return Optional.of(new CronRunTimes(cron.line(), WallClock.of(zone.orElse(ZoneOffset.UTC))));
    }
    JobSchedule.Repeating repeating = (JobSchedule.Repeating) parsed.schedule();
    ZoneId stepZone =
        zone.orElse(repeating.writtenOffset().map(ZoneId.class::cast).orElse(ZoneOffset.UTC));
    return Optional.of(
        new RepeatingRunTimes(
            repeating.startLocal(),
            repeating.period().getPeriod().normalized(),
            repeating.period().getDuration(),
            repeating.repetitions(),
            WallClock.of(stepZone)));
  }
}
