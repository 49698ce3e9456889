package io.paasta.config.schedule;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.threeten.extra.PeriodDuration;

/**
 * A job schedule: an ISO 8601 repeating interval {@code R[n]/<start>/<period>} (Chronos) or a
 * five-field cron expression.
 */
public sealed interface JobSchedule permits JobSchedule.Repeating, JobSchedule.CronSchedule {

  /** The shortest interval a job may run at. */
  Duration MIN_INTERVAL = Duration.ofSeconds(60);

  /**
   * @param repetitions how many runs; empty for unbounded ({@code R/})
   * @param start the first run as written ({@code 2026-01-01T00:00:00Z}, with or without offset):
   *     see {@link ScheduleTimes} for the zone it is read in
   * @param startLocal its date and time, without the offset
   * @param writtenOffset the offset written in it, if any
   */
  record Repeating(
      OptionalLong repetitions,
      String start,
      PeriodDuration period,
      LocalDateTime startLocal,
      Optional<ZoneOffset> writtenOffset)
      implements JobSchedule {}

  /** A cron line; see {@link CronLine}. */
  record CronSchedule(CronLine line) implements JobSchedule {}

  /** The parsed schedule, or why it does not parse. */
  sealed interface Parse permits Parsed, Invalid {}

  record Parsed(JobSchedule schedule) implements Parse {}

  record Invalid(String reason, String expected) implements Parse {}

  String ISO_EXPECTED = "R[n]/<start>/<period> such as R/2016-07-28T00:00:00Z/PT2M";
  String CRON_EXPECTED = "a cron expression such as */5 * * * *";

  static Parse parse(String text) {
    String trimmed = text.trim();
    if (trimmed.startsWith("R")) {
      return parseRepeating(trimmed);
    }
    return parseCron(trimmed);
  }

  private static Parse parseRepeating(String text) {
    String[] parts = text.split("/", -1);
    if (parts.length != 3) {
      return new Invalid("is not an ISO 8601 repeating interval", ISO_EXPECTED);
    }
    OptionalLong repetitions = OptionalLong.empty();
    if (parts[0].length() > 1) {
      try {
        repetitions = OptionalLong.of(Long.parseLong(parts[0].substring(1)));
      } catch (NumberFormatException e) {
        return new Invalid("has an invalid repetition count '" + parts[0] + "'", ISO_EXPECTED);
      }
      if (repetitions.getAsLong() < 0) {
        return new Invalid("has a negative repetition count", ISO_EXPECTED);
      }
    }
    if (repetitions.isPresent() && repetitions.getAsLong() == 0) {
      return new Invalid(
          "never runs (R0 repeats 0 times)", "R for ever, or Rn with n of 1 or more");
    }
    if (parts[1].isEmpty()) {
      return new Invalid("has no start time", ISO_EXPECTED);
    }
    LocalDateTime startLocal;
    Optional<ZoneOffset> offset;
    try {
      if (hasOffset(parts[1])) {
        OffsetDateTime written = OffsetDateTime.parse(parts[1]);
        startLocal = written.toLocalDateTime();
        offset = Optional.of(written.getOffset());
      } else {
        startLocal = LocalDateTime.parse(parts[1]);
        offset = Optional.empty();
      }
    } catch (DateTimeParseException e) {
      return new Invalid("has an invalid start time '" + parts[1] + "'", ISO_EXPECTED);
    }
    PeriodDuration period;
    try {
      period = PeriodDuration.parse(parts[2]);
    } catch (DateTimeParseException e) {
      return new Invalid("has an invalid period '" + parts[2] + "'", ISO_EXPECTED);
    }
    if (shorterThanMinimum(period)) {
      return new Invalid(
          "runs more often than once a minute",
          "a period of at least " + MIN_INTERVAL.toSeconds() + "s");
    }
    return new Parsed(new Repeating(repetitions, parts[1], period, startLocal, offset));
  }

  /** Whether a date-time ends with an offset ({@code Z}, {@code +01:00}), without parsing it. */
  private static boolean hasOffset(String text) {
    int n = text.length();
    char last = text.charAt(n - 1);
    if (last == 'Z' || last == 'z') {
      return true;
    }
    int time = text.indexOf('T');
    for (int back = 3; back <= 9 && back <= n; back += 3) {
      char sign = text.charAt(n - back);
      if ((sign == '+' || sign == '-') && time >= 0 && n - back > time) {
        return true;
      }
    }
    return false;
  }

  private static boolean shorterThanMinimum(PeriodDuration period) {
    if (period.isZero() || period.getPeriod().isNegative() || period.getDuration().isNegative()) {
      return true;
    }
    if (!period.getPeriod().isZero()) {
      return false; // a day, week, month or year
    }
    return period.getDuration().compareTo(MIN_INTERVAL) < 0;
  }

  /** The cron nicknames and what they stand for. */
  Map<String, String> CRON_NICKNAMES = CronLine.NICKNAMES;

  private static Parse parseCron(String written) {
    try {
      return new Parsed(new CronSchedule(CronLine.parse(written)));
    } catch (CronLine.InvalidCron e) {
      return new Invalid(
          "is neither an ISO 8601 repeating interval nor a cron expression ("
              + e.getMessage()
              + ")",
          ISO_EXPECTED + ", or " + CRON_EXPECTED);
    }
  }
}
