package io.paasta.monitoring.alert;

import io.paasta.monitoring.check.CheckResult;
import io.paasta.monitoring.check.CheckStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The alerting rule of one check, pure. A failure (any status but OK) is alerted once it has lasted
 * {@code alert_after}; while it goes on, it is alerted again on the attempts {@code realert_every}
 * selects, and at once when its status changes (WARNING to CRITICAL, say). The first OK after an
 * alerted failure resolves it; a failure that was never alerted ends silently.
 */
public final class AlertStateMachine {
  private AlertStateMachine() {}

  /** The new state, and what to send. */
  public record Step(AlertState state, Optional<Transition> send) {}

  public static Step step(
      Optional<AlertState> previous, CheckResult result, AlertPolicy policy, Instant now) {
    AlertState prev = previous.orElse(null);
    CheckStatus status = result.status();
    Instant statusSince = prev != null && prev.status() == status ? prev.statusSince() : now;
    if (!status.failing()) {
      AlertState ok =
          new AlertState(status, result.output(), statusSince, now, Optional.empty(), 0, false);
      boolean resolves = prev != null && prev.alerted();
      return new Step(ok, resolves ? Optional.of(Transition.RESOLVE) : Optional.empty());
    }
    Instant failingSince =
        prev != null && prev.failingSince().isPresent() ? prev.failingSince().get() : now;
    if (prev != null && prev.alerted()) {
      boolean changed = prev.status() != status;
      int attempts = changed ? 1 : prev.attempts() + 1;
      boolean send = changed || policy.realert().alertsAt(attempts);
      return failing(result, statusSince, now, failingSince, attempts, send);
    }
    boolean longEnough = Duration.between(failingSince, now).compareTo(policy.alertAfter()) >= 0;
    return failing(result, statusSince, now, failingSince, longEnough ? 1 : 0, longEnough);
  }

  private static Step failing(
      CheckResult result,
      Instant statusSince,
      Instant now,
      Instant failingSince,
      int attempts,
      boolean send) {
    AlertState state =
        new AlertState(
            result.status(),
            result.output(),
            statusSince,
            now,
            Optional.of(failingSince),
            attempts,
            attempts > 0);
    return new Step(state, send ? Optional.of(Transition.ALERT) : Optional.empty());
  }
}
