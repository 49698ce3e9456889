package io.paasta.server.loop;

import io.paasta.model.InstanceRef;
import io.paasta.model.LongRunningConfig;
import io.paasta.planning.app.DesiredInstance;
import io.paasta.planning.backend.Backend;
import io.paasta.planning.backend.BackendException;
import io.paasta.planning.observed.ObservedInstance;
import io.paasta.planning.plan.Action;
import io.paasta.planning.plan.Plan;
import io.paasta.planning.plan.PlanPrinter;
import io.paasta.server.DaemonLog;
import io.paasta.server.desired.ClusterDesiredState;
import io.paasta.server.status.InstanceStatus;
import io.paasta.server.status.PassBackoff;
import io.paasta.server.status.PassMetrics;
import io.paasta.server.status.StatusRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One pass for one instance: read desired and observed state afresh, ask the pure planner for a
 * plan ({@link PassPlanner}, the step {@code paasta plan} runs too), log it, execute it.
 * Level-triggered: nothing is remembered between passes, so a crash at any point is recovered by
 * the next pass.
 *
 * <p>A pass that fails is tried again with a per-instance exponential backoff ({@link
 * PassBackoffPolicy}). Meanwhile passes still come (periodic ones, task events, alert times): they
 * observe, let the participants act (SmartStack keeps registering the healthy tasks, monitoring
 * keeps evaluating) and plan, but carry out no action until the backoff is over or the instance's
 * desired state changes. The backoff is kept in memory only (in the {@link StatusRegistry}): it is
 * short-lived scheduling state, and a restarted daemon simply tries at once.
 */
public final class InstanceReconciler {

  private final ClusterDesiredState desiredState;
  private final Backend backend;
  private final StatusRegistry status;
  private final DaemonLog log;
  private final Clock clock;
  private final Predicate<InstanceRef> removalAllowed;
  private final PassParticipant participant;
  private final PassMetrics metrics;
  private final PassPlanner planner;
  private final PassBackoffPolicy backoffPolicy;

  /**
   * @param removalAllowed whether an instance that soa-configs no longer has may be removed now
   *     (the cleanup guard's answer)
   * @param metrics records each pass's duration and the instance's task counts
   * @param backoffPolicy when a failed pass is tried again
   */
  public InstanceReconciler(
      ClusterDesiredState desiredState,
      Backend backend,
      StatusRegistry status,
      DaemonLog log,
      Clock clock,
      Predicate<InstanceRef> removalAllowed,
      PassMetrics metrics,
      PassParticipant participant,
      PassBackoffPolicy backoffPolicy) {
    this.participant = participant;
    this.backoffPolicy = backoffPolicy;
    this.desiredState = desiredState;
    this.backend = backend;
    this.status = status;
    this.log = log;
    this.clock = clock;
    this.removalAllowed = removalAllowed;
    this.metrics = metrics;
    this.planner = new PassPlanner(backend, participant, log, clock);
  }

  /** Runs one pass; returns when the next pass should come, if sooner than the periodic one. */
  public Optional<Duration> reconcile(InstanceRef ref) {
    Optional<Optional<DesiredInstance>> inConfig = desiredState.of(ref);
    if (inConfig.isEmpty()
        && (desiredState.unknownServices().contains(ref.service()) || !removalAllowed.test(ref))) {
      return Optional.empty(); // not ours to touch now
    }
    long started = System.nanoTime();
    Optional<DesiredInstance> desired = inConfig.orElse(Optional.empty());
    long generation = desiredState.generation(ref.service());
    java.util.function.BooleanSupplier superseded =
        () -> desiredState.generation(ref.service()) != generation;
    Optional<LongRunningConfig> config = desiredState.config(ref);
    String subject = ref.service() + "." + ref.instance();
    PassBackoff.DesiredKey key =
        new PassBackoff.DesiredKey(generation, inConfig.isPresent(), desired);
    Optional<PassBackoff> backoff = status.backoffOf(ref);
    Optional<Duration> hold = backoffPolicy.holdFor(backoff, key, clock.instant());
    ObservedInstance observed;
    Plan plan;
    Optional<String> error;
    int rounds = 0;
    do {
      // a drain that is safe at once (noop) is followed by its kill in the same pass
      PassPlanner.Planned planned = planner.plan(ref, inConfig, config);
      observed = planned.observed();
      plan = planned.plan();
      // held back: nothing is done (a plan with nothing to do is a pass that succeeds)
      boolean held = hold.isPresent() && !plan.actions().isEmpty();
      error =
          held
              ? backoff.map(PassBackoff::error)
              : checkedExecute(subject, ref, desired, observed, plan, superseded);
      rounds++;
    } while (hold.isEmpty()
        && error.isEmpty()
        && hasDrains(plan)
        && rounds < MAX_ROUNDS
        && !superseded.getAsBoolean());
    Plan last = plan;
    Optional<Duration> next =
        afterPass(subject, ref, key, hold.filter(h -> !last.actions().isEmpty()), error, plan);
    String summary = plan.status();
    boolean changed =
        status.of(ref).map(previous -> !previous.summary().equals(summary)).orElse(true);
    if (changed && plan.actions().isEmpty()) {
      log.info(subject, summary);
    }
    if (inConfig.isEmpty() && observed.tasks().isEmpty()) {
      status.forget(ref);
      metrics.forget(ref);
    } else {
      metrics.passDone(
          ref, desired, observed, Duration.ofNanos(System.nanoTime() - started), clock.instant());
      status.record(
          new InstanceStatus(
              ref,
              clock.instant(),
              summary,
              plan.steady(),
              desired.map(DesiredInstance::appId),
              error));
    }
    PassResult result =
        new PassResult(ref, config, desired, observed, plan, error, summary, clock.instant());
    try {
      participant.passed(result);
    } catch (RuntimeException e) {
      log.error(subject, "after the pass: " + e);
    }
    return next;
  }

  /**
   * Steps the instance's backoff after a pass; returns when the next pass should come. A pass held
   * back by the backoff leaves it as it is.
   */
  private Optional<Duration> afterPass(
      String subject,
      InstanceRef ref,
      PassBackoff.DesiredKey key,
      Optional<Duration> hold,
      Optional<String> error,
      Plan plan) {
    if (hold.isPresent()) {
      Duration left = hold.get();
      return Optional.of(plan.recheckAfter().filter(r -> r.compareTo(left) < 0).orElse(left));
    }
    if (error.isPresent()) {
      return Optional.of(failed(subject, ref, key, error.get()));
    }
    status.endBackoff(ref);
    return plan.recheckAfter();
  }

  /**
   * A pass that threw (a bug met, or the engine gone while observing): logs it and returns when to
   * try again, by the same backoff as a failed action. A pass that was held back anyway does not
   * count as one more failure.
   */
  public Duration passThrew(InstanceRef ref, RuntimeException e) {
    String subject = ref.service() + "." + ref.instance();
    log.error(subject, "pass failed: " + e);
    PassBackoff.DesiredKey key = desiredKeyNow(ref);
    Optional<Duration> hold = backoffPolicy.holdFor(status.backoffOf(ref), key, clock.instant());
    return hold.orElseGet(() -> failed(subject, ref, key, "pass failed: " + e));
  }

  private PassBackoff.DesiredKey desiredKeyNow(InstanceRef ref) {
    try {
      Optional<Optional<DesiredInstance>> inConfig = desiredState.of(ref);
      return new PassBackoff.DesiredKey(
          desiredState.generation(ref.service()),
          inConfig.isPresent(),
          inConfig.orElse(Optional.empty()));
    } catch (RuntimeException e) {
      return new PassBackoff.DesiredKey(-1, false, Optional.empty()); // what threw, perhaps
    }
  }

  /** Every instance's next pass acts at once (the engine is back after it was away). */
  public void endAllBackoffs() {
    status.endAllBackoffs();
  }

  private Duration failed(
      String subject, InstanceRef ref, PassBackoff.DesiredKey key, String error) {
    PassBackoff backoff =
        backoffPolicy.afterFailure(ref, status.backoffOf(ref), key, error, clock.instant());
    status.backoff(backoff);
    log.warn(
        subject,
        "pass failed "
            + backoff.failures()
            + " time(s) in a row; next try in "
            + backoff.delay().toSeconds()
            + " s");
    return backoff.delay();
  }

  /** Rounds of plan-and-execute in one pass while drains may be followed by kills at once. */
  static final int MAX_ROUNDS = 3;

  /**
   * Carries out the plan, unless it would start the desired app or take down an older one while the
   * desired app's tasks could not start ({@link BounceGuard}): then nothing is done.
   */
  private Optional<String> checkedExecute(
      String subject,
      InstanceRef ref,
      Optional<DesiredInstance> desired,
      ObservedInstance observed,
      Plan plan,
      java.util.function.BooleanSupplier superseded) {
    if (BounceGuard.needsCheck(plan, observed, desired)) {
      try {
        backend.checkStartable(ref, desired.orElseThrow().run());
      } catch (BackendException e) {
        String error =
            "app " + desired.get().appId() + " cannot start, nothing done: " + e.getMessage();
        log.error(subject, error);
        return Optional.of(error);
      }
    }
    return execute(subject, ref, plan, superseded);
  }

  private Optional<String> execute(
      String subject, InstanceRef ref, Plan plan, java.util.function.BooleanSupplier superseded) {
    for (Action action : plan.actions()) {
      log.info(subject, PlanPrinter.describe(action));
      try {
        backend.execute(ref, action, superseded);
      } catch (BackendException e) {
        log.error(subject, e.getMessage());
        return Optional.of(e.getMessage()); // the next pass re-plans from what is there
      }
      if (superseded.getAsBoolean()) {
        log.info(subject, "a newer config supersedes the rest of this plan");
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  private static boolean hasDrains(Plan plan) {
    return plan.actions().stream().anyMatch(Action.DrainTasks.class::isInstance);
  }
}
