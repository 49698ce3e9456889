package io.paasta.cli.logs;

import io.paasta.cli.UserException;
import io.paasta.config.logs.LogLine;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The times of {@code paasta logs -a/-t}: ISO 8601 (with an offset, or local time without one, or a
 * date) or a duration ago ({@code 30s}, {@code 5m}, {@code 2h}, {@code 1d3h}, {@code 1w}). Pure.
 */
public final class LogTimes {
  private static final Pattern DURATION = Pattern.compile("(?:(\\d+)([wdhms]))+");
  private static final Pattern PART = Pattern.compile("(\\d+)([wdhms])");

  static final String FORMATS =
      "ISO 8601 such as 2026-01-01T12:00:00Z, 2026-01-01T12:00:00 (local time) or 2026-01-01,"
          + " or a duration ago such as 30s, 5m, 2h, 1d3h, 1w";

  private LogTimes() {}

  /**
   * @param option the flag, for the error message
   * @throws UserException naming the value and the formats that work
   */
  public static Instant parse(String text, String option, Instant now, ZoneId zone) {
    String value = text.trim();
    Optional<Instant> instant =
        ago(value, now)
            .or(() -> LogLine.parseTime(value).filter(t -> hasZone(value)))
            .or(() -> local(value, zone));
    return instant.orElseThrow(
        () ->
            new UserException(option + " '" + text + "' is not a time I can read; use " + FORMATS));
  }

  private static boolean hasZone(String value) {
    return value.endsWith("Z") || value.matches(".*[+-]\\d\\d:?\\d\\d$");
  }

  private static Optional<Instant> ago(String value, Instant now) {
    if (!DURATION.matcher(value).matches()) {
      return Optional.empty();
    }
    Duration total = Duration.ZERO;
    Matcher part = PART.matcher(value);
    while (part.find()) {
      long n = Long.parseLong(part.group(1));
      total =
          total.plus(
              switch (part.group(2)) {
                case "w" -> Duration.ofDays(7 * n);
                case "d" -> Duration.ofDays(n);
                case "h" -> Duration.ofHours(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofSeconds(n);
              });
    }
    return Optional.of(now.minus(total));
  }

  private static Optional<Instant> local(String value, ZoneId zone) {
    try {
      return Optional.of(java.time.LocalDateTime.parse(value).atZone(zone).toInstant());
    } catch (DateTimeParseException e) {
      try {
        return Optional.of(LocalDate.parse(value).atStartOfDay(zone).toInstant());
      } catch (DateTimeParseException again) {
        return Optional.empty();
      }
    }
  }
}
