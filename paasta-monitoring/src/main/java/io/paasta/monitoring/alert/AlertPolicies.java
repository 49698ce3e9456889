package io.paasta.monitoring.alert;

import io.paasta.model.MonitoringConfig;
import io.paasta.monitoring.check.CheckKind;
import io.paasta.monitoring.check.HumanDuration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@code alert_after}, {@code realert_every} and {@code check_every} of a resolved monitoring
 * config into an {@link AlertPolicy}. A value that cannot be read is reported and replaced by the
 * check's default: bad input never stops monitoring.
 */
public final class AlertPolicies {
  private AlertPolicies() {}

  /** A policy and what was wrong with the config it came from. */
  public record Resolved(AlertPolicy policy, List<String> problems) {}

  public static Resolved resolve(MonitoringConfig monitoring, CheckKind kind) {
    AlertPolicy defaults = AlertPolicy.defaults(kind);
    List<String> problems = new ArrayList<>();
    Duration alertAfter =
        duration(
            monitoring.alertAfter(),
            "alert_after",
            defaults.alertAfter(),
            "the check's default",
            false,
            problems);
    Duration checkEvery =
        duration(
            monitoring.checkEvery(),
            "check_every",
            defaults.checkEvery(),
            HumanDuration.format(defaults.checkEvery()),
            true,
            problems);
    Realert realert = realert(monitoring.realertEvery(), checkEvery, problems);
    return new Resolved(new AlertPolicy(alertAfter, realert, checkEvery), List.copyOf(problems));
  }

  private static Duration duration(
      Optional<String> value,
      String key,
      Duration fallback,
      String fallbackText,
      boolean positive,
      List<String> problems) {
    if (value.isEmpty()) {
      return fallback;
    }
    Optional<Duration> parsed = HumanDuration.parse(value.get());
    if (parsed.isEmpty() || (positive && parsed.get().isZero())) {
      problems.add(
          key
              + ": '"
              + value.get()
              + "' is not a "
              + (positive ? "positive " : "")
              + "duration such as 30s, 2m or 1h (or a number of seconds); using "
              + fallbackText);
      return fallback;
    }
    return parsed.get();
  }

  /**
   * {@code -1} (and {@code 0}, which Yelp's handlers read as -1) is exponential backoff; a positive
   * integer counts evaluations; a duration becomes the number of evaluations it spans.
   */
  private static Realert realert(
      Optional<String> value, Duration checkEvery, List<String> problems) {
    if (value.isEmpty()) {
      return new Realert.Exponential();
    }
    String text = value.get().strip();
    if (text.matches("-?[0-9]{1,9}")) {
      int n = Integer.parseInt(text);
      if (n == -1 || n == 0) {
        return new Realert.Exponential();
      }
      if (n > 0) {
        return new Realert.Every(n);
      }
    } else {
      Optional<Duration> every = HumanDuration.parse(text);
      if (every.isPresent() && !every.get().isZero()) {
        long seconds = every.get().getSeconds();
        long step = Math.max(1, checkEvery.getSeconds());
        long occurrences = (seconds + step - 1) / step;
        return new Realert.Every((int) Math.max(1, Math.min(Integer.MAX_VALUE, occurrences)));
      }
    }
    problems.add(
        "realert_every: '"
            + value.get()
            + "' is not -1 (exponential backoff), a positive number of checks or a duration such"
            + " as 30m; using -1");
    return new Realert.Exponential();
  }
}
