package io.paasta.config.schedule;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The time variables of a job's {@code cmd} (SPEC section 6): {@code %(shortdate)s}, {@code
 * %(year)s}, ... evaluated at a run's execution date, with {@code %(name-1)s} arithmetic; {@code
 * %%} is a literal {@code %}.
 *
 * <p>FIRST VERSION (contract for the scheduler's authors): no arithmetic, no errors yet.
 */
public final class TimeVariables {
  private TimeVariables() {}

  private static final Pattern VARIABLE = Pattern.compile("%%|%\\((\\w+)\\)s");

  /** True when the cmd uses any time variable (a rerun then needs an execution date). */
  public static boolean uses(String cmd) {
    Matcher m = VARIABLE.matcher(cmd);
    while (m.find()) {
      if (m.group(1) != null) {
        return true;
      }
    }
    return false;
  }

  /** The cmd with its time variables filled from {@code executionDate} (in the job's zone). */
  public static String fill(String cmd, ZonedDateTime executionDate) {
    Matcher m = VARIABLE.matcher(cmd);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value =
          m.group(1) == null
              ? "%"
              : switch (m.group(1)) {
                case "shortdate" -> executionDate.format(DateTimeFormatter.ISO_LOCAL_DATE);
                case "year" -> String.valueOf(executionDate.getYear());
                case "month" -> String.format("%02d", executionDate.getMonthValue());
                case "day" -> String.format("%02d", executionDate.getDayOfMonth());
                case "hour" -> String.format("%02d", executionDate.getHour());
                case "unixtime" -> String.valueOf(executionDate.toEpochSecond());
                case "daynumber" -> String.valueOf(executionDate.getDayOfYear());
                default -> m.group();
              };
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }
}
