package io.paasta.cli.status;

import java.time.Duration;
import java.time.Instant;

/** A time relative to now in words: {@code 3 hours ago}, {@code in 21 hours}, {@code now}. */
final class RelativeTime {
  private RelativeTime() {}

  static String of(Instant then, Instant now) {
    long seconds = Duration.between(now, then).getSeconds();
    if (seconds == 0) {
      return "now";
    }
    String amount = amount(Math.abs(seconds));
    return seconds < 0 ? amount + " ago" : "in " + amount;
  }

  /**
   * The largest whole unit: {@code 45 seconds}, {@code a minute}, {@code 3 hours}, {@code 2 days}.
   */
  private static String amount(long seconds) {
    if (seconds < 60) {
      return count(seconds, "a second", "seconds");
    }
    if (seconds < 3600) {
      return count(seconds / 60, "a minute", "minutes");
    }
    if (seconds < 86400) {
      return count(seconds / 3600, "an hour", "hours");
    }
    return count(seconds / 86400, "a day", "days");
  }

  private static String count(long n, String one, String many) {
    return n == 1 ? one : n + " " + many;
  }
}
