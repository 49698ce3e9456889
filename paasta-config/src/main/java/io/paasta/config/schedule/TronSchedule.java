package io.paasta.config.schedule;

import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Tron job schedule as today's tron-*.yaml writes it: {@code cron <expression>}, {@code daily
 * [HH:MM[:SS]] [days]}, {@code interval <span>}, or the dict {@code {type, value, jitter}}. Only
 * whether it parses and has a next run is decided here.
 */
public final class TronSchedule {
  public static final String EXPECTED =
      "'cron <expression>', 'daily [HH:MM[:SS]] [days such as MWF]', 'interval <span such as"
          + " 10m>', or {type: cron|daily|interval, value: ...}";

  private static final Pattern DAILY =
      Pattern.compile("^(?:(\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?\\s*([MTWRFSU]*)$");
  private static final Pattern INTERVAL =
      Pattern.compile(
          "^(\\d+)\\s*(s|sec|secs|seconds?|m|min|mins|minutes?|h|hr|hrs|hours?|d|days?)$");

  private TronSchedule() {}

  /** Why a schedule is refused. */
  public record Invalid(String reason, String expected) {}

  /**
   * Empty when {@code written} is a schedule with a run after {@code now}; else why not.
   *
   * @param written the job's {@code schedule} value (a string or a dict)
   * @param now the current time, in the job's time zone
   */
  public static Optional<Invalid> check(Object written, ZonedDateTime now) {
    String type;
    String value;
    if (written instanceof Map<?, ?> dict) {
      type = String.valueOf(dict.get("type")).trim();
      value = String.valueOf(dict.get("value")).trim();
    } else if (written instanceof String text) {
      String trimmed = text.trim();
      int space = trimmed.indexOf(' ');
      type = space < 0 ? trimmed : trimmed.substring(0, space);
      value = space < 0 ? "" : trimmed.substring(space + 1).trim();
    } else {
      return Optional.of(new Invalid("is not a schedule", EXPECTED));
    }
    return switch (type) {
      case "cron" -> checkCron(value, now);
      case "daily" -> checkDaily(value);
      case "interval" -> checkInterval(value);
      default -> Optional.of(new Invalid("has an unknown schedule type '" + type + "'", EXPECTED));
    };
  }

  private static Optional<Invalid> checkCron(String value, ZonedDateTime now) {
    CronLine line;
    try {
      line = CronLine.parse(value);
    } catch (CronLine.InvalidCron e) {
      return Optional.of(
          new Invalid(
              "is not a cron expression (" + e.getMessage() + ")",
              "cron " + JobSchedule.CRON_EXPECTED));
    }
    if (line.impossible() || line.firstAtOrAfter(now.toLocalDateTime()).isEmpty()) {
      return Optional.of(
          new Invalid("never runs (no date matches it)", "a cron expression with a next run"));
    }
    return Optional.empty();
  }

  private static Optional<Invalid> checkDaily(String value) {
    Matcher m = DAILY.matcher(value);
    if (!m.matches()) {
      return Optional.of(new Invalid("is not a daily schedule", "daily [HH:MM[:SS]] [MTWRFSU]"));
    }
    if (m.group(1) != null
        && (Integer.parseInt(m.group(1)) > 23
            || Integer.parseInt(m.group(2)) > 59
            || (m.group(3) != null && Integer.parseInt(m.group(3)) > 59))) {
      return Optional.of(
          new Invalid("has a time of day that does not exist", "a time from 00:00:00 to 23:59:59"));
    }
    return Optional.empty();
  }

  private static Optional<Invalid> checkInterval(String value) {
    Matcher m = INTERVAL.matcher(value);
    if (!m.matches()) {
      return Optional.of(
          new Invalid("is not an interval", "interval <number><unit>, such as interval 10m"));
    }
    if (Long.parseLong(m.group(1)) == 0) {
      return Optional.of(new Invalid("never runs again (interval 0)", "an interval above 0"));
    }
    return Optional.empty();
  }
}
