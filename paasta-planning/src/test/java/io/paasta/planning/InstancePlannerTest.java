package io.paasta.planning;

import static io.paasta.planning.testing.Tasks.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.paasta.model.BounceMethod;
import io.paasta.model.DesiredState;
import io.paasta.planning.app.DesiredInstance;
import io.paasta.planning.observed.DrainState;
import io.paasta.planning.observed.HealthState;
import io.paasta.planning.observed.ObservedInstance;
import io.paasta.planning.observed.ObservedTask;
import io.paasta.planning.plan.Action;
import io.paasta.planning.plan.Plan;
import io.paasta.planning.testing.ConfigFixture;
import io.paasta.planning.testing.Tasks;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class InstancePlannerTest {
  private static final String OLD = "svc.main.gitfedcba98.config00000000";
  private static final Instant NOW = T0.plusSeconds(3600);

  private final ConfigFixture fixture = new ConfigFixture();

  private Plan plan(List<ObservedTask> tasks) {
    return plan(fixture.desired(), tasks, NOW);
  }

  private Plan plan(DesiredInstance desired, List<ObservedTask> tasks, Instant now) {
    return InstancePlanner.plan(
        Optional.of(desired), new ObservedInstance(fixture.ref(), tasks), now);
  }

  private String app() {
    return fixture.desired().appId();
  }

  private List<ObservedTask> happyNew(int count) {
    return IntStream.range(0, count).mapToObj(i -> Tasks.happy("new" + i, app())).toList();
  }

  private static List<ObservedTask> happyOld(int count) {
    return IntStream.range(0, count).mapToObj(i -> Tasks.happy("old" + i, OLD)).toList();
  }

  @SuppressWarnings("unchecked")
  private static <A extends Action> List<A> actions(Plan plan, Class<A> type) {
    return (List<A>) plan.actions().stream().filter(type::isInstance).toList();
  }

  private static List<String> ids(Plan plan, Class<? extends Action> type) {
    List<String> ids = new ArrayList<>();
    for (Action action : actions(plan, type)) {
      if (action instanceof Action.DrainTasks d) {
        ids.addAll(d.taskIds());
      } else if (action instanceof Action.KillTasks k) {
        ids.addAll(k.taskIds());
      } else if (action instanceof Action.RemoveExited r) {
        ids.addAll(r.taskIds());
      }
    }
    return ids;
  }

  private static int started(Plan plan) {
    return actions(plan, Action.StartTasks.class).stream().mapToInt(Action.StartTasks::count).sum();
  }

  @Test
  void aFreshDeployStartsAllTasksOfTheDesiredApp() {
    Plan plan = plan(List.of());
    Action.StartTasks start = actions(plan, Action.StartTasks.class).get(0);
    assertThat(plan.actions()).hasSize(1);
    assertThat(start.appId()).isEqualTo(app());
    assertThat(start.count()).isEqualTo(3);
    assertThat(start.run()).isEqualTo(fixture.desired().run());
    assertThat(plan.steady()).isFalse();
    assertThat(plan.recheckAfter()).contains(InstancePlanner.PROGRESS_RECHECK);
    assertThat(plan.status()).isEqualTo("running 0/3");
  }

  @Test
  void nHappyNewTasksAndNothingElseIsSteady() {
    Plan plan = plan(happyNew(3));
    assertThat(plan.actions()).isEmpty();
    assertThat(plan.steady()).isTrue();
    assertThat(plan.recheckAfter()).isEmpty();
    assertThat(plan.status()).isEqualTo("running 3/3");
  }

  @Test
  void startingTasksAreNotSteadyYet() {
    List<ObservedTask> tasks = new ArrayList<>(happyNew(2));
    tasks.add(Tasks.running("new2", app(), HealthState.UNKNOWN));
    Plan plan = plan(tasks);
    assertThat(plan.actions()).isEmpty();
    assertThat(plan.steady()).isFalse();
    assertThat(plan.status()).isEqualTo("running 2/3");
    assertThat(plan.recheckAfter()).contains(InstancePlanner.PROGRESS_RECHECK);
  }

  @Test
  void happyNeedsMinTaskUptimeAndHaproxyWhenAsked() {
    fixture.minTaskUptime = Optional.of(Duration.ofSeconds(30));
    DesiredInstance desired = fixture.desired();
    assertThat(plan(desired, happyNew(3), T0.plusSeconds(29)).steady()).isFalse();
    assertThat(plan(desired, happyNew(3), T0.plusSeconds(30)).steady()).isTrue();
    fixture.minTaskUptime = Optional.empty();
    fixture.checkHaproxy = true;
    desired = fixture.desired();
    assertThat(plan(desired, happyNew(3), NOW).steady()).isFalse();
    List<ObservedTask> up = happyNew(3).stream().map(t -> Tasks.withHaproxy(t, true)).toList();
    assertThat(plan(desired, up, NOW).steady()).isTrue();
  }

  @Test
  void scalingUpStartsTheMissingTasksWithoutABounce() {
    fixture.instances = 5;
    Plan plan = plan(happyNew(3));
    assertThat(started(plan)).isEqualTo(2);
    assertThat(ids(plan, Action.DrainTasks.class)).isEmpty();
    assertThat(plan.status()).isEqualTo("running 3/5");
  }

  @Test
  void scalingDownTakesOutUnhappyTasksFirstThenTheYoungest() {
    fixture.instances = 2;
    List<ObservedTask> tasks =
        List.of(
            Tasks.withStart(Tasks.happy("a-old", app()), T0),
            Tasks.withStart(Tasks.happy("b-mid", app()), T0.plusSeconds(1)),
            Tasks.withStart(Tasks.happy("c-young", app()), T0.plusSeconds(2)),
            Tasks.running("d-sick", app(), HealthState.UNHEALTHY),
            Tasks.created("e-created", app()));
    Plan plan = plan(tasks);
    assertThat(ids(plan, Action.KillTasks.class)).containsExactly("e-created");
    assertThat(ids(plan, Action.DrainTasks.class)).containsExactly("d-sick", "c-young");
    assertThat(started(plan)).isZero();
    assertThat(plan.status()).isEqualTo("scaling down: 3/2 happy, 2 draining");
    assertThat(plan.recheckAfter()).contains(InstancePlanner.AFTER_DRAIN_RECHECK);
  }

  @Test
  void drainedExtrasAreKilledOnceSafe() {
    List<ObservedTask> tasks = new ArrayList<>(happyNew(3));
    tasks.add(Tasks.draining("x-safe", app(), DrainState.SAFE_TO_KILL));
    tasks.add(Tasks.draining("y-draining", app(), DrainState.DRAINING));
    Plan plan = plan(tasks);
    assertThat(ids(plan, Action.KillTasks.class)).containsExactly("x-safe");
    assertThat(ids(plan, Action.DrainTasks.class)).isEmpty();
    assertThat(started(plan)).isZero();
    assertThat(plan.steady()).isFalse();
    assertThat(plan.status()).isEqualTo("running 3/3, 1 draining");
  }

  @Test
  void aFailedTaskIsKilledAndReplacedInTheSamePass() {
    List<ObservedTask> tasks = new ArrayList<>(happyNew(2));
    tasks.add(Tasks.running("sick", app(), HealthState.FAILED));
    Plan plan = plan(tasks);
    assertThat(plan.actions().get(0)).isInstanceOf(Action.KillTasks.class);
    assertThat(ids(plan, Action.KillTasks.class)).containsExactly("sick");
    assertThat(started(plan)).isEqualTo(1);
  }

  @Test
  void stopDrainsEverythingThenIsSteady() {
    fixture.desiredState = DesiredState.STOP;
    List<ObservedTask> tasks =
        List.of(
            Tasks.happy("a", app()),
            Tasks.happy("b", OLD),
            Tasks.created("c", app()),
            Tasks.draining("d", app(), DrainState.SAFE_TO_KILL),
            Tasks.draining("e", app(), DrainState.DRAINING),
            Tasks.exited("f", app(), T0, T0.plusSeconds(1)));
    Plan plan = plan(tasks);
    assertThat(ids(plan, Action.DrainTasks.class)).containsExactly("a", "b");
    assertThat(ids(plan, Action.KillTasks.class)).containsExactly("c", "d");
    assertThat(ids(plan, Action.RemoveExited.class)).containsExactly("f");
    assertThat(started(plan)).isZero();
    assertThat(plan.status()).isEqualTo("stopping: 5 task(s) left (instance stopped)");
    Plan done = plan(List.of());
    assertThat(done.steady()).isTrue();
    assertThat(done.actions()).isEmpty();
    assertThat(done.status()).isEqualTo("stopped");
  }

  @Test
  void anInstanceNoLongerDesiredIsDrainedAndKilled() {
    ObservedInstance observed =
        new ObservedInstance(
            fixture.ref(),
            List.of(Tasks.happy("a", OLD), Tasks.draining("b", OLD, DrainState.SAFE_TO_KILL)));
    Plan plan = InstancePlanner.plan(Optional.empty(), observed, NOW);
    assertThat(ids(plan, Action.DrainTasks.class)).containsExactly("a");
    assertThat(ids(plan, Action.KillTasks.class)).containsExactly("b");
    assertThat(plan.steady()).isFalse();
    Plan gone =
        InstancePlanner.plan(Optional.empty(), new ObservedInstance(fixture.ref(), List.of()), NOW);
    assertThat(gone.steady()).isTrue();
    assertThat(gone.status()).isEqualTo("no tasks");
  }

  @Test
  void aBounceStartsTheNewAppBesideTheOld() {
    Plan plan = plan(happyOld(3));
    assertThat(started(plan)).isEqualTo(3);
    assertThat(ids(plan, Action.DrainTasks.class)).isEmpty();
    assertThat(plan.status()).isEqualTo("bouncing crossover: 0/3 new happy, 3 old up");
    assertThat(actions(plan, Action.StartTasks.class).get(0).reason())
        .isEqualTo("0 of 3 task(s) live; crossover bounce");
  }

  @Test
  void oldTasksFollowTheDrainStateMachine() {
    fixture.bounceMethod = BounceMethod.UPTHENDOWN;
    List<ObservedTask> tasks = new ArrayList<>(happyNew(3));
    tasks.add(Tasks.happy("o-up", OLD));
    tasks.add(Tasks.created("o-created", OLD));
    tasks.add(Tasks.draining("o-draining", OLD, DrainState.DRAINING));
    tasks.add(Tasks.draining("o-safe", OLD, DrainState.SAFE_TO_KILL));
    tasks.add(Tasks.exited("o-exited", OLD, T0, T0.plusSeconds(5)));
    Plan plan = plan(tasks);
    assertThat(ids(plan, Action.DrainTasks.class)).containsExactly("o-up");
    assertThat(ids(plan, Action.KillTasks.class)).containsExactlyInAnyOrder("o-safe", "o-created");
    assertThat(ids(plan, Action.RemoveExited.class)).containsExactly("o-exited");
    assertThat(plan.status()).isEqualTo("bouncing upthendown: 3/3 new happy, 3 old draining");
  }

  @Test
  void downThenUpWaitsUntilEveryOldTaskIsGone() {
    fixture.bounceMethod = BounceMethod.DOWNTHENUP;
    Plan plan = plan(List.of(Tasks.running("o-sick", OLD, HealthState.UNHEALTHY)));
    assertThat(ids(plan, Action.DrainTasks.class)).containsExactly("o-sick");
    assertThat(started(plan)).isZero(); // no happy old task, but one still runs
    assertThat(started(plan(List.of()))).isEqualTo(3);
  }

  @Test
  void crashBackoffHoldsStartsBackAndSaysHowLong() {
    List<ObservedTask> tasks = new ArrayList<>(happyNew(2));
    for (int i = 1; i <= 4; i++) {
      tasks.add(Tasks.exited("x" + i, app(), NOW.minusSeconds(12 - i), NOW.minusSeconds(11 - i)));
    }
    // newest exit at NOW - 7 s, 4 failures: 8 s delay, 1 s left
    Plan plan = plan(tasks);
    assertThat(started(plan)).isZero();
    assertThat(plan.status())
        .isEqualTo("waiting 1s before relaunching (backoff after 4 failures); 2/3 happy");
    assertThat(plan.recheckAfter()).contains(Duration.ofSeconds(1));
    assertThat(plan.steady()).isFalse();
    Plan later = plan(fixture.desired(), tasks, NOW.plusSeconds(1));
    assertThat(started(later)).isEqualTo(1);
  }

  @Test
  void exitedTasksBeyondTheCrashHistoryAreRemoved() {
    List<ObservedTask> tasks = new ArrayList<>(happyNew(3));
    for (int i = 10; i < 25; i++) {
      tasks.add(Tasks.exited("x" + i, app(), T0.plusSeconds(i), T0.plusSeconds(i)));
    }
    tasks.add(Tasks.exited("old-x", OLD, T0, T0));
    Plan plan = plan(tasks);
    assertThat(ids(plan, Action.RemoveExited.class))
        .containsExactly("x14", "x13", "x12", "x11", "x10", "old-x");
    assertThat(plan.steady()).isFalse();
    List<ObservedTask> kept = tasks.subList(0, 3 + 15).subList(0, 13);
    assertThat(plan(kept).steady()).isTrue(); // crash history alone does not unsettle
  }

  @Test
  void actionsComeKillsFirstThenDrainsStartsAndRemovals() {
    List<ObservedTask> tasks = new ArrayList<>(happyOld(3));
    tasks.add(Tasks.running("n-failed", app(), HealthState.FAILED));
    tasks.add(Tasks.happy("n-ok", app()));
    tasks.add(Tasks.exited("o-exited", OLD, T0, T0));
    Plan plan = plan(tasks);
    assertThat(plan.actions().stream().map(a -> a.getClass().getSimpleName()).toList())
        .containsExactly("KillTasks", "DrainTasks", "StartTasks", "RemoveExited");
  }

  @Test
  void anInstanceInSoaConfigsThatIsNotDeployedIsLeftAloneAndReported() {
    ObservedInstance observed = new ObservedInstance(fixture.ref(), happyOld(3));
    Plan notDeployed = InstancePlanner.plan(true, Optional.empty(), observed, NOW);
    assertThat(notDeployed.actions()).isEmpty();
    assertThat(notDeployed.status()).isEqualTo("not deployed: 3 task(s) left running as they are");
    Plan gone = InstancePlanner.plan(false, Optional.empty(), observed, NOW);
    assertThat(ids(gone, Action.DrainTasks.class)).containsExactly("old0", "old1", "old2");
  }
}
