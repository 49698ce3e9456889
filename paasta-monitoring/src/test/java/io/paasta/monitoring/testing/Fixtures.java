package io.paasta.monitoring.testing;

import io.paasta.model.InstanceKind;
import io.paasta.model.InstanceRef;
import io.paasta.model.MonitoringConfig;
import io.paasta.monitoring.check.DeployProgress;
import io.paasta.monitoring.check.InstanceSnapshot;
import io.paasta.monitoring.send.MonitoringLog;
import io.paasta.planning.observed.DrainState;
import io.paasta.planning.observed.HealthState;
import io.paasta.planning.observed.ObservedTask;
import io.paasta.planning.observed.TaskState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** Builders of monitoring configs, tasks and snapshots for tests. */
public final class Fixtures {
  public static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
  public static final InstanceRef WEB_MAIN =
      new InstanceRef("web", "local", "main", InstanceKind.MARATHON);

  private Fixtures() {}

  /** A log that keeps its warnings in {@code warnings} and drops the rest. */
  public static MonitoringLog warningsTo(List<String> warnings) {
    return new MonitoringLog() {
      @Override
      public void info(String message) {}

      @Override
      public void warn(String message) {
        warnings.add(message);
      }
    };
  }

  /** A monitoring config with only a team (null for none). */
  public static MonitoringConfig team(String team) {
    return monitoring(team, null, null, null);
  }

  public static MonitoringConfig monitoring(
      String team, String alertAfter, String realertEvery, String checkEvery) {
    return new MonitoringConfig(
        Optional.ofNullable(team),
        Optional.empty(),
        false,
        Optional.empty(),
        Optional.empty(),
        false,
        Optional.empty(),
        List.of(),
        List.of(),
        Optional.ofNullable(alertAfter),
        Optional.ofNullable(realertEvery),
        Optional.ofNullable(checkEvery),
        Optional.empty(),
        List.of(),
        Map.of());
  }

  /** A running task of app {@code app}, started {@code upFor} before NOW, with this health. */
  public static ObservedTask running(String id, Duration upFor, HealthState health) {
    return task(id, TaskState.RUNNING, NOW.minus(upFor), null, health, DrainState.NOT_DRAINING);
  }

  public static ObservedTask draining(String id, Duration upFor) {
    return task(
        id, TaskState.RUNNING, NOW.minus(upFor), null, HealthState.HEALTHY, DrainState.DRAINING);
  }

  /** A task that exited by itself {@code ago} before NOW with exit code 1. */
  public static ObservedTask exited(String id, Duration ago) {
    return task(
        id,
        TaskState.EXITED,
        NOW.minus(ago).minusSeconds(5),
        NOW.minus(ago),
        HealthState.UNKNOWN,
        DrainState.NOT_DRAINING);
  }

  private static ObservedTask task(
      String id,
      TaskState state,
      Instant started,
      Instant finished,
      HealthState health,
      DrainState drain) {
    return new ObservedTask(
        id,
        "web.main.git01234567.config89abcdef",
        state,
        Optional.of(started),
        Optional.ofNullable(finished),
        finished == null ? OptionalInt.empty() : OptionalInt.of(1),
        OptionalInt.of(31000),
        health,
        drain,
        false);
  }

  /** {@code count} healthy tasks up for an hour. */
  public static List<ObservedTask> healthyTasks(int count) {
    List<ObservedTask> tasks = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      tasks.add(running("t" + i, Duration.ofHours(1), HealthState.HEALTHY));
    }
    return tasks;
  }

  /** A snapshot in the task form, at steady state, no OOM kills. */
  public static InstanceSnapshot snapshot(
      MonitoringConfig monitoring, int expected, List<ObservedTask> tasks) {
    return new InstanceSnapshot(
        WEB_MAIN,
        monitoring,
        expected,
        50,
        tasks,
        Optional.empty(),
        DeployProgress.steady("running " + tasks.size() + "/" + expected),
        List.of());
  }
}
