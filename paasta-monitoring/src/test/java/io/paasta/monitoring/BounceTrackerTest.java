package io.paasta.monitoring;

import static io.paasta.monitoring.testing.Fixtures.NOW;
import static io.paasta.monitoring.testing.Fixtures.WEB_MAIN;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paasta.monitoring.check.CheckKind;
import io.paasta.monitoring.check.CheckSettings;
import io.paasta.monitoring.check.CheckStatus;
import io.paasta.monitoring.check.DeployProgress;
import io.paasta.monitoring.check.InstanceChecks;
import io.paasta.monitoring.check.InstanceSnapshot;
import io.paasta.monitoring.send.MonitoringLog;
import io.paasta.monitoring.testing.Fixtures;
import io.paasta.planning.observed.DrainState;
import io.paasta.planning.observed.HealthState;
import io.paasta.planning.observed.ObservedTask;
import io.paasta.planning.observed.TaskState;
import io.paasta.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Since when an instance has been bouncing: derived from its tasks, so a restart keeps it. */
class BounceTrackerTest {
  private static final String A = "web.main.gitaaaaaaaa.config11111111";
  private static final String B = "web.main.gitbbbbbbbb.config22222222";
  private static final String C = "web.main.gitcccccccc.config33333333";

  /** A row: the desired app, the tasks, the bounce start they show. */
  record Row(String situation, String desired, List<ObservedTask> tasks, Optional<Duration> ago) {
    @Override
    public String toString() {
      return situation;
    }
  }

  static Stream<Row> table() {
    return Stream.of(
        row(
            "steady: the desired app alone",
            A,
            List.of(running(A, 60), running(A, 50)),
            Optional.empty()),
        row("a scale-up is no bounce", A, List.of(running(A, 60), running(A, 1)), Optional.empty()),
        row(
            "only exited tasks of an old app are left",
            B,
            List.of(exited(A, 90), running(B, 4)),
            Optional.empty()),
        row(
            "A to B: B's first start",
            B,
            List.of(running(A, 60), running(B, 4), running(B, 2)),
            minutesAgo(4)),
        row(
            "A to B, B's first task crashed and was replaced: the crash counts",
            B,
            List.of(running(A, 60), exited(B, 7), running(B, 2)),
            minutesAgo(7)),
        row(
            "A to B, B's task not started yet: the tasks cannot tell",
            B,
            List.of(running(A, 60), created(B)),
            Optional.empty()),
        row(
            "A to B, no task of B yet (an old one drains first): the tasks cannot tell",
            B,
            List.of(running(A, 60), running(A, 59)),
            Optional.empty()),
        row(
            "rolled back to A while B still runs: bouncing since B came",
            A,
            List.of(running(A, 60), running(B, 4)),
            minutesAgo(4)),
        row(
            "A to B, then to C before B was done: since B came",
            C,
            List.of(running(A, 60), running(B, 9), running(C, 2)),
            minutesAgo(9)),
        row(
            "A to B to C, C not started yet: since B came",
            C,
            List.of(running(A, 60), running(B, 9)),
            minutesAgo(9)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("table")
  void theBounceStartsWhenTheInstanceCameToHoldASecondApp(Row row) {
    assertThat(BounceTracker.startFromTasks(row.desired(), row.tasks()))
        .isEqualTo(row.ago().map(NOW::minus));
  }

  @Test
  void aBounceTheTasksCannotDateCountsFromTheFirstPassThatSawIt() {
    BounceTracker tracker = new BounceTracker();
    List<ObservedTask> draining = List.of(running(A, 60));
    assertThat(tracker.observe(WEB_MAIN, B, draining, NOW)).contains(NOW);
    assertThat(tracker.observe(WEB_MAIN, B, draining, NOW.plusSeconds(60))).contains(NOW);
    // B's first task starts later: the pass that saw the bounce first is earlier, and wins
    List<ObservedTask> started = List.of(running(A, 60), running(B, -90));
    assertThat(tracker.observe(WEB_MAIN, B, started, NOW.plusSeconds(120))).contains(NOW);
    // over, then a new bounce
    assertThat(tracker.observe(WEB_MAIN, B, List.of(running(B, -90)), NOW.plusSeconds(180)))
        .isEmpty();
    assertThat(tracker.observe(WEB_MAIN, C, List.of(running(B, -90)), NOW.plusSeconds(240)))
        .contains(NOW.plusSeconds(240));
  }

  @Test
  void aRestartedDaemonReportsTheSameBounceStart() {
    List<ObservedTask> engine = List.of(running(A, 60), running(B, 4), running(B, 3));
    Optional<Instant> before = new BounceTracker().observe(WEB_MAIN, B, engine, NOW);
    // the daemon restarts a minute later: new instances of every class, the same engine state
    Optional<Instant> after = new BounceTracker().observe(WEB_MAIN, B, engine, NOW.plusSeconds(60));
    assertThat(before).contains(NOW.minus(Duration.ofMinutes(4)));
    assertThat(after).isEqualTo(before);
  }

  @Test
  void aRestartDoesNotResetTheDeployStuckTimer() {
    // 12 minutes into a bounce that the daemon saw stuck (limit 10 minutes), it restarts
    List<ObservedTask> engine = List.of(running(A, 60), running(B, 12));
    ManualClock clock = new ManualClock(NOW);
    CheckStatus before = deployCheck(new BounceTracker(), engine, clock);
    clock.advance(Duration.ofSeconds(30));
    CheckStatus afterRestart = deployCheck(new BounceTracker(), engine, clock);
    assertThat(before).isEqualTo(CheckStatus.CRITICAL);
    assertThat(afterRestart).isEqualTo(CheckStatus.CRITICAL);
  }

  /** One pass of a freshly started monitoring: the deploy check's status. */
  private static CheckStatus deployCheck(
      BounceTracker tracker, List<ObservedTask> tasks, ManualClock clock) {
    MonitoringRunner runner =
        new MonitoringRunner(
            "local",
            new InstanceChecks(CheckSettings.DEFAULTS),
            event -> {},
            new SimpleMeterRegistry(),
            MonitoringLog.discard(),
            clock);
    Optional<Instant> since = tracker.observe(WEB_MAIN, B, tasks, clock.instant());
    runner.evaluate(
        List.of(
            new InstanceSnapshot(
                WEB_MAIN,
                Fixtures.team("web"),
                1,
                50,
                tasks,
                Optional.empty(),
                new DeployProgress(since, Optional.empty(), "bouncing crossover: 0/1 new happy"),
                List.of())));
    return runner.currentStates(WEB_MAIN).stream()
        .filter(state -> state.kind() == CheckKind.DEPLOY)
        .findFirst()
        .orElseThrow()
        .status();
  }

  private static Optional<Duration> minutesAgo(int minutes) {
    return Optional.of(Duration.ofMinutes(minutes));
  }

  private static Row row(
      String situation, String desired, List<ObservedTask> tasks, Optional<Duration> ago) {
    return new Row(situation, desired, tasks, ago);
  }

  /** A running task of {@code app} started {@code minutes} before NOW (negative: after). */
  private static ObservedTask running(String app, int minutes) {
    return task(app, TaskState.RUNNING, Optional.of(NOW.minus(Duration.ofMinutes(minutes))));
  }

  private static ObservedTask exited(String app, int minutes) {
    return task(app, TaskState.EXITED, Optional.of(NOW.minus(Duration.ofMinutes(minutes))));
  }

  private static ObservedTask created(String app) {
    return task(app, TaskState.CREATED, Optional.empty());
  }

  private static ObservedTask task(String app, TaskState state, Optional<Instant> started) {
    return new ObservedTask(
        app + "-" + state + "-" + started.map(Instant::toString).orElse("created"),
        app,
        state,
        started,
        state == TaskState.EXITED ? started.map(s -> s.plusSeconds(5)) : Optional.empty(),
        OptionalInt.empty(),
        OptionalInt.of(31000),
        HealthState.HEALTHY,
        DrainState.NOT_DRAINING,
        false);
  }
}
