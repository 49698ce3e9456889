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
 */
public final class InstanceReconciler {
  /** Retry soon after a failed action. */
  static final Duration RETRY_AFTER_ERROR = Duration.ofSeconds(5);

  private final ClusterDesiredState desiredState;
  private final Backend backend;
  private final StatusRegistry status;
  private final DaemonLog log;
  private final Clock clock;
  private final Predicate<InstanceRef> removalAllowed;
  private final PassParticipant participant;
  private final PassMetrics metrics;
  private final PassPlanner planner;

  /**
   * @param removalAllowed whether an instance that soa-configs no longer has may be removed now
   *     (the cleanup guard's answer)
   * @param metrics records each pass's duration and the instance's task counts
   */
  public InstanceReconciler(
      ClusterDesiredState desiredState,
      Backend backend,
      StatusRegistry status,
      DaemonLog log,
      Clock clock,
      Predicate<InstanceRef> removalAllowed,
      PassMetrics metrics,
      PassParticipant participant) {
    this.participant = participant;
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
    ObservedInstance observed;
    Plan plan;
    Optional<String> error;
    int rounds = 0;
    do {
      // a drain that is safe at once (noop) is followed by its kill in the same pass
      PassPlanner.Planned planned = planner.plan(ref, inConfig, config);
      observed = planned.observed();
      plan = planned.plan();
      error = execute(subject, ref, plan, superseded);
      rounds++;
    } while (error.isEmpty()
        && hasDrains(plan)
        && rounds < MAX_ROUNDS
        && !superseded.getAsBoolean());
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
    return error.isPresent() ? Optional.of(RETRY_AFTER_ERROR) : plan.recheckAfter();
  }

  /** Rounds of plan-and-execute in one pass while drains may be followed by kills at once. */
  static final int MAX_ROUNDS = 3;

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
