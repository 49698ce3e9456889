package io.paasta.planning;

import io.paasta.model.WireEnum;
import io.paasta.planning.app.DesiredInstance;
import io.paasta.planning.bounce.BounceDecision;
import io.paasta.planning.bounce.BounceInput;
import io.paasta.planning.bounce.BounceStrategy;
import io.paasta.planning.observed.DrainState;
import io.paasta.planning.observed.HealthState;
import io.paasta.planning.observed.ObservedInstance;
import io.paasta.planning.observed.ObservedTask;
import io.paasta.planning.observed.TaskState;
import io.paasta.planning.plan.Plan;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** One pass for an instance that should run N > 0 tasks of its desired app. */
final class RunningPass {
  private final DesiredInstance desired;
  private final Instant now;
  private final HappinessRule rule;
  private final BounceStrategy strategy;
  private final PlanActions actions = new PlanActions();
  private final List<ObservedTask> newTasks;
  private final List<ObservedTask> oldTasks;

  RunningPass(DesiredInstance desired, ObservedInstance observed, Instant now) {
    this.desired = desired;
    this.now = now;
    this.rule = HappinessRule.of(desired);
    this.strategy = BounceStrategy.of(desired.bounceMethod());
    this.newTasks = select(observed, t -> t.appId().equals(desired.appId()));
    this.oldTasks = select(observed, t -> !t.appId().equals(desired.appId()));
  }

  Plan plan() {
    actions.kill(
        select(newTasks, t -> t.state() == TaskState.CREATED),
        "created but never started (a start interrupted by a daemon crash)");
    actions.kill(
        select(oldTasks, t -> t.state() == TaskState.CREATED),
        "created but never started (a start interrupted by a daemon crash)");
    List<ObservedTask> failed = select(newTasks, t -> isLive(t) && isFailed(t));
    actions.kill(failed, "health check failed too many times; replacing");
    actions.takeOut(
        select(newTasks, t -> isLive(t) && !isFailed(t) && isDraining(t)), "scaled down");
    List<ObservedTask> live = select(newTasks, t -> isLive(t) && !isFailed(t) && !isDraining(t));
    int happy = (int) live.stream().filter(t -> rule.isHappy(t, now)).count();
    BounceDecision decision = bounce(happy);
    scaleDown(live);
    Optional<CrashBackoff.Delay> waiting = startMissing(live.size(), decision);
    removeExited();
    PassStatus status = new PassStatus(desired, happy, live.size(), waiting);
    boolean steady =
        actions.actions().isEmpty()
            && happy == desired.instances()
            && live.size() == desired.instances()
            && oldTasks.isEmpty()
            && newTasks.stream().filter(HappinessRule::isLive).count() == live.size()
            && waiting.isEmpty();
    return new Plan(
        actions.actions(),
        steady,
        recheck(steady, waiting),
        status.describe(oldLive().size(), oldUp(decision), actions.waitingForDrain()));
  }

  /** Continue old drains; ask the bounce method which other old tasks to take out. */
  private BounceDecision bounce(int happy) {
    List<ObservedTask> oldLive = oldLive();
    actions.takeOut(select(oldLive, RunningPass::isDraining), "old app");
    List<ObservedTask> candidates = select(oldLive, t -> !isDraining(t));
    List<ObservedTask> oldHappy = select(candidates, t -> rule.isHappy(t, now));
    List<ObservedTask> oldUnhappy =
        candidates.stream()
            .filter(t -> !rule.isHappy(t, now))
            .sorted(
                Comparator.comparing((ObservedTask t) -> t.state() != TaskState.RUNNING)
                    .thenComparing(InstancePlanner.OLDEST_FIRST))
            .toList();
    BounceDecision decision =
        strategy.decide(
            new BounceInput(
                desired.instances(),
                happy,
                oldHappy.stream().sorted(InstancePlanner.OLDEST_FIRST).toList(),
                oldUnhappy,
                desired.bounceMarginFactor()));
    actions.takeOut(
        decision.drain(),
        method() + " bounce: " + happy + "/" + desired.instances() + " new happy");
    return decision;
  }

  /** More live tasks than desired: take out the extras, unhappy first, then the youngest. */
  private void scaleDown(List<ObservedTask> live) {
    int extra = live.size() - desired.instances();
    if (extra <= 0) {
      return;
    }
    List<ObservedTask> order =
        live.stream()
            .sorted(
                Comparator.comparing((ObservedTask t) -> rule.isHappy(t, now))
                    .thenComparing(InstancePlanner.OLDEST_FIRST.reversed()))
            .toList();
    actions.takeOut(
        order.subList(0, extra),
        "scale down: " + live.size() + " live, " + desired.instances() + " desired");
  }

  /** Starts the missing tasks unless the bounce method or crash backoff holds them back. */
  private Optional<CrashBackoff.Delay> startMissing(int live, BounceDecision decision) {
    int missing = desired.instances() - live;
    if (missing <= 0
        || !decision.startNew()
        || (!strategy.overlapsOldAndNew() && !oldLive().isEmpty())) {
      return Optional.empty();
    }
    Optional<CrashBackoff.Delay> delay =
        CrashBackoff.delay(newTasks, desired.backoffFactor(), desired.maxLaunchDelay(), now);
    if (delay.isEmpty()) {
      String context = oldLive().isEmpty() ? "" : "; " + method() + " bounce";
      actions.start(
          desired.appId(),
          missing,
          desired.run(),
          live + " of " + desired.instances() + " task(s) live" + context);
    }
    return delay;
  }

  /** Keeps the newest exits of the new app as crash history; removes all others. */
  private void removeExited() {
    int keep = CrashBackoff.historyToKeep(desired.backoffFactor(), desired.maxLaunchDelay());
    List<ObservedTask> exits = CrashBackoff.exitsNewestFirst(newTasks);
    if (exits.size() > keep) {
      actions.removeExited(
          exits.subList(keep, exits.size()),
          "beyond the newest " + keep + " exits kept as crash history");
    }
    actions.removeExited(
        select(newTasks, t -> t.state() == TaskState.EXITED && t.finishedAt().isEmpty()),
        "exited without an exit time");
    actions.removeExited(
        select(oldTasks, t -> t.state() == TaskState.EXITED), "exited task of an old app");
  }

  private Optional<Duration> recheck(boolean steady, Optional<CrashBackoff.Delay> waiting) {
    Optional<Duration> progress = InstancePlanner.recheck(steady, actions);
    if (waiting.isEmpty()) {
      return progress;
    }
    Duration remaining = waiting.get().remaining();
    boolean otherWork = !actions.actions().isEmpty() || !oldLive().isEmpty();
    return Optional.of(
        otherWork && progress.isPresent() && progress.get().compareTo(remaining) < 0
            ? progress.get()
            : remaining);
  }

  private int oldUp(BounceDecision decision) {
    return (int)
        oldLive().stream().filter(t -> !isDraining(t) && !decision.drain().contains(t)).count();
  }

  private List<ObservedTask> oldLive() {
    return select(oldTasks, HappinessRule::isLive);
  }

  private String method() {
    return WireEnum.wireName(desired.bounceMethod());
  }

  private static boolean isLive(ObservedTask task) {
    return HappinessRule.isLive(task);
  }

  private static boolean isFailed(ObservedTask task) {
    return task.health() == HealthState.FAILED;
  }

  private static boolean isDraining(ObservedTask task) {
    return task.drain() != DrainState.NOT_DRAINING;
  }

  private static List<ObservedTask> select(List<ObservedTask> tasks, Predicate<ObservedTask> test) {
    return tasks.stream().filter(test).sorted(InstancePlanner.BY_ID).toList();
  }

  private static List<ObservedTask> select(
      ObservedInstance observed, Predicate<ObservedTask> test) {
    return select(observed.tasks(), test);
  }
}
