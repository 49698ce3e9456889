package io.paasta.planning.testing;

import io.paasta.planning.observed.DrainState;
import io.paasta.planning.observed.HealthState;
import io.paasta.planning.observed.ObservedTask;
import io.paasta.planning.observed.TaskState;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/** Observed tasks for tests. */
public final class Tasks {
  public static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

  private Tasks() {}

  public static ObservedTask running(String id, String appId, HealthState health) {
    return task(
        id,
        appId,
        TaskState.RUNNING,
        Optional.of(T0),
        Optional.empty(),
        health,
        DrainState.NOT_DRAINING);
  }

  public static ObservedTask happy(String id, String appId) {
    return running(id, appId, HealthState.HEALTHY);
  }

  public static ObservedTask created(String id, String appId) {
    return task(
        id,
        appId,
        TaskState.CREATED,
        Optional.empty(),
        Optional.empty(),
        HealthState.UNKNOWN,
        DrainState.NOT_DRAINING);
  }

  public static ObservedTask draining(String id, String appId, DrainState drain) {
    return task(
        id,
        appId,
        TaskState.RUNNING,
        Optional.of(T0),
        Optional.empty(),
        HealthState.HEALTHY,
        drain);
  }

  public static ObservedTask exited(String id, String appId, Instant started, Instant finished) {
    return task(
        id,
        appId,
        TaskState.EXITED,
        Optional.of(started),
        Optional.of(finished),
        HealthState.UNKNOWN,
        DrainState.NOT_DRAINING);
  }

  public static ObservedTask task(
      String id,
      String appId,
      TaskState state,
      Optional<Instant> started,
      Optional<Instant> finished,
      HealthState health,
      DrainState drain) {
    return new ObservedTask(
        id,
        appId,
        state,
        started,
        finished,
        state == TaskState.EXITED ? OptionalInt.of(1) : OptionalInt.empty(),
        OptionalInt.empty(),
        health,
        drain,
        false);
  }

  public static ObservedTask withStart(ObservedTask t, Instant started) {
    return new ObservedTask(
        t.id(),
        t.appId(),
        t.state(),
        Optional.of(started),
        t.finishedAt(),
        t.exitCode(),
        t.port0(),
        t.health(),
        t.drain(),
        t.inHaproxy());
  }

  public static ObservedTask withHaproxy(ObservedTask t, boolean up) {
    return new ObservedTask(
        t.id(),
        t.appId(),
        t.state(),
        t.startedAt(),
        t.finishedAt(),
        t.exitCode(),
        t.port0(),
        t.health(),
        t.drain(),
        up);
  }
}
