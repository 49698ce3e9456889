package io.paasta.monitoring.alert;

import io.paasta.monitoring.check.CheckResult;
import io.paasta.monitoring.check.CheckStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The alerting rule of one check, pure, stepped by every evaluation. A failure (any status but OK)
 * is alerted by the first evaluation that finds it has lasted {@code alert_after} since its first
 * failing evaluation, whatever {@code check_every} (only a previous event less than check_every ago
 * holds it back). While it goes on, it is alerted again on the attempts {@code realert_every}
 * selects, counted once per check_every, and at once (at the next counted evaluation) when its
 * status changes (WARNING to CRITICAL, say). The first counted OK after an alerted failure resolves
 * it; a failure that was never alerted ends silently. So a check sends at most about one event per
 * check_every, and the first alert of a failure comes on time.
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
    boolean due = prev == null || policy.isDue(prev.countedAt(), now);
    Optional<Instant> failingSince =
        !status.failing()
            ? Optional.empty()
            : Optional.of(prev != null ? prev.failingSince().orElse(now) : now);
    Builder next = new Builder(result, statusSince, now, failingSince, prev);
    if (!status.failing()) {
      if (prev != null && prev.alerted()) {
        return due ? next.counted(0, false).send(Transition.RESOLVE) : next.pending();
      }
      return due ? next.counted(0, false).quiet() : next.pending();
    }
    if (prev != null && prev.alerted()) {
      if (!due) {
        return next.pending();
      }
      boolean changed = prev.countedStatus() != status;
      int attempts = changed ? 1 : prev.attempts() + 1;
      Counted counted = next.counted(attempts, true);
      return changed || policy.realert().alertsAt(attempts)
          ? counted.send(Transition.ALERT)
          : counted.quiet();
    }
    boolean longEnough =
        Duration.between(failingSince.orElseThrow(), now).compareTo(policy.alertAfter()) >= 0;
    boolean quietLongEnough =
        prev == null || prev.lastSent().map(sent -> policy.isDue(sent, now)).orElse(true);
    if (longEnough && quietLongEnough) {
      return next.counted(1, true).send(Transition.ALERT);
    }
    return due ? next.counted(0, false).quiet() : next.pending();
  }

  /**
   * When the check should next be evaluated for its alerts to come on time: a failure not yet
   * alerted at its {@code alert_after}; an alerted one (re-alert or resolve) at its next counted
   * evaluation. Empty while OK and not alerted.
   */
  public static Optional<Instant> nextEvaluation(AlertState state, AlertPolicy policy) {
    if (state.alerted()) {
      return Optional.of(policy.dueAt(state.countedAt()));
    }
    if (state.failingSince().isEmpty()) {
      return Optional.empty();
    }
    Instant alertAt = state.failingSince().get().plus(policy.alertAfter());
    Instant quietUntil = state.lastSent().map(policy::dueAt).orElse(alertAt);
    return Optional.of(alertAt.isAfter(quietUntil) ? alertAt : quietUntil);
  }

  /** The parts of the next state every branch shares. */
  private record Builder(
      CheckResult result,
      Instant statusSince,
      Instant now,
      Optional<Instant> failingSince,
      AlertState prev) {

    /** Not counted toward check_every: attempts, alert and counting stay as they were. */
    Step pending() {
      return new Step(
          state(
              prev.attempts(),
              prev.alerted(),
              prev.countedAt(),
              prev.countedStatus(),
              prev.lastSent()),
          Optional.empty());
    }

    Counted counted(int attempts, boolean alerted) {
      return new Counted(this, attempts, alerted);
    }

    AlertState state(
        int attempts,
        boolean alerted,
        Instant countedAt,
        CheckStatus countedStatus,
        Optional<Instant> lastSent) {
      return new AlertState(
          result.status(),
          result.output(),
          statusSince,
          now,
          failingSince,
          attempts,
          alerted,
          countedAt,
          countedStatus,
          lastSent);
    }
  }

  /** A counted evaluation, sending or not. */
  private record Counted(Builder next, int attempts, boolean alerted) {
    Step send(Transition transition) {
      return new Step(
          next.state(
              attempts, alerted, next.now(), next.result().status(), Optional.of(next.now())),
          Optional.of(transition));
    }

    Step quiet() {
      Optional<Instant> lastSent = next.prev() == null ? Optional.empty() : next.prev().lastSent();
      return new Step(
          next.state(attempts, alerted, next.now(), next.result().status(), lastSent),
          Optional.empty());
    }
  }
}
