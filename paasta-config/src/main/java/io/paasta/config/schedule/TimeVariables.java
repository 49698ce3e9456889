package io.paasta.config.schedule;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The time variables of a job's {@code cmd} (SPEC section 6), filled as PaaSTA filled them:
 * Python's {@code cmd % context}, where the context answers {@code shortdate} ({@code %Y-%m-%d}),
 * {@code year}, {@code month}, {@code day}, {@code hour} (text, zero-padded) and {@code unixtime},
 * {@code daynumber} (numbers), each with optional arithmetic {@code %(shortdate-1)s}: days for
 * {@code shortdate}, else the variable's own unit (months and years in the calendar: {@code
 * %(month-1)s} of 31 March is 02). {@code %%} is a literal {@code %}. {@code daynumber} is the day
 * of the year (SPEC; Tron's context counted days since year 1).
 *
 * <p>Python's conversion syntax is read in full ({@code %(year)s}, {@code %(unixtime)d}, {@code
 * %(hour)5s}, {@code %(day)-4s}, {@code %(unixtime)x}...). A cmd Python's {@code %} refuses (an
 * unknown name, {@code %(} never closed, a lone {@code %} at the end or before a character that is
 * no conversion, {@code %(year)d} of a text value) is {@link UnparseableCommand unparseable}. So is
 * a conversion without a name ({@code %s}, {@code %d}): Python would print the context object
 * itself there, which no job means; and {@code %g}/{@code %G}, whose output this port does not
 * reproduce.
 */
public final class TimeVariables {
  private TimeVariables() {}

  /** The names a cmd may use. */
  public static final String NAMES = "shortdate, year, month, day, hour, unixtime, daynumber";

  private static final Pattern KEY =
      Pattern.compile("(shortdate|year|month|day|hour|unixtime|daynumber)(?:([+-]\\d{1,9}))?");
  private static final DateTimeFormatter SHORTDATE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT);

  /** A cmd whose time variables cannot be filled; its message is PaaSTA's validation error. */
  public static final class UnparseableCommand extends IllegalArgumentException {
    private final String cmd;
    private final String reason;

    UnparseableCommand(String cmd, String reason) {
      super(message(cmd));
      this.cmd = cmd;
      this.reason = reason;
    }

    /** {@code Unparseable command '<cmd>'. Hint: do you need to escape % chars?} */
    public static String message(String cmd) {
      return "Unparseable command '" + cmd + "'. Hint: do you need to escape % chars?";
    }

    public String cmd() {
      return cmd;
    }

    /** What exactly is wrong, such as {@code unknown time variable 'date'}. */
    public String reason() {
      return reason;
    }
  }

  /**
   * True when the cmd uses any time variable (a rerun then needs an execution date). A cmd that
   * does not parse uses none.
   */
  public static boolean uses(String cmd) {
    for (int i = cmd.indexOf('%'); i >= 0 && i + 1 < cmd.length(); i = cmd.indexOf('%', i + 2)) {
      if (cmd.charAt(i + 1) == '(') {
        return true;
      }
    }
    return false;
  }

  /**
   * The cmd with its time variables filled from {@code executionDate} (in the job's zone).
   *
   * @throws UnparseableCommand when Python's {@code %} would refuse it (see the class comment)
   */
  public static String fill(String cmd, ZonedDateTime executionDate) {
    StringBuilder out = new StringBuilder(cmd.length() + 16);
    int i = 0;
    int n = cmd.length();
    while (i < n) {
      char c = cmd.charAt(i++);
      if (c != '%') {
        out.append(c);
        continue;
      }
      String key = null;
      if (i < n && cmd.charAt(i) == '(') {
        int depth = 1;
        int keyStart = ++i;
        while (i < n && depth > 0) {
          char k = cmd.charAt(i++);
          depth += k == '(' ? 1 : k == ')' ? -1 : 0;
        }
        if (depth > 0) {
          throw new UnparseableCommand(cmd, "'%(' is never closed");
        }
        key = cmd.substring(keyStart, i - 1);
      }
      int specStart = i;
      while (i < n && "-+ #0".indexOf(cmd.charAt(i)) >= 0) {
        i++;
      }
      String flags = cmd.substring(specStart, i);
      int widthStart = i;
      while (i < n && Character.isDigit(cmd.charAt(i))) {
        i++;
      }
      String width = cmd.substring(widthStart, i);
      String precision = "";
      if (i < n && cmd.charAt(i) == '.') {
        int precisionStart = ++i;
        while (i < n && Character.isDigit(cmd.charAt(i))) {
          i++;
        }
        precision =
            cmd.substring(precisionStart, i).isEmpty() ? "0" : cmd.substring(precisionStart, i);
      }
      while (i < n && "hlL".indexOf(cmd.charAt(i)) >= 0) {
        i++;
      }
      if (i >= n) {
        throw new UnparseableCommand(cmd, "the '%' at the end is incomplete (write %% for a %)");
      }
      char conversion = cmd.charAt(i++);
      if (conversion == '%') {
        out.append('%');
        continue;
      }
      if ("srdiuoxXeEfFc".indexOf(conversion) < 0) {
        throw new UnparseableCommand(
            cmd,
            ("*aAgG".indexOf(conversion) >= 0 ? "the conversion '%" : "the character after '%")
                + conversion
                + "' is not supported (write %% for a %)");
      }
      if (key == null) {
        throw new UnparseableCommand(
            cmd,
            "'%" + conversion + "' names no time variable (%(name)s with one of " + NAMES + ")");
      }
      Object value = value(cmd, key, executionDate);
      out.append(convert(cmd, value, conversion, flags, width, precision));
    }
    return out.toString();
  }

  private static Object value(String cmd, String key, ZonedDateTime date) {
    Matcher m = KEY.matcher(key);
    if (!m.matches()) {
      throw new UnparseableCommand(
          cmd, "unknown time variable '" + key + "' (known: " + NAMES + ", with +N or -N)");
    }
    long delta = m.group(2) == null ? 0 : Long.parseLong(m.group(2));
    return switch (m.group(1)) {
      case "shortdate" -> date.plusDays(delta).format(SHORTDATE);
      case "year" -> String.format(Locale.ROOT, "%04d", date.plusYears(delta).getYear());
      case "month" -> String.format(Locale.ROOT, "%02d", date.plusMonths(delta).getMonthValue());
      case "day" -> String.format(Locale.ROOT, "%02d", date.plusDays(delta).getDayOfMonth());
      case "hour" -> String.format(Locale.ROOT, "%02d", date.plusHours(delta).getHour());
      case "unixtime" -> date.toEpochSecond() + delta;
      default -> (long) date.getDayOfYear() + delta; // daynumber
    };
  }

  private static String convert(
      String cmd, Object value, char conversion, String flags, String width, String precision) {
    boolean left = flags.indexOf('-') >= 0;
    int minWidth = width.isEmpty() ? 0 : Integer.parseInt(width);
    String text;
    switch (conversion) {
      case 's', 'r' -> {
        text = conversion == 'r' && value instanceof String s ? "'" + s + "'" : value.toString();
        if (!precision.isEmpty() && Integer.parseInt(precision) < text.length()) {
          text = text.substring(0, Integer.parseInt(precision));
        }
        return pad(text, minWidth, left);
      }
      case 'c' -> {
        if (value instanceof Long number && number >= 0 && number <= Character.MAX_CODE_POINT) {
          return pad(Character.toString(number.intValue()), minWidth, left);
        }
        throw new UnparseableCommand(cmd, "'%c' needs a number or a single character");
      }
      default -> {
        if (!(value instanceof Long number)) {
          throw new UnparseableCommand(
              cmd, "'%" + conversion + "' needs a number and '" + value + "' is text (use s)");
        }
        String javaConversion = "diu".indexOf(conversion) >= 0 ? "d" : String.valueOf(conversion);
        Object argument = "eEfF".indexOf(conversion) >= 0 ? (Object) number.doubleValue() : number;
        String javaFlags = flags.replaceAll("(.)(?=.*\\1)", "");
        if (javaFlags.contains("-") && javaFlags.contains("0")) {
          javaFlags = javaFlags.replace("0", "");
        }
        if (javaFlags.contains("+") && javaFlags.contains(" ")) {
          javaFlags = javaFlags.replace(" ", "");
        }
        if (javaConversion.equals("d")) {
          javaFlags = javaFlags.replace("#", "");
        }
        if ((javaFlags.contains("-") || javaFlags.contains("0")) && minWidth == 0) {
          javaFlags = javaFlags.replace("-", "").replace("0", "");
        }
        String spec =
            "%"
                + javaFlags
                + (minWidth > 0 ? String.valueOf(minWidth) : "")
                + ("eEfF".indexOf(conversion) >= 0 && !precision.isEmpty() ? "." + precision : "")
                + (conversion == 'F' ? "f" : javaConversion);
        return String.format(Locale.ROOT, spec, argument);
      }
    }
  }

  private static String pad(String text, int width, boolean left) {
    if (text.length() >= width) {
      return text;
    }
    String spaces = " ".repeat(width - text.length());
    return left ? text + spaces : spaces + text;
  }
}
