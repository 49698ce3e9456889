package io.paasta.monitoring.alert;

import io.paasta.monitoring.check.CheckKind;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How the results of one check turn into alerts.
 *
 * @param alertAfter a failure is alerted once it has lasted this long ({@code alert_after})
 * @param realert when a continuing failure is alerted again ({@code realert_every})
 * @param checkEvery how often the check is evaluated ({@code check_every}); evaluations that come
 *     sooner are skipped
 */
public record AlertPolicy(Duration alertAfter, Realert realert, Duration checkEvery) {
  public AlertPolicy {
    Objects.requireNonNull(alertAfter, "alertAfter");
    Objects.requireNonNull(realert, "realert");
    Objects.requireNonNull(checkEvery, "checkEvery");
  }

  /** The defaults of a check: its alert_after, exponential re-alerts, every minute. */
  public static AlertPolicy defaults(CheckKind kind) {
    return new AlertPolicy(
        kind.defaultAlertAfter(), new Realert.Exponential(), CheckKind.DEFAULT_CHECK_EVERY);
  }

  /**
   * Whether a check last evaluated at {@code last} is due at {@code now}. A tenth of check_every is
   * forgiven, so that a caller running every minute does not skip every other minute by jitter.
   */
  public boolean isDue(Instant last, Instant now) {
    return !now.isBefore(dueAt(last));
  }

  /** When a check last evaluated at {@code last} is due again. */
  public Instant dueAt(Instant last) {
    return last.plus(checkEvery.minus(checkEvery.dividedBy(10)));
  }
}
