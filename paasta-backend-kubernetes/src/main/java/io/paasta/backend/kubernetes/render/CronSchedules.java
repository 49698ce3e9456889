package io.paasta.backend.kubernetes.render;

import io.paasta.config.schedule.JobSchedule;
import io.paasta.config.schedule.TimeVariables;
import io.paasta.model.JobConfig;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.threeten.extra.PeriodDuration;

/**
 * Whether a CronJob can run a job, and with which cron line and time zone (SPEC section 14). A cron
 * {@code schedule} is taken as is, in {@code schedule_time_zone} (UTC when unset). An ISO 8601
 * repeating interval {@code R/<start>/<period>} becomes a cron line at the start's minute (and
 * hour) when its period divides an hour or a day or is one week. The rest is run by the daemon's
 * scheduler as Jobs: parents, a finite count {@code Rn}, other periods, a start with seconds, a
 * {@code cmd} with time variables (each run's execution date fills them). A CronJob runs from now
 * on: a start in the future is not waited for.
 */
final class CronSchedules {
  private static final int MINUTES_PER_HOUR = 60;
  private static final int MINUTES_PER_DAY = 24 * 60;
  private static final int MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;

  private CronSchedules() {}

  /** A cron line and the zone it is read in, or why the daemon's scheduler runs the job. */
  sealed interface Decision permits Cron, Scheduler {}

  record Cron(String line, String timeZone) implements Decision {}

  record Scheduler(String reason) implements Decision {}

  static Decision of(JobConfig job) {
    if (!job.parents().isEmpty()) {
      return new Scheduler("it runs after its parents");
    }
    if (job.container().cmd().map(TimeVariables::uses).orElse(false)) {
      return new Scheduler("its cmd uses time variables, filled from each run's execution date");
    }
    String schedule = job.schedule().orElse("").trim();
    if (!(JobSchedule.parse(schedule) instanceof JobSchedule.Parsed parsed)) {
      return new Scheduler("its schedule '" + schedule + "' does not parse (see paasta validate)");
    }
    if (parsed.schedule() instanceof JobSchedule.CronSchedule) {
      return new Cron(schedule, job.scheduleTimeZone().orElse("UTC"));
    }
    return repeating((JobSchedule.Repeating) parsed.schedule(), job);
  }

  private static Decision repeating(JobSchedule.Repeating schedule, JobConfig job) {
    if (schedule.repetitions().isPresent()) {
      return new Scheduler("its schedule runs a fixed number of times (R" + count(schedule) + ")");
    }
    LocalDateTime start = schedule.startLocal();
    String zone = job.scheduleTimeZone().orElse("UTC");
    if (job.scheduleTimeZone().isEmpty()) {
      ZoneOffset offset = schedule.writtenOffset().orElse(ZoneOffset.UTC);
      start = start.minusSeconds(offset.getTotalSeconds());
    }
    PeriodDuration period = schedule.period();
    if (period.getPeriod().toTotalMonths() != 0 || start.getSecond() != 0 || start.getNano() != 0) {
      return notCron(schedule);
    }
    Duration length = period.getDuration().plusDays(period.getPeriod().getDays());
    if (length.toSeconds() % 60 != 0) {
      return notCron(schedule);
    }
    long minutes = length.toMinutes();
    int minute = start.getMinute();
    if (minutes < MINUTES_PER_HOUR && MINUTES_PER_HOUR % minutes == 0) {
      return new Cron(steps(minute, (int) minutes, MINUTES_PER_HOUR) + " * * * *", zone);
    }
    if (minutes % MINUTES_PER_HOUR == 0 && MINUTES_PER_DAY % minutes == 0) {
      int hours = (int) (minutes / MINUTES_PER_HOUR);
      return new Cron(minute + " " + steps(start.getHour(), hours, 24) + " * * *", zone);
    }
    if (minutes == MINUTES_PER_WEEK) {
      int weekday = start.getDayOfWeek().getValue() % 7;
      return new Cron(minute + " " + start.getHour() + " * * " + weekday, zone);
    }
    return notCron(schedule);
  }

  /** Every value {@code first mod step}, {@code + step}, ... below {@code limit}, comma-joined. */
  private static String steps(int first, int step, int limit) {
    if (step == 1) {
      return "*";
    }
    List<Integer> values = new ArrayList<>();
    for (int value = first % step; value < limit; value += step) {
      values.add(value);
    }
    return values.stream().map(String::valueOf).collect(Collectors.joining(","));
  }

  private static long count(JobSchedule.Repeating schedule) {
    return schedule.repetitions().getAsLong();
  }

  private static Scheduler notCron(JobSchedule.Repeating schedule) {
    return new Scheduler(
        "cron cannot express its period "
            + schedule.period()
            + " from "
            + schedule.start()
            + " (a period dividing an hour or a day, or one week, at a whole minute)");
  }
}
