package io.paasta.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.paasta.model.BounceMethod;
import io.paasta.planning.app.DesiredInstance;
import io.paasta.planning.observed.DrainState;
import io.paasta.planning.observed.ObservedInstance;
import io.paasta.planning.observed.ObservedTask;
import io.paasta.planning.plan.Action;
import io.paasta.planning.plan.Plan;
import io.paasta.planning.testing.ConfigFixture;
import io.paasta.planning.testing.FakeEngine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Passes of the planner against a simulated engine, time moving on by each plan's recheck: the
 * order that defines each bounce method holds at every pass, and every bounce ends steady with only
 * the new app's N tasks.
 */
class BounceSimulationTest {
  private static final String OLD = "svc.main.gitfedcba98.config00000000";
  private static final int MAX_PASSES = 200;

  private final ConfigFixture fixture = new ConfigFixture();
  private FakeEngine engine;

  /** Runs passes until steady; {@code check} sees each observation with the plan made from it. */
  private List<Plan> converge(DesiredInstance desired, BiConsumer<ObservedInstance, Plan> check) {
    List<Plan> plans = new ArrayList<>();
    for (int pass = 0; pass < MAX_PASSES; pass++) {
      ObservedInstance observed = engine.observe();
      Plan plan = InstancePlanner.plan(Optional.of(desired), observed, engine.now);
      check.accept(observed, plan);
      plans.add(plan);
      if (plan.steady()) {
        assertThat(observed.tasks()).hasSize(desired.instances());
        assertThat(observed.tasks()).allMatch(t -> t.appId().equals(desired.appId()));
        return plans;
      }
      engine.apply(plan);
      engine.advance(plan.recheckAfter().orElseThrow());
    }
    return fail("not steady after " + MAX_PASSES + " passes: " + plans.get(plans.size() - 1));
  }

  private DesiredInstance bounceFrom(BounceMethod method, int oldTasks) {
    fixture.bounceMethod = method;
    engine = new FakeEngine(fixture.ref());
    engine.seed(OLD, oldTasks);
    return fixture.desired();
  }

  /** Live tasks of {@code appId}. */
  private static long count(ObservedInstance observed, String appId) {
    return observed.tasks().stream()
        .filter(t -> t.appId().equals(appId))
        .filter(HappinessRule::isLive)
        .count();
  }

  private long happy(ObservedInstance observed, DesiredInstance desired, boolean newApp) {
    HappinessRule rule = HappinessRule.of(desired);
    return observed.tasks().stream()
        .filter(t -> t.appId().equals(desired.appId()) == newApp)
        .filter(t -> rule.isHappy(t, engine.now))
        .count();
  }

  @ParameterizedTest(name = "N={0} margin={1}")
  @CsvSource({"3, 1.0", "4, 0.5", "5, 0.7", "1, 1.0"})
  void crossoverNeverHasFewerThanCeilNTimesMarginHappyTasks(int n, double margin) {
    fixture.instances = n;
    fixture.margin = margin;
    DesiredInstance desired = bounceFrom(BounceMethod.CROSSOVER, n);
    long floor = (long) Math.ceil(n * margin);
    converge(
        desired,
        (observed, plan) ->
            assertThat(happy(observed, desired, true) + happy(observed, desired, false))
                .as("happy tasks at %s", engine.now)
                .isGreaterThanOrEqualTo(floor));
  }

  @Test
  void upThenDownDrainsNothingUntilAllNewTasksAreHappy() {
    DesiredInstance desired = bounceFrom(BounceMethod.UPTHENDOWN, 3);
    converge(
        desired,
        (observed, plan) -> {
          boolean oldTouched =
              observed.tasks().stream()
                  .anyMatch(t -> !t.appId().equals(desired.appId()) && isDraining(t));
          if (takesOutOldTasks(plan, observed, desired) || oldTouched) {
            assertThat(happy(observed, desired, true)).isEqualTo(3);
          } else if (happy(observed, desired, true) < 3) {
            assertThat(count(observed, OLD)).isEqualTo(3);
          }
        });
  }

  @Test
  void downThenUpNeverRunsOldAndNewTogether() {
    DesiredInstance desired = bounceFrom(BounceMethod.DOWNTHENUP, 3);
    List<Plan> plans =
        converge(
            desired,
            (observed, plan) ->
                assertThat(count(observed, OLD) > 0 && count(observed, desired.appId()) > 0)
                    .as("old and new running together at %s", engine.now)
                    .isFalse());
    assertThat(plans.get(0).actions()).noneMatch(Action.StartTasks.class::isInstance);
  }

  @Test
  void brutalDrainsEverythingAndStartsEverythingAtOnce() {
    DesiredInstance desired = bounceFrom(BounceMethod.BRUTAL, 3);
    List<Plan> plans = converge(desired, (observed, plan) -> {});
    Plan first = plans.get(0);
    assertThat(first.actions()).hasSize(2);
    assertThat(((Action.DrainTasks) first.actions().get(0)).taskIds()).hasSize(3);
    assertThat(((Action.StartTasks) first.actions().get(1)).count()).isEqualTo(3);
  }

  @ParameterizedTest
  @EnumSource(
      value = BounceMethod.class,
      names = {"BRUTAL", "UPTHENDOWN", "CROSSOVER", "DOWNTHENUP"})
  void aBounceInterruptedAtAnyPassConvergesFromWhatTheEngineShows(BounceMethod method) {
    // the planner remembers nothing: every pass is a fresh start after a crash
    DesiredInstance desired = bounceFrom(method, 3);
    List<Plan> plans = converge(desired, (observed, plan) -> {});
    assertThat(plans.get(plans.size() - 1).status()).isEqualTo("running 3/3");
  }

  @Test
  void scaleUpAndDownKeepTheAppAndReachTheCount() {
    engine = new FakeEngine(fixture.ref());
    fixture.instances = 2;
    DesiredInstance two = fixture.desired();
    converge(two, (observed, plan) -> {});
    fixture.instances = 5;
    DesiredInstance five = fixture.desired();
    assertThat(five.appId()).isEqualTo(two.appId());
    converge(
        five, (o, p) -> assertThat(p.actions()).noneMatch(Action.DrainTasks.class::isInstance));
    fixture.instances = 1;
    converge(
        fixture.desired(),
        (o, p) -> assertThat(p.actions()).noneMatch(Action.StartTasks.class::isInstance));
  }

  @Test
  void aCrashingAppIsRelaunchedWithGrowingDelaysUpToTheCap() {
    fixture.instances = 1;
    fixture.maxLaunchDelaySeconds = 20;
    engine = new FakeEngine(fixture.ref());
    DesiredInstance desired = fixture.desired();
    engine.crashing = java.util.Set.of(desired.appId());
    for (int pass = 0; pass < 400 && engine.starts.size() < 9; pass++) {
      Plan plan = InstancePlanner.plan(Optional.of(desired), engine.observe(), engine.now);
      engine.apply(plan);
      engine.advance(plan.recheckAfter().orElseThrow());
    }
    List<Long> gaps = new ArrayList<>();
    for (int i = 1; i < engine.starts.size(); i++) {
      // each task ran 0.5 s; the launch delay follows its exit
      Duration gap = Duration.between(engine.starts.get(i - 1), engine.starts.get(i));
      gaps.add(gap.minus(engine.crashAfter).toSeconds());
    }
    assertThat(gaps).containsExactly(1L, 2L, 4L, 8L, 16L, 20L, 20L, 20L);
  }

  private static boolean isDraining(ObservedTask task) {
    return task.drain() != DrainState.NOT_DRAINING;
  }

  private static boolean takesOutOldTasks(
      Plan plan, ObservedInstance observed, DesiredInstance desired) {
    List<String> old =
        observed.tasks().stream()
            .filter(t -> !t.appId().equals(desired.appId()))
            .map(ObservedTask::id)
            .toList();
    return plan.actions().stream()
        .anyMatch(
            a ->
                (a instanceof Action.DrainTasks d && d.taskIds().stream().anyMatch(old::contains))
                    || (a instanceof Action.KillTasks k
                        && k.taskIds().stream().anyMatch(old::contains)));
  }
}
