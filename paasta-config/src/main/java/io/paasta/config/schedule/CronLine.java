package io.paasta.config.schedule;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A five-field cron line ({@code minute hour day-of-month month day-of-week}) as Vixie cron reads
 * it: numbers, names ({@code jan}, {@code mon}), ranges, steps ({@code * /5}, {@code 1-10/2},
 * {@code 5/15}), lists, {@code 7} for Sunday, and the nicknames ({@code @daily}...). When both day
 * fields are restricted (neither starts with {@code *}) a day matches either of them, else both.
 * Pure and allocation-light: the scheduler asks it for the next matching local date-time at every
 * pass.
 */
public final class CronLine {
  /** The nicknames and what they stand for. */
  public static final Map<String, String> NICKNAMES =
      Map.of(
          "@yearly", "0 0 1 1 *",
          "@annually", "0 0 1 1 *",
          "@monthly", "0 0 1 * *",
          "@weekly", "0 0 * * 0",
          "@daily", "0 0 * * *",
          "@midnight", "0 0 * * *",
          "@hourly", "0 * * * *");

  /** How far the search for a matching date looks: 8 years hold a 29 February (2096 to 2104). */
  static final int SEARCH_DAYS = 8 * 366 + 1;

  private static final List<String> MONTHS =
      List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");
  private static final List<String> DAYS = List.of("sun", "mon", "tue", "wed", "thu", "fri", "sat");

  private final String text;
  private final long minutes; // bit m: minute m matches
  private final int hours; // bit h
  private final long daysOfMonth; // bit d, 1..31
  private final int months; // bit m, 1..12
  private final int daysOfWeek; // bit d, 0 = Sunday .. 6
  private final boolean dayOfMonthStar;
  private final boolean dayOfWeekStar;
  private final boolean impossible;
  private final boolean dayOfMonthOnly;

  private CronLine(String text, long[] fields, boolean domStar, boolean dowStar) {
    this.text = text;
    this.minutes = fields[0];
    this.hours = (int) fields[1];
    this.daysOfMonth = fields[2];
    this.months = (int) fields[3];
    long dow = fields[4];
    if ((dow & (1L << 7)) != 0) {
      dow |= 1; // 7 is Sunday too
    }
    this.daysOfWeek = (int) (dow & 0x7F);
    this.dayOfMonthStar = domStar;
    this.dayOfWeekStar = dowStar;
    this.impossible = neverMatches();
    this.dayOfMonthOnly = daysOfWeek == 0x7F && (domStar || dowStar);
  }

  /** Why a cron line does not parse. */
  public static final class InvalidCron extends IllegalArgumentException {
    InvalidCron(String message) {
      super(message);
    }
  }

  /**
   * The cron line {@code written} (a nickname or five fields).
   *
   * @throws InvalidCron when it is neither, saying which field is wrong
   */
  public static CronLine parse(String written) {
    String trimmed = written.trim();
    String expanded = NICKNAMES.getOrDefault(trimmed.toLowerCase(Locale.ROOT), trimmed);
    if (expanded.startsWith("@")) {
      throw new InvalidCron("unknown nickname '" + trimmed + "'");
    }
    String[] parts = fields(expanded);
    if (parts.length != 5) {
      throw new InvalidCron("has " + parts.length + " fields, a cron line has 5");
    }
    long[] fields = new long[5];
    fields[0] = field(parts[0], "minute", 0, 59, List.of());
    fields[1] = field(parts[1], "hour", 0, 23, List.of());
    fields[2] = field(parts[2], "day of month", 1, 31, List.of());
    fields[3] = field(parts[3], "month", 1, 12, MONTHS);
    fields[4] = field(parts[4], "day of week", 0, 7, DAYS);
    return new CronLine(expanded, fields, parts[2].startsWith("*"), parts[4].startsWith("*"));
  }

  /** The whitespace-separated fields (no regex: parsed at every scheduler pass). */
  private static String[] fields(String line) {
    List<String> fields = new java.util.ArrayList<>(5);
    int i = 0;
    int n = line.length();
    while (i < n) {
      while (i < n && Character.isWhitespace(line.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && !Character.isWhitespace(line.charAt(i))) {
        i++;
      }
      if (i > start) {
        fields.add(line.substring(start, i));
      }
    }
    return fields.toArray(String[]::new);
  }

  private static long field(String text, String name, int min, int max, List<String> names) {
    long bits = 0;
    for (String item : text.split(",", -1)) {
      bits |= item(item, name, min, max, names);
    }
    return bits;
  }

  private static long item(String item, String name, int min, int max, List<String> names) {
    String range = item;
    int step = 1;
    int slash = item.indexOf('/');
    if (slash >= 0) {
      range = item.substring(0, slash);
      step = number(item.substring(slash + 1), name, 1, max - min + 1, List.of());
    }
    int from;
    int to;
    if (range.equals("*") || range.equals("?")) {
      from = min;
      to = max == 7 ? 6 : max;
    } else {
      int dash = range.indexOf('-', 1);
      if (dash >= 0) {
        from = number(range.substring(0, dash), name, min, max, names);
        to = number(range.substring(dash + 1), name, min, max, names);
        if (to < from) {
          throw new InvalidCron("the " + name + " range '" + range + "' goes backwards");
        }
      } else {
        from = number(range, name, min, max, names);
        to = slash >= 0 ? max : from;
      }
    }
    long bits = 0;
    for (int v = from; v <= to; v += step) {
      bits |= 1L << v;
    }
    return bits;
  }

  private static int number(String text, String name, int min, int max, List<String> names) {
    int index =
        !text.isEmpty() && Character.isLetter(text.charAt(0))
            ? names.indexOf(text.toLowerCase(Locale.ROOT))
            : -1;
    if (index >= 0) {
      return names == MONTHS ? index + 1 : index;
    }
    int value;
    try {
      value = Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new InvalidCron("'" + text + "' is not a " + name);
    }
    if (value < min || value > max) {
      throw new InvalidCron(
          "the " + name + " '" + text + "' is out of range (" + min + "-" + max + ")");
    }
    return value;
  }

  /** The five fields (a nickname expanded). */
  public String text() {
    return text;
  }

  /** Whether it runs more often than once a day (more than one time of day). */
  public boolean subDaily() {
    return Long.bitCount(minutes) * Integer.bitCount(hours) > 1;
  }

  /**
   * Whether no date can ever match: the day of month does not exist in any of its months (such as
   * {@code 0 0 30 2 *}) while the day of week does not widen it.
   */
  public boolean impossible() {
    return impossible;
  }

  private boolean neverMatches() {
    if (!dayOfWeekStar && !dayOfMonthStar) {
      return false; // either one matches: every week has every weekday
    }
    int firstDay = Long.numberOfTrailingZeros(daysOfMonth);
    for (int m = 1; m <= 12; m++) {
      if ((months & (1 << m)) != 0 && firstDay <= Month.of(m).maxLength()) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code date} is a day the line runs on. */
  public boolean matches(LocalDate date) {
    if ((months & (1 << date.getMonthValue())) == 0) {
      return false;
    }
    boolean dom = (daysOfMonth & (1L << date.getDayOfMonth())) != 0;
    boolean dow = (daysOfWeek & (1 << (date.getDayOfWeek().getValue() % 7))) != 0;
    return dayOfMonthStar || dayOfWeekStar ? dom && dow : dom || dow;
  }

  /**
   * The first matching local date-time at or after {@code from} (seconds ignored: a time of
   * 10:00:30 looks from 10:01), within {@link #SEARCH_DAYS}; empty when there is none.
   */
  public Optional<LocalDateTime> firstAtOrAfter(LocalDateTime from) {
    if (impossible) {
      return Optional.empty();
    }
    LocalDateTime start =
        from.getSecond() == 0 && from.getNano() == 0
            ? from
            : from.withSecond(0).withNano(0).plusMinutes(1);
    LocalDate date = start.toLocalDate();
    Optional<LocalTime> sameDay = timeAtOrAfter(start.getHour(), start.getMinute());
    if (matches(date) && sameDay.isPresent()) {
      return Optional.of(date.atTime(sameDay.get()));
    }
    LocalTime first = timeAtOrAfter(0, 0).orElseThrow();
    LocalDate limit = date.plusDays(SEARCH_DAYS);
    date = date.plusDays(1);
    while (date.isBefore(limit)) {
      if ((months & (1 << date.getMonthValue())) == 0) {
        date = date.withDayOfMonth(1).plusMonths(1);
        continue;
      }
      if (matches(date)) {
        return Optional.of(date.atTime(first));
      }
      date = nextCandidateDay(date);
    }
    return Optional.empty();
  }

  /**
   * The day after {@code date} that may match: when only the day of month decides, its next day of
   * month in this month (or the first of the next month); else the next day.
   */
  private LocalDate nextCandidateDay(LocalDate date) {
    if (!dayOfMonthOnly) {
      return date.plusDays(1);
    }
    long later = daysOfMonth & (-1L << (date.getDayOfMonth() + 1));
    int day = later == 0 ? 32 : Long.numberOfTrailingZeros(later);
    return day <= date.lengthOfMonth()
        ? date.withDayOfMonth(day)
        : date.withDayOfMonth(1).plusMonths(1);
  }

  /**
   * The last matching local date-time at or before {@code from}, within {@link #SEARCH_DAYS}; empty
   * when there is none.
   */
  public Optional<LocalDateTime> lastAtOrBefore(LocalDateTime from) {
    if (impossible) {
      return Optional.empty();
    }
    LocalDate date = from.toLocalDate();
    Optional<LocalTime> sameDay = timeAtOrBefore(from.getHour(), from.getMinute());
    if (matches(date) && sameDay.isPresent()) {
      return Optional.of(date.atTime(sameDay.get()));
    }
    LocalTime last = timeAtOrBefore(23, 59).orElseThrow();
    LocalDate limit = date.minusDays(SEARCH_DAYS);
    date = date.minusDays(1);
    while (date.isAfter(limit)) {
      if ((months & (1 << date.getMonthValue())) == 0) {
        date = date.withDayOfMonth(1).minusDays(1);
        continue;
      }
      if (matches(date)) {
        return Optional.of(date.atTime(last));
      }
      date = previousCandidateDay(date);
    }
    return Optional.empty();
  }

  /** The day before {@code date} that may match (see {@link #nextCandidateDay}). */
  private LocalDate previousCandidateDay(LocalDate date) {
    if (!dayOfMonthOnly) {
      return date.minusDays(1);
    }
    long earlier = daysOfMonth & ((1L << date.getDayOfMonth()) - 1) & ~1L;
    return earlier == 0
        ? date.withDayOfMonth(1).minusDays(1)
        : date.withDayOfMonth(63 - Long.numberOfLeadingZeros(earlier));
  }

  private Optional<LocalTime> timeAtOrAfter(int hour, int minute) {
    for (int h = hour; h < 24; h++) {
      if ((hours & (1 << h)) == 0) {
        continue;
      }
      long rest = minutes & (h == hour ? -1L << minute : -1L);
      if (rest != 0) {
        return Optional.of(LocalTime.of(h, Long.numberOfTrailingZeros(rest)));
      }
    }
    return Optional.empty();
  }

  private Optional<LocalTime> timeAtOrBefore(int hour, int minute) {
    for (int h = hour; h >= 0; h--) {
      if ((hours & (1 << h)) == 0) {
        continue;
      }
      long upTo = h == hour ? (minute == 63 ? -1L : (1L << (minute + 1)) - 1) : -1L;
      long rest = minutes & upTo;
      if (rest != 0) {
        return Optional.of(LocalTime.of(h, 63 - Long.numberOfLeadingZeros(rest)));
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return text;
  }
}
