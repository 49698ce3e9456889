package io.paasta.planning;

import io.paasta.planning.app.DesiredInstance;
import io.paasta.planning.observed.ObservedInstance;
import io.paasta.planning.observed.ObservedTask;
import io.paasta.planning.observed.TaskState;
import io.paasta.planning.plan.Plan;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The pure planner of one long-running instance: {@code plan(desired, observed, now)} says what one
 * pass does. No I/O, no clock; the same inputs give the same plan, and a plan computed after a
 * crash from what the engine shows carries on where the last one stopped.
 *
 * <ul>
 *   <li>desired empty (no longer in soa-configs, or not deployed) or 0 tasks (stopped): every task
 *       is drained and killed (the "down" method), exited ones removed;
 *   <li>otherwise the new app (id == desired app id) is kept at N live tasks: FAILED tasks killed
 *       and replaced, missing ones started (when the bounce method and crash backoff allow), extras
 *       drained (unhappy first); tasks of other apps are drained as the bounce method says.
 * </ul>
 */
public final class InstancePlanner {
  /** When to look again while a bounce, scale or start is in progress. */
  public static final Duration PROGRESS_RECHECK = Duration.ofSeconds(2);

  /** When to look again after asking to drain (a noop drain is safe to kill at once). */
  public static final Duration AFTER_DRAIN_RECHECK = Duration.ofSeconds(1);

  private InstancePlanner() {}

  public static Plan plan(
      Optional<DesiredInstance> desired, ObservedInstance observed, Instant now) {
    if (desired.isEmpty()) {
      return planDown(observed, "not in soa-configs or not deployed", "no tasks", "removing");
    }
    if (desired.get().instances() <= 0) {
      return planDown(observed, "instance stopped", "stopped", "stopping");
    }
    return new RunningPass(desired.get(), observed, now).plan();
  }

  /**
   * As {@link #plan}, knowing whether soa-configs has the instance: one it has without a desired
   * app is not deployed, and {@link #planNotDeployed left alone}; one it no longer has is removed.
   */
  public static Plan plan(
      boolean inSoaConfigs,
      Optional<DesiredInstance> desired,
      ObservedInstance observed,
      Instant now) {
    return inSoaConfigs && desired.isEmpty()
        ? planNotDeployed(observed)
        : plan(desired, observed, now);
  }

  /**
   * An instance that soa-configs has but that is not deployed (its deploy group has no image in
   * deployments.json, or deployments.json is gone): as in PaaSTA, its tasks are left alone, and
   * reported.
   */
  public static Plan planNotDeployed(ObservedInstance observed) {
    long live = observed.tasks().stream().filter(t -> t.state() != TaskState.EXITED).count();
    String status =
        live == 0 ? "not deployed" : "not deployed: " + live + " task(s) left running as they are";
    return new Plan(List.of(), true, Optional.empty(), status);
  }

  /** Drain and kill every live task, remove every exited one. */
  static Plan planDown(ObservedInstance observed, String why, String doneStatus, String verb) {
    PlanActions actions = new PlanActions();
    List<ObservedTask> live =
        observed.tasks().stream().filter(t -> t.state() != TaskState.EXITED).sorted(BY_ID).toList();
    actions.takeOut(live, why);
    actions.removeExited(
        observed.tasks().stream().filter(t -> t.state() == TaskState.EXITED).sorted(BY_ID).toList(),
        "exited; " + why);
    boolean steady = live.isEmpty() && actions.actions().isEmpty();
    String status =
        live.isEmpty() ? doneStatus : verb + ": " + live.size() + " task(s) left (" + why + ")";
    return new Plan(actions.actions(), steady, recheck(steady, actions), status);
  }

  /** Empty when steady; sooner after a drain request. */
  static Optional<Duration> recheck(boolean steady, PlanActions actions) {
    if (steady) {
      return Optional.empty();
    }
    return Optional.of(actions.hasDrains() ? AFTER_DRAIN_RECHECK : PROGRESS_RECHECK);
  }

  static final Comparator<ObservedTask> BY_ID = Comparator.comparing(ObservedTask::id);

  /** Oldest start first (not yet started last), then by id. */
  static final Comparator<ObservedTask> OLDEST_FIRST =
      Comparator.comparing(
              (ObservedTask t) -> t.startedAt().orElse(Instant.MAX), Comparator.naturalOrder())
          .thenComparing(ObservedTask::id);
}
