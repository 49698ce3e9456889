package io.paasta.planning.observed;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One task of an instance as observed: from the engine (state, times, labels) and from the daemon's
 * health checker and drainer.
 *
 * @param id the engine's id for the task (a container id)
 * @param appId the app the task belongs to (its label)
 * @param startedAt when it started running (empty while created)
 * @param finishedAt when it exited (EXITED only)
 * @param port0 the host port it listens on, if it has one
 * @param inHaproxy whether the local HAProxy has it UP (SmartStack; false when unknown)
 */
public record ObservedTask(
    String id,
    String appId,
    TaskState state,
    Optional<Instant> startedAt,
    Optional<Instant> finishedAt,
    OptionalInt exitCode,
    OptionalInt port0,
    HealthState health,
    DrainState drain,
    boolean inHaproxy) {

  public boolean isRunning() {
    return state == TaskState.RUNNING;
  }

  /** This task, marked UP in the local HAProxy or not. */
  public ObservedTask withInHaproxy(boolean up) {
    return new ObservedTask(
        id, appId, state, startedAt, finishedAt, exitCode, port0, health, drain, up);
  }
}
