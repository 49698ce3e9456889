package io.paasta.server.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.paasta.model.DesiredState;
import io.paasta.model.InstanceKind;
import io.paasta.model.InstanceRef;
import io.paasta.planning.HappinessRule;
import io.paasta.planning.observed.DrainState;
import io.paasta.planning.observed.HealthState;
import io.paasta.planning.observed.ObservedTask;
import io.paasta.planning.observed.TaskState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The deploy_status decision table: one row per situation. */
class DeployStatusRuleTest {
  private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
  private static final String NEW = "web.main.gitaaaaaaaa.config11111111";
  private static final String OLD = "web.main.gitbbbbbbbb.config22222222";
  private static final InstanceRef REF =
      new InstanceRef("web", "norcal", "main", InstanceKind.MARATHON);

  /** A row: the situation, and the status, counts and error it must give. */
  record Row(
      String situation,
      OptionalInt instances,
      DesiredState state,
      List<ObservedTask> tasks,
      Optional<InstanceStatus> lastPass,
      DeployStatus status,
      TaskCounts counts,
      String errorContains) {
    @Override
    public String toString() {
      return situation;
    }
  }

  static Stream<Row> table() {
    return Stream.of(
        row(
            "not deployed",
            none(),
            start(),
            tasks(),
            noPass(),
            DeployStatus.NOT_RUNNING,
            counts(0, 0, 0, 0),
            "deploy group 'prod' has no deployment"),
        row(
            "not deployed, old tasks still there",
            none(),
            start(),
            tasks(happy(OLD, 1)),
            noPass(),
            DeployStatus.NOT_RUNNING,
            counts(1, 0, 0, 1),
            "not deployed"),
        row(
            "running all happy",
            n(2),
            start(),
            tasks(happy(NEW, 1), happy(NEW, 2)),
            noPass(),
            DeployStatus.RUNNING,
            counts(1, 2, 2, 0),
            null),
        row(
            "stopped, no tasks",
            n(0),
            stop(),
            tasks(),
            noPass(),
            DeployStatus.STOPPED,
            counts(0, 0, 0, 0),
            null),
        row(
            "stopped while tasks still drain: never Running",
            n(0),
            stop(),
            tasks(happy(NEW, 1), happy(NEW, 2)),
            noPass(),
            DeployStatus.STOPPED,
            counts(1, 2, 2, 0),
            null),
        row(
            "started with no task wanted (min_instances 0)",
            n(0),
            start(),
            tasks(),
            noPass(),
            DeployStatus.STOPPED,
            counts(0, 0, 0, 0),
            null),
        row(
            "bouncing: old app alive, new all happy",
            n(2),
            start(),
            tasks(happy(NEW, 1), happy(NEW, 2), happy(OLD, 3)),
            noPass(),
            DeployStatus.DEPLOYING,
            counts(2, 2, 2, 1),
            null),
        row(
            "bouncing: new tasks not yet happy",
            n(2),
            start(),
            tasks(unhealthy(NEW, 1), starting(NEW, 2), happy(OLD, 3), happy(OLD, 4)),
            noPass(),
            DeployStatus.DEPLOYING,
            counts(2, 2, 0, 2),
            null),
        row(
            "scaling up",
            n(3),
            start(),
            tasks(happy(NEW, 1)),
            noPass(),
            DeployStatus.DEPLOYING,
            counts(1, 1, 1, 0),
            null),
        row(
            "scaling down",
            n(1),
            start(),
            tasks(happy(NEW, 1), happy(NEW, 2)),
            noPass(),
            DeployStatus.DEPLOYING,
            counts(1, 2, 2, 0),
            null),
        row(
            "a draining task is not happy",
            n(1),
            start(),
            tasks(draining(NEW, 1)),
            noPass(),
            DeployStatus.DEPLOYING,
            counts(1, 1, 0, 0),
            null),
        row(
            "just deployed, nothing started yet",
            n(2),
            start(),
            tasks(),
            noPass(),
            DeployStatus.DEPLOYING,
            counts(0, 0, 0, 0),
            null),
        row(
            "crash loop held back by backoff",
            n(1),
            start(),
            tasks(exited(NEW, 1, 3), exited(NEW, 2, 1)),
            noPass(),
            DeployStatus.DELAYED,
            counts(0, 0, 0, 0),
            "backoff"),
        row(
            "crashed long ago: backoff over, relaunch due",
            n(1),
            start(),
            tasks(exited(NEW, 1, 600)),
            noPass(),
            DeployStatus.DEPLOYING,
            counts(0, 0, 0, 0),
            null),
        row(
            "image missing: the last pass failed",
            n(2),
            start(),
            tasks(happy(OLD, 1), happy(OLD, 2)),
            pass(NEW, "image x is not in the registry"),
            DeployStatus.WAITING,
            counts(1, 0, 0, 2),
            "is not in the registry"),
        row(
            "an error of a pass for an older config is not shown",
            n(2),
            start(),
            tasks(happy(NEW, 1), happy(NEW, 2)),
            pass(OLD, "image y is not in the registry"),
            DeployStatus.RUNNING,
            counts(1, 2, 2, 0),
            null),
        row(
            "an error with every task running is not Waiting",
            n(1),
            start(),
            tasks(happy(NEW, 1), happy(OLD, 2)),
            pass(NEW, "kill failed"),
            DeployStatus.DEPLOYING,
            counts(2, 1, 1, 1),
            "kill failed"),
        row(
            "stopped with an error keeps Stopped",
            n(0),
            stop(),
            tasks(happy(NEW, 1)),
            pass(NEW, "kill failed"),
            DeployStatus.STOPPED,
            counts(1, 1, 1, 0),
            "kill failed"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("table")
  void decides(Row row) {
    Optional<DeployStatusRule.Target> target =
        row.instances().isPresent()
            ? Optional.of(
                new DeployStatusRule.Target(
                    NEW,
                    row.instances().getAsInt(),
                    new HappinessRule(Optional.empty(), false),
                    2,
                    Duration.ofSeconds(300)))
            : Optional.empty();
    DeployStatusRule.Verdict verdict =
        DeployStatusRule.evaluate(
            new DeployStatusRule.Input(
                target, "prod", row.state(), row.tasks(), row.lastPass(), NOW));
    assertThat(verdict.status()).isEqualTo(row.status());
    assertThat(verdict.counts()).isEqualTo(row.counts());
    if (row.errorContains() == null) {
      assertThat(verdict.errorMessage()).isEmpty();
    } else {
      assertThat(verdict.errorMessage())
          .hasValueSatisfying(m -> assertThat(m).contains(row.errorContains()));
    }
  }

  private static Row row(
      String situation,
      OptionalInt instances,
      DesiredState state,
      List<ObservedTask> tasks,
      Optional<InstanceStatus> lastPass,
      DeployStatus status,
      TaskCounts counts,
      String error) {
    return new Row(situation, instances, state, tasks, lastPass, status, counts, error);
  }

  private static OptionalInt none() {
    return OptionalInt.empty();
  }

  private static OptionalInt n(int instances) {
    return OptionalInt.of(instances);
  }

  private static DesiredState start() {
    return DesiredState.START;
  }

  private static DesiredState stop() {
    return DesiredState.STOP;
  }

  private static Optional<InstanceStatus> noPass() {
    return Optional.empty();
  }

  private static Optional<InstanceStatus> pass(String appId, String error) {
    return Optional.of(
        new InstanceStatus(REF, NOW, "running", false, Optional.of(appId), Optional.of(error)));
  }

  private static TaskCounts counts(int apps, int running, int healthy, int otherLive) {
    return new TaskCounts(apps, running, healthy, otherLive);
  }

  private static List<ObservedTask> tasks(ObservedTask... tasks) {
    return new ArrayList<>(List.of(tasks));
  }

  private static ObservedTask running(String app, int n, HealthState health, DrainState drain) {
    return new ObservedTask(
        "task" + n,
        app,
        TaskState.RUNNING,
        Optional.of(NOW.minusSeconds(120)),
        Optional.empty(),
        OptionalInt.empty(),
        OptionalInt.of(31000 + n),
        health,
        drain,
        false);
  }

  private static ObservedTask happy(String app, int n) {
    return running(app, n, HealthState.HEALTHY, DrainState.NOT_DRAINING);
  }

  private static ObservedTask unhealthy(String app, int n) {
    return running(app, n, HealthState.UNHEALTHY, DrainState.NOT_DRAINING);
  }

  private static ObservedTask starting(String app, int n) {
    return running(app, n, HealthState.UNKNOWN, DrainState.NOT_DRAINING);
  }

  private static ObservedTask draining(String app, int n) {
    return running(app, n, HealthState.HEALTHY, DrainState.DRAINING);
  }

  /** A task that ran 1 s and exited {@code secondsAgo}. */
  private static ObservedTask exited(String app, int n, int secondsAgo) {
    Instant finished = NOW.minusSeconds(secondsAgo);
    return new ObservedTask(
        "task" + n,
        app,
        TaskState.EXITED,
        Optional.of(finished.minusSeconds(1)),
        Optional.of(finished),
        OptionalInt.of(3),
        OptionalInt.empty(),
        HealthState.UNKNOWN,
        DrainState.NOT_DRAINING,
        false);
  }
}
