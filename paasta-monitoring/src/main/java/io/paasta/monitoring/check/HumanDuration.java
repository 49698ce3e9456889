package io.paasta.monitoring.check;

import java.time.Duration;
import java.util.Optional;

/**
 * Durations as monitoring.yaml writes them ({@code alert_after: 2m}): a plain number of seconds, or
 * a sequence of {@code <number><unit>} with the units of pysensu-yelp: {@code s}, {@code m}
 * (minutes), {@code h}, {@code d}/{@code D}, {@code w}/{@code W}, {@code M} (30 days), {@code Y}
 * (365 days). E.g. {@code 30s}, {@code 10m}, {@code 1h30m}.
 */
public final class HumanDuration {
  private HumanDuration() {}

  /** The duration, or empty when the text is not one. */
  public static Optional<Duration> parse(String text) {
    String s = text.strip();
    if (s.isEmpty()) {
      return Optional.empty();
    }
    if (s.chars().allMatch(Character::isDigit)) {
      return seconds(s, 1);
    }
    long total = 0;
    int i = 0;
    while (i < s.length()) {
      int start = i;
      while (i < s.length() && Character.isDigit(s.charAt(i))) {
        i++;
      }
      if (i == start || i == s.length()) {
        return Optional.empty();
      }
      long unit = unitSeconds(s.charAt(i));
      Optional<Duration> part = unit == 0 ? Optional.empty() : seconds(s.substring(start, i), unit);
      if (part.isEmpty()) {
        return Optional.empty();
      }
      total = Math.addExact(total, part.get().getSeconds());
      i++;
    }
    return Optional.of(Duration.ofSeconds(total));
  }

  private static Optional<Duration> seconds(String digits, long unit) {
    try {
      return Optional.of(Duration.ofSeconds(Math.multiplyExact(Long.parseLong(digits), unit)));
    } catch (NumberFormatException | ArithmeticException e) {
      return Optional.empty();
    }
  }

  private static long unitSeconds(char unit) {
    return switch (unit) {
      case 's' -> 1;
      case 'm' -> 60;
      case 'h' -> 3600;
      case 'd', 'D' -> 86_400;
      case 'w', 'W' -> 7 * 86_400;
      case 'M' -> 30 * 86_400;
      case 'Y' -> 365 * 86_400;
      default -> 0;
    };
  }

  /** A short form for messages: {@code 45s}, {@code 14m}, {@code 2h5m}, {@code 3d}. */
  public static String format(Duration duration) {
    long total = Math.max(0, duration.getSeconds());
    if (total == 0) {
      return "0s";
    }
    StringBuilder text = new StringBuilder();
    long[] units = {86_400, 3600, 60, 1};
    String[] names = {"d", "h", "m", "s"};
    for (int i = 0; i < units.length; i++) {
      if (total >= units[i]) {
        text.append(total / units[i]).append(names[i]);
        total %= units[i];
      }
    }
    return text.toString();
  }
}
