package io.paasta.cli.localrun;

import io.paasta.cli.UserException;
import io.paasta.config.schedule.TimeVariables;
import io.paasta.model.JobConfig;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The attempt of a scheduled job {@code paasta local-run} runs: its execution date (read in the
 * job's {@code schedule_time_zone}) and its {@code cmd} with the time variables of that date filled
 * in, as the daemon fills them for a run. Without {@code --date} the date is now, as PaaSTA's
 * local-run filled them with the current time, and local-run says so. Pure.
 *
 * @param cmd the filled cmd; empty for a job that runs {@code args} (nothing to fill)
 * @param dateGiven whether the date came from {@code --date}
 */
public record JobExecution(
    JobConfig job, ZonedDateTime date, boolean dateGiven, Optional<String> cmd) {
  /** The format of {@code --date}, as {@code paasta rerun --execution_date} takes it. */
  public static final String DATE_FORMAT = "YYYY-MM-DDTHH:MM:SS";

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

  /**
   * @param date {@code --date} as given; empty for now
   * @throws UserException when the date is not in {@link #DATE_FORMAT}
   */
  public static JobExecution of(JobConfig job, Optional<String> date, Clock clock) {
    ZoneId zone = zone(job);
    ZonedDateTime at =
        date.map(text -> ZonedDateTime.ofLocal(parse(text, job, zone), zone, null))
            .orElseGet(
                () -> ZonedDateTime.now(clock.withZone(zone)).truncatedTo(ChronoUnit.SECONDS));
    Optional<String> cmd = job.container().cmd().map(written -> TimeVariables.fill(written, at));
    return new JobExecution(job, at, date.isPresent(), cmd);
  }

  private static ZoneId zone(JobConfig job) {
    try {
      return ZoneId.of(job.scheduleTimeZone().orElse("UTC"));
    } catch (DateTimeException e) {
      return ZoneId.of("UTC"); // validation refuses it before local-run gets here
    }
  }

  private static LocalDateTime parse(String text, JobConfig job, ZoneId zone) {
    try {
      return LocalDateTime.parse(text, DATE);
    } catch (DateTimeParseException e) {
      throw new UserException(
          "--date '"
              + text
              + "' must be in the format "
              + DATE_FORMAT
              + ", such as 2026-01-01T00:00:00 (read in "
              + name(job)
              + "'s schedule_time_zone, "
              + zone
              + ")");
    }
  }

  private static String name(JobConfig job) {
    return job.ref().service() + "." + job.ref().instance();
  }

  /** The progress line: which job, for which execution date, and what it runs. */
  public String describe() {
    String when = date.toLocalDateTime() + " " + date.getZone();
    String head =
        dateGiven
            ? "==> " + name(job) + " for execution date " + when
            : "==> "
                + name(job)
                + " for now, "
                + when
                + " (no --date: its time variables are filled for now)";
    return cmd.map(c -> head + ": " + c).orElse(head);
  }
}
