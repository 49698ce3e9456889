package io.paasta.config.schedule;

import com.cronutils.model.time.ExecutionTime;
import io.paasta.model.JobConfig;
import io.paasta.model.schedule.RunTimes;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The one place that turns a job's schedule into run times, for {@code paasta validate -v} and for
 * the daemon's scheduler.
 *
 * <p>FIRST VERSION (contract for the scheduler's authors): cron lines through cron-utils, repeating
 * intervals without their repetition count; daylight-saving rules of SPEC section 6 and issue 14
 * still to do.
 */
public final class ScheduleTimes {
  private ScheduleTimes() {}

  /** The job's run times; empty for a job with parents or an invalid schedule. */
  public static Optional<RunTimes> of(JobConfig job) {
    if (job.schedule().isEmpty()) {
      return Optional.empty();
    }
    ZoneId zone = ZoneId.of(job.scheduleTimeZone().orElse("UTC"));
    return of(job.schedule().get(), zone);
  }

  /** The run times of a schedule read in {@code zone}; empty when it does not parse. */
  public static Optional<RunTimes> of(String schedule, ZoneId zone) {
    if (!(JobSchedule.parse(schedule) instanceof JobSchedule.Parsed parsed)) {
      return Optional.empty();
    }
    if (parsed.schedule() instanceof JobSchedule.CronSchedule cron) {
      ExecutionTime times = ExecutionTime.forCron(cron.cron());
      return Optional.of(
          new RunTimes() {
            @Override
            public Optional<Instant> after(Instant t) {
              return times.nextExecution(t.atZone(zone)).map(z -> z.toInstant());
            }

            @Override
            public Optional<Instant> atOrBefore(Instant t) {
              Instant probe = t.plusSeconds(1);
              return times.lastExecution(probe.atZone(zone)).map(z -> z.toInstant());
            }

            @Override
            public Duration interval() {
              Instant now = Instant.now();
              Optional<Instant> a = after(now);
              return a.flatMap(this::after)
                  .map(b -> Duration.between(a.get(), b))
                  .orElse(Duration.ofDays(1));
            }
          });
    }
    JobSchedule.Repeating repeating = (JobSchedule.Repeating) parsed.schedule();
    Instant start =
        java.time.LocalDateTime.parse(repeating.start().replaceAll("(Z|[+-]\\d\\d:?\\d\\d)$", ""))
            .atZone(repeating.start().matches(".*(Z|[+-]\\d\\d:?\\d\\d)$") ? zone : zone)
            .toInstant();
    Duration step =
        repeating
            .period()
            .getDuration()
            .plusDays(
                repeating.period().getPeriod().toTotalMonths() * 30
                    + repeating.period().getPeriod().getDays());
    return Optional.of(
        new RunTimes() {
          @Override
          public Optional<Instant> after(Instant t) {
            if (t.isBefore(start)) {
              return Optional.of(start);
            }
            long k = Duration.between(start, t).toMillis() / step.toMillis() + 1;
            return Optional.of(start.plus(step.multipliedBy(k)));
          }

          @Override
          public Optional<Instant> atOrBefore(Instant t) {
            if (t.isBefore(start)) {
              return Optional.empty();
            }
            long k = Duration.between(start, t).toMillis() / step.toMillis();
            return Optional.of(start.plus(step.multipliedBy(k)));
          }

          @Override
          public Duration interval() {
            return step;
          }
        });
  }

  static final ZoneId UTC = ZoneOffset.UTC;
}
